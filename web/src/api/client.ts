import createClient from 'openapi-fetch';
import type { paths } from './civicline';

/**
 * The API, typed from its own OpenAPI document (civicline.d.ts is generated from it by
 * `npm run web:types`; a test fails when it is stale): no hand-copied types. Same origin until
 * `/config.json` names the API's URL (in the cloud, the HTTP API's endpoint).
 */
export let api = createClient<paths>({ baseUrl: '' });
let apiBase = '';

export function useApiAt(baseUrl: string): void {
  apiBase = baseUrl.replace(/\/$/, '');
  api = createClient<paths>({ baseUrl: apiBase });
}

/** The full URL of an API path, for the few reads that are not JSON (downloads) or not typed. */
export function apiUrl(path: `/${string}`): string {
  return `${apiBase}${path}`;
}

/** One field's problem, as the API's error `details` name it (`citizen.phone`). */
export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

export interface ApiProblem {
  readonly status: number;
  readonly code: string;
  readonly message: string;
  readonly fields: Readonly<Record<string, string>>;
}

/** The error shape of DOMAIN.md, or what to say when the network or the gateway failed. */
export function problemOf(status: number, body: unknown): ApiProblem {
  const error = (body as { error?: { code?: string; message?: string; details?: FieldProblem[] } })?.error;
  const fields: Record<string, string> = {};
  for (const detail of error?.details ?? []) {
    if (typeof detail.field === 'string') fields[detail.field] ??= detail.message;
  }
  return {
    status,
    code: error?.code ?? 'UNAVAILABLE',
    message:
      error?.message ?? (status === 0 ? '网络连接失败，请检查网络后重试' : '服务暂时不可用，请稍后重试'),
    fields,
  };
}
