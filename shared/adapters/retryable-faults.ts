import { CivicError } from '../domain/errors';

/**
 * Faults that pass if the request is tried again a little later: throttling, a transaction
 * cancelled only because another one held an item (TransactionConflict), a service's 5xx, a
 * dropped connection or a timeout. The SDK retries most of them itself (standard mode, bounded,
 * with jitter); what is still failing after that reaches the client as 503 with Retry-After,
 * never as 500 — and, every write being one conditional transaction, with nothing half-written.
 */
const RETRYABLE_NAMES = new Set([
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'TooManyRequestsException',
  'ThrottledException',
  'Throttling',
  'InternalServerError',
  'InternalFailure',
  'InternalErrorException',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
]);

const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN']);

interface SdkFault {
  readonly name?: string;
  readonly code?: string;
  readonly $retryable?: unknown;
  readonly $metadata?: { readonly httpStatusCode?: number };
  readonly CancellationReasons?: readonly { readonly Code?: string }[];
  readonly cause?: unknown;
}

export function isRetryableFault(error: unknown): boolean {
  if (!error || typeof error !== 'object' || error instanceof CivicError) return false;
  const fault = error as SdkFault;
  if (isTransactionConflict(error)) return true;
  if (fault.name && RETRYABLE_NAMES.has(fault.name)) return true;
  if (fault.code && NETWORK_CODES.has(fault.code)) return true;
  if (fault.$retryable) return true;
  if ((fault.$metadata?.httpStatusCode ?? 0) >= 500) return true;
  // Libraries wrap what the SDK threw (Powertools: IdempotencyPersistenceLayerError { cause }).
  return fault.cause !== undefined && fault.cause !== error && isRetryableFault(fault.cause);
}

/** A transaction cancelled because another transaction held one of its items, and for no other reason. */
export function isTransactionConflict(error: unknown): boolean {
  const fault = error as SdkFault | undefined;
  if (fault?.name !== 'TransactionCanceledException') return false;
  const codes = (fault.CancellationReasons ?? []).map((reason) => reason.Code ?? 'None');
  return (
    codes.includes('TransactionConflict') &&
    codes.every((code) => code === 'TransactionConflict' || code === 'None')
  );
}

/** Seconds a client is asked to wait before trying again. */
export const RETRY_AFTER_SECONDS = 2;

export function serviceBusy(): CivicError {
  return new CivicError(503, 'SERVICE_BUSY', '系统繁忙，请稍后重试', [], {
    'retry-after': String(RETRY_AFTER_SECONDS),
  });
}

/**
 * Tries `attempt` again while it fails with a fault `when` accepts: at most `attempts` times in
 * all, waiting a random time up to a doubling ceiling between tries ("full jitter"), so that
 * callers failing together spread out instead of failing again in step.
 */
export async function retryingFaults<T>(
  attempt: () => Promise<T>,
  {
    when,
    attempts = 4,
    baseMs = 20,
    sleep = defaultSleep,
  }: { when: (error: unknown) => boolean; attempts?: number; baseMs?: number; sleep?: typeof defaultSleep },
): Promise<T> {
  for (let tried = 1; ; tried += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (!when(error) || tried >= attempts) throw error;
      await sleep(Math.random() * baseMs * 2 ** tried);
    }
  }
}

/**
 * Tries `attempt` again while it fails with a transaction conflict (the SDK does not retry those),
 * so that transactions colliding on the same item spread out instead of colliding again in step.
 */
export function retryingConflicts<T>(
  attempt: () => Promise<T>,
  options: { attempts?: number; baseMs?: number; sleep?: typeof defaultSleep } = {},
): Promise<T> {
  return retryingFaults(attempt, { ...options, when: isTransactionConflict });
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
