import { isRetryableFault, serviceBusy } from '../adapters/retryable-faults';
import { CivicError } from '../domain/errors';
import { errorBody, type HttpResult, json } from './responses';

/**
 * Turns anything thrown below a handler into the DOMAIN.md error shape. Known failures keep their
 * status and code; a fault that passes with time (throttling, a conflict, a service's 5xx), still
 * failing after the retries, is 503 SERVICE_BUSY with Retry-After; anything else is a bug: a 500
 * with a generic message, the stack only in the log.
 */
export function errorResponse(
  error: unknown,
  render: (known: CivicError) => HttpResult = jsonError,
): { result: HttpResult; unexpected: boolean } {
  const known = knownError(error);
  if (known) return { result: render(known), unexpected: false };
  if (isRetryableFault(error)) return { result: render(serviceBusy()), unexpected: false };
  return {
    result: render(new CivicError(500, 'INTERNAL_ERROR', '服务器内部错误，请稍后重试')),
    unexpected: true,
  };
}

/** The DOMAIN.md error shape: {"error":{"code","message","details"}}. */
function jsonError(known: CivicError): HttpResult {
  return json(known.status, errorBody(known.code, known.message, known.details), { ...known.headers });
}

function knownError(error: unknown): CivicError | undefined {
  if (error instanceof CivicError) return error;
  const http = error as { statusCode?: number; message?: string; cause?: { package?: string } };
  if (http.statusCode === 415 && http.cause?.package === '@middy/http-json-body-parser') {
    return http.message === 'Unsupported Media Type'
      ? new CivicError(415, 'UNSUPPORTED_MEDIA_TYPE', '请求内容类型必须是 application/json')
      : new CivicError(400, 'MALFORMED_JSON', '请求内容不是有效的 JSON');
  }
  return undefined;
}
