import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/**
 * The correlation id (关联编号) that follows one request's work across the stack's parts, where
 * X-Ray cannot (the China regions have none): the API request that changed a case, the workflow
 * steps that change woke, and the stream consumers that counted it and sent its notices. Every log
 * line carries it as `correlation_id`; the stored items of a change carry it as `correlationId`,
 * so the consumers of their streams, and the workflow, pick it up again.
 *
 * Kept per async context, not on the shared logger: the local runtime runs many functions, and
 * many invocations of one, in one process at once.
 */
const current = new AsyncLocalStorage<string>();

/** The header a client may send its own id in (a mini-program's request id); the answer echoes it. */
export const CORRELATION_HEADER = 'x-correlation-id';

/** An id a client chose is used only if it is short and plain (it ends up in every log line). */
const ACCEPTED = /^[\w.:=+/-]{8,100}$/;

export function withCorrelationId<T>(id: string | undefined, work: () => T): T {
  return current.run(id && ACCEPTED.test(id) ? id : randomUUID(), work);
}

/** The id of the work under way, if any entry point set one. */
export function correlationId(): string | undefined {
  return current.getStore();
}

/** The id of the work under way, or a new one where nothing set it (a script, a start-up task). */
export function correlationIdOrNew(): string {
  return current.getStore() ?? randomUUID();
}

/** An item's own id merged in, where the work under way has one: what a stored change carries. */
export function correlated<T extends object>(item: T): T & { correlationId?: string } {
  const id = current.getStore();
  return id ? { ...item, correlationId: id } : item;
}
