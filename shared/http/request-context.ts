import type { APIGatewayProxyEventV2WithJWTAuthorizer, Context } from 'aws-lambda';
import * as z from 'zod/mini';
import type { OnceRequest } from '../ports/idempotency';
import type { HttpEvent } from './http-event';
import { staffFromClaims } from './staff-identity';
import { parseInput } from './validation';

/**
 * The Idempotency-Key header: a client-chosen token, e.g. a UUID. Wrapped in an object so a
 * refusal names the header; built once, not per write.
 */
const idempotencyKeyHeader = z.object({
  'Idempotency-Key': z.optional(
    z
      .string()
      .check(
        z.trim(),
        z.minLength(8, 'Idempotency-Key 至少 8 个字符'),
        z.maxLength(128, 'Idempotency-Key 不能超过 128 个字符'),
        z.regex(/^[\w.:-]+$/, 'Idempotency-Key 只能包含字母、数字和 ._:-'),
      ),
  ),
});

/**
 * The idempotency scope of a write: route, path parameters, the staff member behind it (another
 * user's same key and body is another request: a replay never skips that user's authorization),
 * and the client's key.
 */
export function onceRequest(event: HttpEvent, context: Context, payload: unknown): OnceRequest {
  const { 'Idempotency-Key': key } = parseInput(idempotencyKeyHeader, {
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
