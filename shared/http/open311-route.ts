import type { Context } from 'aws-lambda';
import { CivicError } from '../domain/errors';
import { formatOfPath, type GeoReportFormat, geoReportResult, XML_SHAPES } from '../open311/georeport-format';
import type { HttpEvent } from './http-event';
import { httpHandler } from './http-handler';
import type { HttpResult } from './responses';

/**
 * An Open311 GeoReport v2 route: the format is the path's extension, errors are the spec's array
 * of {code, description} in that format (the description in Chinese, ending with our stable code),
 * and a POST body is form-encoded. Everything else is the house middleware.
 */
export function open311Handler(
  logic: (event: HttpEvent, format: GeoReportFormat, context: Context) => Promise<HttpResult>,
) {
  return httpHandler(async (event, context) => logic(event, requiredFormat(event.rawPath), context), {
    renderError: (error: CivicError, event) =>
      geoReportResult(
        formatOfPath(event.rawPath) ?? 'json',
        error.status,
        XML_SHAPES.errors,
        [{ code: error.status, description: `${error.message} [${error.code}]` }],
        { ...error.headers },
      ),
  });
}

function requiredFormat(path: string): GeoReportFormat {
  const format = formatOfPath(path);
  if (!format) throw new CivicError(404, 'UNKNOWN_FORMAT', '只提供 .json 和 .xml 两种格式');
  return format;
}

/** The fields of a form-encoded body; a repeated field keeps its first value. */
export function formFields(event: HttpEvent): Record<string, string> {
  const type = (event.headers['content-type'] ?? '').split(';')[0]?.trim();
  if (type !== 'application/x-www-form-urlencoded') {
    throw new CivicError(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      '请求内容类型必须是 application/x-www-form-urlencoded',
    );
  }
  const raw = typeof event.body === 'string' ? event.body : '';
  const text = event.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw;
  const fields: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(text)) fields[name] ??= value;
  return fields;
}

/** `services/complain.json` → `complain`. */
export function resourceId(file: string | undefined): string {
  return (file ?? '').replace(/\.(json|xml)$/, '');
}
