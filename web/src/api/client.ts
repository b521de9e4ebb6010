import createClient from 'openapi-fetch';
import type { paths } from './civicline';

/**
 * The API, typed from its own OpenAPI document (civicline.d.ts is generated from it by
 * `npm run web:types`; a test fails when it is stale): same origin, no hand-copied types.
 */
export const api = createClient<paths>({ baseUrl: '' });

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
