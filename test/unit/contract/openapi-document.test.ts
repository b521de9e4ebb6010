import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../infra/project-paths';
import { ERROR_CODES } from '../../../shared/contract/error-codes';
import { openApiDocument } from '../../../shared/contract/openapi-document';
import { OPERATIONS } from '../../../shared/contract/operations';
import { ROUTES, routeKey } from '../../../shared/functions/route-table';
import { ContractCheck } from '../../support/contract-check';

/** Every `CivicError(status, 'CODE'` and ruleViolation('CODE' the source can throw, with its status. */
function thrownCodes(): Map<string, number> {
  const codes = new Map<string, number>();
  // The API's own code, and the local stand-in for API Gateway (which answers MALFORMED_PATH).
  const files = ['shared', 'functions'].flatMap((folder) =>
    readdirSync(join(PROJECT_ROOT, folder), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts'))
      .map((file) => join(folder, file)),
  );
  for (const file of [...files, 'infra/local/local-api-server.ts']) {
    const text = readFileSync(join(PROJECT_ROOT, file), 'utf8');
    for (const [, status, code] of text.matchAll(/CivicError\(\s*(\d{3}),\s*'([A-Z_]+)'/g))
      codes.set(code as string, Number(status));
    for (const [, code] of text.matchAll(/ruleViolation\(\s*'([A-Z_]+)'/g)) codes.set(code as string, 409);
    for (const [, code] of text.matchAll(/code: '([A-Z_]+)'/g))
      codes.set(code as string, codes.get(code as string) ?? 0);
  }
  return codes;
}

describe('the OpenAPI document', () => {
  const document = openApiDocument() as {
    openapi: string;
    paths: Record<string, Record<string, { security: unknown[]; responses: Record<string, unknown> }>>;
  };

  it('describes every route of the table, and nothing else', () => {
    const documented = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(documented.sort()).toEqual(ROUTES.map(routeKey).sort());
    expect(Object.keys(OPERATIONS).sort()).toEqual(ROUTES.map(routeKey).sort());
  });

  it('says who may call each route, as the route table does', () => {
    for (const route of ROUTES) {
      const operation = document.paths[route.path]?.[route.method.toLowerCase()];
      const staff = (operation?.security ?? []).some((s) => Object.hasOwn(s as object, 'staffJwt'));
      expect(staff, routeKey(route)).toBe(route.access !== 'public');
      if (route.access !== 'public') expect(operation?.responses).toHaveProperty('403');
    }
  });

  it('lists every error code the code can answer, with the status it answers it with', () => {
    for (const [code, status] of thrownCodes()) {
      expect(ERROR_CODES, code).toHaveProperty(code);
      if (status !== 0) expect(ERROR_CODES[code as keyof typeof ERROR_CODES].status, code).toBe(status);
    }
  });
});

describe('the contract check the end-to-end suite runs', () => {
  const contract = new ContractCheck();
  const json = 'application/json; charset=utf-8';

  it('passes a documented answer', () => {
    expect(contract.problems('GET', '/v1/health', 200, json, '{"status":"ok"}')).toEqual([]);
    const error = '{"error":{"code":"CASE_NOT_FOUND","message":"案件不存在或查询码错误"}}';
    expect(contract.problems('GET', '/v1/cases/XJ1', 404, json, error)).toEqual([]);
  });

  it('fails an undocumented field, status, code or media type', () => {
    expect(contract.problems('GET', '/v1/health', 200, json, '{"status":"ok","build":"x"}')).not.toEqual([]);
    expect(contract.problems('GET', '/v1/health', 418, json, '{}')).toEqual([
      'GET /v1/health → 418: status not documented',
    ]);
    const unknownCode = '{"error":{"code":"OOPS","message":"x"}}';
    expect(contract.problems('GET', '/v1/cases/XJ1', 404, json, unknownCode)).not.toEqual([]);
    expect(contract.problems('GET', '/v1/health', 200, 'text/html', '<p>')).not.toEqual([]);
  });

  it('leaves paths that are not the API alone', () => {
    expect(contract.problems('GET', '/local/outbox', 200, json, '{}')).toEqual([]);
  });
});
