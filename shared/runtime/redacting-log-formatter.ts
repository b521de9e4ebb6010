import { LogFormatter, LogItem } from '@aws-lambda-powertools/logger';
import type { LogAttributes, UnformattedAttributes } from '@aws-lambda-powertools/logger/types';
import { redactor } from '../domain/redaction';
import { correlationId } from '../observability/correlation';
import { sourceStackTrace } from './source-stack-trace';

/** Every log line is cleaned: the rules are compiled once. */
const scrubText = redactor({ phones: 'remove' });

/**
 * Powertools' structured JSON, with every string scrubbed of phone numbers, ID numbers and
 * e-mail addresses in any spelling on the way out, contact fields and credentials (Authorization,
 * query codes) withheld by name, and a logged invocation event reduced to its shape: code never
 * logs contact data on purpose, and this makes sure an error message, a stray attribute or
 * Powertools' own event logging cannot either.
 */
export class RedactingLogFormatter extends LogFormatter {
  override formatAttributes(attributes: UnformattedAttributes, additional: LogAttributes): LogItem {
    const base: LogAttributes = {
      level: attributes.logLevel,
      message: attributes.message,
      timestamp: this.formatTimestamp(attributes.timestamp),
      service: attributes.serviceName,
      ...(attributes.lambdaContext
        ? {
            cold_start: attributes.lambdaContext.coldStart,
            function_name: attributes.lambdaContext.functionName,
            function_request_id: attributes.lambdaContext.awsRequestId,
          }
        : {}),
      ...(attributes.xRayTraceId ? { xray_trace_id: attributes.xRayTraceId } : {}),
    };
    const correlation = correlationId();
    if (correlation) base.correlation_id = correlation;
    const item = new LogItem({ attributes: base }).addAttributes(additional);
    item.setAttributes(scrub(item.getAttributes()) as LogAttributes);
    return item;
  }
}

/** Keys whose values are secrets or contact data wherever they appear (compared in lower case). */
const WITHHELD_KEYS = new Set([
  'authorization',
  'cookie',
  'cookies',
  'x-query-code',
  'querycode',
  'idempotency-key',
  'name',
  'phone',
  'idnumber',
  'address',
  'email',
  'citizen',
  'caller',
  'contact',
]);
const WITHHELD = '[已隐去]';

export function scrub(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((entry) => scrub(entry, depth + 1));
  // An Error's own fields are not enumerable: without this it would log as {}.
  if (value instanceof Error) {
    const stack = value.stack === undefined ? undefined : sourceStackTrace(value.stack);
    return scrub({ type: value.name, message: value.message, stack }, depth + 1);
  }
  return Object.fromEntries(
    Object.entries(value).map(([key, entry]) => [
      key,
      WITHHELD_KEYS.has(key.toLowerCase())
        ? WITHHELD
        : key === 'event'
          ? scrub(invocationEvent(entry), depth + 1)
          : scrub(entry, depth + 1),
    ]),
  );
}

/**
 * An invocation event as Powertools logs it (POWERTOOLS_LOGGER_LOG_EVENT=true): the request's
 * shape without its body (a letter names its writer in ways no pattern knows) and without the
 * credentials in its headers.
 */
function invocationEvent(event: unknown): unknown {
  if (event === null || typeof event !== 'object' || Array.isArray(event)) return event;
  const { body, ...rest } = event as Record<string, unknown>;
  return {
    ...rest,
    ...(body === undefined ? {} : { body: `[请求正文已隐去，${String(body).length} 字符]` }),
  };
}
