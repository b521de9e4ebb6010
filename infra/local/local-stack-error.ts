/** A problem a developer can fix (missing Java, busy port): printed as one line, no stack. */
export class LocalStackError extends Error {
  override readonly name = 'LocalStackError';
}
