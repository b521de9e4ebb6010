import { XMLBuilder } from 'fast-xml-parser';
import type { HttpResult } from '../http/responses';

/** The two formats GeoReport v2 names; the path's extension chooses (`services.xml`). XML is required. */
export type GeoReportFormat = 'json' | 'xml';

/**
 * How each resource is written in XML: the root element and the element of each item, as the
 * GeoReport v2 examples spell them. JSON is the same data as an array (or an object for discovery).
 */
export const XML_SHAPES = {
  services: { root: 'services', item: 'service' },
  serviceDefinition: { root: 'service_definition' },
  requests: { root: 'service_requests', item: 'request' },
  errors: { root: 'errors', item: 'error' },
  discovery: { root: 'discovery' },
} as const;

type Shape = (typeof XML_SHAPES)[keyof typeof XML_SHAPES];

const builder = new XMLBuilder({ ignoreAttributes: true, format: true, suppressEmptyNode: false });

/** Nested lists in XML repeat their element: attributes → attribute, values → value, formats → format, endpoints → endpoint. */
const NESTED_ITEMS: Readonly<Record<string, string>> = {
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
};

function xmlValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(xmlValue);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => {
        const item = NESTED_ITEMS[key];
        return [key, item && Array.isArray(inner) ? { [item]: inner.map(xmlValue) } : xmlValue(inner)];
      }),
    );
  }
  return value;
}

export function geoReportBody(format: GeoReportFormat, shape: Shape, data: unknown): string {
  if (format === 'json') return JSON.stringify(data);
  const content = 'item' in shape ? { [shape.item]: (data as unknown[]).map(xmlValue) } : xmlValue(data);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build({ [shape.root]: content })}`;
}

export function geoReportResult(
  format: GeoReportFormat,
  status: number,
  shape: Shape,
  data: unknown,
  headers: Record<string, string> = {},
): HttpResult {
  return {
    statusCode: status,
    headers: {
      'content-type': format === 'json' ? 'application/json; charset=utf-8' : 'text/xml; charset=utf-8',
      ...headers,
    },
    body: geoReportBody(format, shape, data),
  };
}

/** The format a resource path asks for: `…/services.xml` → xml; anything else is not GeoReport. */
export function formatOfPath(path: string): GeoReportFormat | undefined {
  const extension = /\.(json|xml)$/.exec(path)?.[1];
  return extension as GeoReportFormat | undefined;
}
