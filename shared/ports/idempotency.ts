/** Runs a write at most once per client-chosen key (the Idempotency-Key header). */
export interface Idempotency {
  /**
   * Without a key, just runs `write`. With one, the first call runs it and records the result;
   * later calls with the same key and payload get that result, a different payload is refused
   * (IDEMPOTENCY_KEY_REUSED) and a call while the first is still running gets REQUEST_IN_PROGRESS.
   */
  once<T extends Record<string, unknown>>(request: OnceRequest, write: () => Promise<T>): Promise<T>;
}

export interface OnceRequest {
  /** What the key is scoped to: the route, and for case actions the case. */
  readonly scope: string;
  readonly key: string | undefined;
  readonly payload: unknown;
  /** How long the invocation may still run; a crashed attempt frees the key after it. */
  readonly remainingTimeMs?: () => number;
}
