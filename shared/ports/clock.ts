/**
 * Time as the system sees it. Locally it can run faster than the wall clock so a demo or a test
 * can watch a five-working-day deadline pass in seconds; deadlines are always compared in clock
 * time, while timers (Step Functions timeouts) run in real seconds.
 */
export interface Clock {
  now(): Date;
  /** Real seconds a timer must run for the clock to reach `instant` (0 when already past). */
  timerSecondsUntil(instant: Date): number;
}
