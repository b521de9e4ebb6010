/**
 * How long an SDK call may wait: a connection within 1 s, and never 2 s without a byte. The
 * SDK's default lets a socket sit silent for five minutes: one hung connection used all of an
 * invocation's time, until middy ended it just before the function's timeout (a 503 for an HTTP
 * function, a failed step or batch for the others). With a bound, the SDK gives up on the silent
 * socket and tries again on a new connection: three attempts of 2 s and their backoff fit in the
 * 10 s an HTTP function gets, and what still fails is a TimeoutError, answered 503 with Retry-After.
 */
export const SDK_REQUEST_HANDLER = { connectionTimeout: 1000, socketTimeout: 2000 } as const;
