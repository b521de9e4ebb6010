import type { TableRole } from '../shared/runtime/environment';

/**
 * The route table: one Lambda per route. The CDK stack builds functions, routes, grants and
 * environment from it; the local server serves the same routes with the same handler files.
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/**
 * - `public`: no authorizer (citizen routes; abuse limits apply in the handler and the stage).
 * - `staff`: the API Gateway JWT authorizer (Cognito) runs before the function.
 * - `citizen-or-staff`: serves a citizen with a query code and staff with a Bearer token on the
 *   same path, which one API Gateway route cannot do with an authorizer; the function verifies
 *   the token itself with the same issuer, audience and keys.
 */
export type RouteAccess = 'public' | 'staff' | 'citizen-or-staff';

export interface TableUse {
  readonly table: TableRole;
  readonly access: 'read' | 'write';
}

export interface RouteDefinition {
  readonly method: HttpMethod;
  readonly path: string;
  /** File name in functions/ (kebab-case) and the construct id of its Lambda. */
  readonly functionName: string;
  readonly access: RouteAccess;
  readonly tables: readonly TableUse[];
  /** Needs to unwrap the keyring's keys (contact encryption, keyed hashes). */
  readonly usesKeys?: boolean;
}

const caseTables = (access: TableUse['access']): TableUse[] => [
  { table: 'letters', access },
  { table: 'tickets', access },
  { table: 'consultations', access },
];

const intake: TableUse[] = [
  ...caseTables('write'),
  { table: 'sequences', access: 'write' },
  { table: 'idempotency', access: 'write' },
  { table: 'departments', access: 'read' },
];

export const ROUTES: readonly RouteDefinition[] = [
  {
    method: 'GET',
    path: '/v1/health',
    functionName: 'health',
    access: 'public',
    tables: [{ table: 'departments', access: 'read' }],
  },
  {
    method: 'POST',
    path: '/v1/letters',
    functionName: 'submit-letter',
    access: 'public',
    tables: intake,
    usesKeys: true,
  },
  {
    method: 'POST',
    path: '/v1/consultations',
    functionName: 'submit-consultation',
    access: 'public',
    tables: intake,
    usesKeys: true,
  },
  {
    method: 'GET',
    path: '/v1/me',
    functionName: 'get-staff-profile',
    access: 'staff',
    tables: [{ table: 'departments', access: 'read' }],
  },
  {
    method: 'GET',
    path: '/v1/cases/{caseId}',
    functionName: 'get-case',
    access: 'citizen-or-staff',
    tables: [...caseTables('read'), { table: 'departments', access: 'read' }],
    usesKeys: true,
  },
];

/** `POST /v1/letters` — the route key API Gateway puts in every event. */
export function routeKey(route: Pick<RouteDefinition, 'method' | 'path'>): string {
  return `${route.method} ${route.path}`;
}
