import { randomBytes } from 'node:crypto';

/** The answers Step Functions gives to SendTaskSuccess/SendTaskFailure for a token not waiting. */
export type TokenRefusal = 'TaskTimedOut' | 'TaskDoesNotExist' | 'InvalidToken';

interface Waiting {
  readonly resolve: (output: unknown) => void;
  readonly reject: (error: Error) => void;
  readonly execution: string;
  readonly timer: NodeJS.Timeout;
}

/** Keeps refusals for tokens seen recently, so a late answer says "timed out", not "unknown". */
const REMEMBERED = 10_000;

/**
 * The callback half of .waitForTaskToken: tokens handed to wait steps, and the promises the local
 * state machine awaits until someone calls SendTaskSuccess or SendTaskFailure with them.
 */
export class TaskTokens {
  private readonly waiting = new Map<string, Waiting>();
  private readonly ended = new Map<string, TokenRefusal>();

  issue(): string {
    return `local-${randomBytes(24).toString('base64url')}`;
  }

  /** Waits for the token's answer; after `timeoutSeconds` the token answers TaskTimedOut. */
  wait(token: string, execution: string, timeoutSeconds: number): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.end(token, 'TaskTimedOut'), timeoutSeconds * 1000);
      timer.unref();
      this.waiting.set(token, { resolve, reject, execution, timer });
    });
  }

  succeed(token: string, output: unknown): TokenRefusal | undefined {
    const waiting = this.take(token);
    if (!waiting) return this.refusal(token);
    waiting.resolve(output);
    return undefined;
  }

  fail(token: string, error: string, cause: string): TokenRefusal | undefined {
    const waiting = this.take(token);
    if (!waiting) return this.refusal(token);
    const failure = new Error(cause);
    failure.name = error;
    waiting.reject(failure);
    return undefined;
  }

  /** Forgets the waits of an execution that ended or was stopped. */
  endExecution(execution: string): void {
    for (const [token, waiting] of this.waiting) {
      if (waiting.execution === execution) this.end(token, 'TaskDoesNotExist');
    }
  }

  private take(token: string): Waiting | undefined {
    const waiting = this.waiting.get(token);
    if (waiting) this.end(token, 'InvalidToken');
    return waiting;
  }

  private end(token: string, refusal: TokenRefusal): void {
    const waiting = this.waiting.get(token);
    if (waiting) clearTimeout(waiting.timer);
    this.waiting.delete(token);
    this.ended.set(token, refusal);
    if (this.ended.size > REMEMBERED) {
      const oldest = this.ended.keys().next().value;
      if (oldest) this.ended.delete(oldest);
    }
  }

  private refusal(token: string): TokenRefusal {
    if (!token.startsWith('local-')) return 'InvalidToken';
    return this.ended.get(token) ?? 'TaskDoesNotExist';
  }
}
