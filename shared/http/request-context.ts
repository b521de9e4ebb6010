import type { Context } from 'aws-lambda';
import * as z from 'zod';
import type { OnceRequest } from '../ports/idempotency';
import type { HttpEvent } from './http-handler';
import { idempotencyKeySchema } from './intake-schemas';
import { parseInput } from './validation';

/** The idempotency scope of a write: route, path parameters, and the client's key. */
export function onceRequest(event: HttpEvent, context: Context, payload: unknown): OnceRequest {
  const { 'Idempotency-Key': key } = parseInput(z.object({ 'Idempotency-Key': idempotencyKeySchema }), {
    'Idempotency-Key': event.headers['idempotency-key'],
  });
  const path = Object.values(event.pathParameters ?? {}).join('/');
  return {
    scope: `${event.routeKey}${path ? `:${path}` : ''}`,
    key,
    payload,
    remainingTimeMs: () => context.getRemainingTimeInMillis(),
  };
}
