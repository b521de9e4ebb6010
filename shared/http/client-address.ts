import type { HttpEvent } from './http-event';

/**
 * The client, for abuse limits: the source IP API Gateway reports (never a header the client can
 * set, such as X-Forwarded-For).
 */
export function clientAddress(event: HttpEvent): string {
  return event.requestContext?.http?.sourceIp ?? 'unknown';
}
