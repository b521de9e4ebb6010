import type { APIGatewayProxyEventV2WithJWTAuthorizer, Context } from 'aws-lambda';
import * as z from 'zod';
import type { OnceRequest } from '../ports/idempotency';
import type { HttpEvent } from './http-event';
import { idempotencyKeySchema } from './intake-schemas';
import { staffFromClaims } from './staff-identity';
import { parseInput } from './validation';

/**
 * The idempotency scope of a write: route, path parameters, the staff member behind it (another
 * user's same key and body is another request: a replay never skips that user's authorization),
 * and the client's key.
 */
export function onceRequest(event: HttpEvent, context: Context, payload: unknown): OnceRequest {
  const { 'Idempotency-Key': key } = parseInput(z.object({ 'Idempotency-Key': idempotencyKeySchema }), {
    'Idempotency-Key': event.headers['idempotency-key'],
  });
  const path = Object.values(event.pathParameters ?? {}).join('/');
  const claims = (event.requestContext as APIGatewayProxyEventV2WithJWTAuthorizer['requestContext'])
    .authorizer?.jwt?.claims;
  const caller = claims ? `:user:${staffFromClaims(claims).username}` : '';
  return {
    scope: `${event.routeKey}${path ? `:${path}` : ''}${caller}`,
    key,
    payload,
    remainingTimeMs: () => context.getRemainingTimeInMillis(),
  };
}
