/** Runs a write at most once per client-chosen key (the Idempotency-Key header). */
export interface Idempotency {
  /**
   * Without a key, just runs `write`. With one, the first call runs it and records the result;
   * later calls with the same key and payload get that result, a different payload is refused
   * (IDEMPOTENCY_KEY_REUSED) and a call while the first is still running gets REQUEST_IN_PROGRESS.
   */
  once<T extends Record<string, unknown>>(request: OnceRequest, write: () => Promise<T>): Promise<T>;
  /**
   * Binds the request's key to `value` the first time it is asked, and answers the first value
   * ever after (without a key: `value`). It outlives an attempt that crashed inside `once` — whose
   * record stays in progress and then expires — so the retry can find what that attempt made (the
   * case number it allocated) instead of making it again.
   */
  bind(request: OnceRequest, value: string): Promise<string>;
}

export interface OnceRequest {
  /** What the key is scoped to: the route, and for case actions the case. */
  readonly scope: string;
  readonly key: string | undefined;
  readonly payload: unknown;
  /** How long the invocation may still run; a crashed attempt frees the key after it. */
  readonly remainingTimeMs?: () => number;
}
