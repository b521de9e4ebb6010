/**
 * A batch handled in order that stopped part-way: the items before `handled` are done, the one at
 * `handled` failed (and everything after it waits for the retry).
 */
export class PartialBatch extends Error {
  constructor(
    readonly handled: number,
    override readonly cause: unknown,
  ) {
    super(`${handled} handled, then: ${(cause as Error)?.message ?? String(cause)}`);
  }
}
