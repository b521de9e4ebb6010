import type { ZodMiniType as ZodType } from 'zod/mini';
import type { StaffActor } from '../domain/roles';
import type { HttpEvent } from './http-event';
import { json } from './responses';
import { staffFromEvent } from './staff-identity';
import { parseInput } from './validation';

/**
 * A staff GET route that answers a query string: who is asking (from the verified token), the
 * query parsed by its schema (400 in Chinese otherwise), and the use case's answer as 200 JSON.
 */
export function staffQuery<Query>(
  schema: ZodType<Query>,
  answer: (actor: StaffActor, query: Query) => Promise<unknown>,
) {
  return async (event: HttpEvent) =>
    json(200, await answer(staffFromEvent(event), parseInput(schema, event.queryStringParameters ?? {})));
}
