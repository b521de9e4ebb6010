import { StateMachine } from 'aws-local-stepfunctions';
import { type HistoryEvent, recordHistory } from './execution-history';
import type { LocalDefinition } from './state-machine-definition';
import { TaskTokens, type TokenRefusal } from './task-tokens';

export type InvokeFunction = (functionName: string, payload: unknown) => Promise<unknown>;

export interface ExecutionRecord {
  readonly name: string;
  readonly executionArn: string;
  readonly input: string;
  readonly startDate: Date;
  status: 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'ABORTED';
  stopDate?: Date;
  error?: string;
  abort?: () => void;
  /** The execution's events so far (GET /local/executions/{name}). */
  readonly history: HistoryEvent[];
}

export class ExecutionAlreadyExistsError extends Error {
  override readonly name = 'ExecutionAlreadyExists';
}

/** Retries wait this long locally instead of the definition's seconds-long backoff. */
const LOCAL_RETRY_INTERVAL_MS = 50;

/**
 * Runs the synthesized CaseLifecycle definition with aws-local-stepfunctions: Lambda tasks call
 * the handler files in this process, wait steps wait for the local SendTaskSuccess stand-in.
 * Executions live in memory; after a restart the local stack resumes every open case.
 */
export class LocalStepFunctions {
  readonly tokens = new TaskTokens();
  private readonly machine: StateMachine;
  private readonly executions = new Map<string, ExecutionRecord>();

  constructor(
    private readonly local: LocalDefinition,
    private readonly invoke: InvokeFunction,
    private readonly stateMachineArn: string,
    private readonly onFailure: (execution: ExecutionRecord, error: unknown) => void = () => {},
  ) {
    this.machine = new StateMachine(local.definition as never, { validationOptions: { checkArn: false } });
  }

  /** Same name and input while running: the same execution (as AWS answers). Otherwise ExecutionAlreadyExists. */
  startExecution(name: string, input: string): ExecutionRecord {
    const existing = this.executions.get(name);
    if (existing) {
      if (existing.status === 'RUNNING' && existing.input === input) return existing;
      throw new ExecutionAlreadyExistsError(`Execution Already Exists: '${existing.executionArn}'`);
    }
    const record: ExecutionRecord = {
      name,
      executionArn: `${this.stateMachineArn.replace(':stateMachine:', ':execution:')}:${name}`,
      input,
      startDate: new Date(),
      status: 'RUNNING',
      history: [],
    };
    this.executions.set(name, record);
    const tokens = this.tokens;
    const execution = this.machine.run(JSON.parse(input), {
      overrides: {
        taskResourceLocalHandlers: this.taskHandlers(name),
        retryIntervalOverrides: Object.fromEntries(
          [...this.local.tasks.keys()].map((state) => [state, LOCAL_RETRY_INTERVAL_MS]),
        ),
      },
      context: {
        Execution: { Id: record.executionArn, Name: name, StartTime: record.startDate.toISOString() },
        Task: {
          get Token() {
            return tokens.issue();
          },
        },
      } as never,
      noThrowOnAbort: true,
    });
    record.abort = execution.abort;
    void recordHistory(execution.eventLogs, record.history).catch(() => {});
    execution.result
      .then((result) => {
        if (record.status === 'RUNNING') record.status = result === null ? 'ABORTED' : 'SUCCEEDED';
      })
      .catch((error: unknown) => {
        record.status = 'FAILED';
        record.error = error instanceof Error ? error.message : String(error);
        this.onFailure(record, error);
      })
      .finally(() => {
        record.stopDate = new Date();
        this.tokens.endExecution(name);
      });
    return record;
  }

  describe(executionArn: string): ExecutionRecord | undefined {
    return [...this.executions.values()].find((e) => e.executionArn === executionArn);
  }

  byName(name: string): ExecutionRecord | undefined {
    return this.executions.get(name);
  }

  list(): readonly ExecutionRecord[] {
    return [...this.executions.values()];
  }

  sendTaskSuccess(token: string, output: unknown): TokenRefusal | undefined {
    return this.tokens.succeed(token, output);
  }

  sendTaskFailure(token: string, error: string, cause: string): TokenRefusal | undefined {
    return this.tokens.fail(token, error, cause);
  }

  stopAll(): void {
    for (const record of this.executions.values()) {
      if (record.status === 'RUNNING') {
        record.status = 'ABORTED';
        record.abort?.();
        this.tokens.endExecution(record.name);
      }
    }
  }

  private taskHandlers(execution: string) {
    const handlers: Record<string, (input: unknown) => Promise<never>> = {};
    for (const [state, task] of this.local.tasks) {
      handlers[state] = async (input) => {
        if (!task.waitsForToken) return (await this.invoke(task.functionName, input)) as never;
        const { Payload, timeoutSeconds } = input as {
          Payload: { taskToken: string };
          timeoutSeconds: number;
        };
        const answer = this.tokens.wait(Payload.taskToken, execution, timeoutSeconds);
        // The token may fail before the function returns (it fails it itself when the case moved on
        // meanwhile): the rejection is awaited below, not lost as an unhandled one.
        answer.catch(() => {});
        try {
          await this.invoke(task.functionName, Payload);
        } catch (error) {
          this.tokens.fail(Payload.taskToken, 'Lambda.Unknown', String(error));
          throw error;
        }
        return (await answer) as never;
      };
    }
    return handlers;
  }
}
