import { LogFormatter, LogItem } from '@aws-lambda-powertools/logger';
import type { LogAttributes, UnformattedAttributes } from '@aws-lambda-powertools/logger/types';
import { redactText } from '../domain/redaction';

/**
 * Powertools' structured JSON, with every string scrubbed of phone numbers, ID numbers and
 * e-mail addresses on the way out: code never logs contact data on purpose, and this makes sure an
 * error message or a stray attribute cannot either.
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
    const item = new LogItem({ attributes: base }).addAttributes(additional);
    item.setAttributes(scrub(item.getAttributes()) as LogAttributes);
    return item;
  }
}

export function scrub(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value, { phones: 'remove' });
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((entry) => scrub(entry, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, scrub(entry, depth + 1)]));
}
