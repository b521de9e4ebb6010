/**
 * Where use cases and adapters report what went wrong without failing the request (a notice that
 * could not be sent, an audit write that failed). The production logger scrubs personal data.
 */
export interface Log {
  error(message: string, ...attributes: Record<string, unknown>[]): void;
  warn(message: string, ...attributes: Record<string, unknown>[]): void;
  info(message: string, ...attributes: Record<string, unknown>[]): void;
  debug(message: string, ...attributes: Record<string, unknown>[]): void;
}
