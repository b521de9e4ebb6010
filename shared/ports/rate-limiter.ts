import type { Limit } from '../domain/abuse-limits';

export type { Limit };

/**
 * Abuse limits shared by every instance of every function (counters in DynamoDB, not in memory).
 * A limit reached answers 429 RATE_LIMITED with Retry-After.
 */
export interface RateLimiter {
  /** Counts one event against every limit; throws 429 when one of them is already used up. */
  take(limits: readonly Limit[]): Promise<void>;
  /** Throws 429 when a limit is used up, without counting anything. */
  check(limits: readonly Limit[]): Promise<void>;
  /**
   * Gives back what `take` counted, for an attempt that turned out not to count (the right query
   * code): counting first and refunding after keeps a burst from being compared before it is counted.
   */
  release(limits: readonly Limit[]): Promise<void>;
}
