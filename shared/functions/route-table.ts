import { STAFF_ROLES, type StaffRole } from '../domain/roles';
import type { TableRole } from '../runtime/environment';

/**
 * The route table: one Lambda per route. The CDK stack builds functions, routes, grants and
 * environment from it; the local server serves the same routes with the same handler files.
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Who may call a route — every route says it, and a staff route names its roles (fails closed):
 * - `public`: no authorizer (citizen routes; abuse limits apply in the handler and the stage).
 * - `staff`: the API Gateway JWT authorizer (Cognito) runs before the function, then the route's
 *   roles are checked in the function (authorizeRoute).
 * - `citizen-or-staff`: serves a citizen with a query code and staff with a Bearer token on the
 *   same path, which one API Gateway route cannot do with an authorizer; the function verifies
 *   the token itself with the same issuer, audience and keys, and checks the same roles.
 */
export type RouteAccess = 'public' | 'staff' | 'citizen-or-staff';

/** A staff route without roles does not type-check; `checkRouteTable` catches an empty list. */
export type RouteAccessRule =
  | { readonly access: 'public'; readonly roles?: undefined }
  | { readonly access: 'staff' | 'citizen-or-staff'; readonly roles: readonly StaffRole[] };

export interface TableUse {
  readonly table: TableRole;
  /** `append`: put new items only (the audit trail), never update or delete. */
  readonly access: 'read' | 'write' | 'append';
}

/** What a function may touch; the stack turns it into environment variables and IAM grants. */
export interface FunctionDefinition {
  /** File name in functions/ (kebab-case) and, in PascalCase, the construct id of its Lambda. */
  readonly functionName: string;
  readonly tables: readonly TableUse[];
  /** Unwraps the keyring's keys (contact encryption, keyed hashes). */
  readonly usesKeys?: boolean;
  /**
   * `start`: starts CaseLifecycle executions and completes their wait steps; `signal`: only
   * completes wait steps (the state machine's own functions: they cannot name its ARN, which
   * would make the machine and its functions depend on each other).
   */
  readonly workflow?: 'start' | 'signal';
  /** Writes the notification outbox and publishes to the notification topic. */
  readonly notifies?: boolean;
  /**
   * What it does with the attachment bucket: `offer` signs upload forms (for `uploads/`); `link`
   * inspects uploads, deletes refused ones and copies accepted ones under their case (`cases/`);
   * `read` signs download links (for `cases/`).
   */
  readonly attachments?: 'offer' | 'link' | 'read';
  /**
   * Where the stack texts citizens itself (China), sends a citizen's notices by SMS: reads the
   * case's contact (case tables, key ring) and the SMS provider's AccessKey.
   */
  readonly textsCitizens?: boolean;
  /** Creates and changes the accounts staff sign in with (the Cognito user pool in the cloud). */
  readonly administersSignIn?: boolean;
  /** Fed by table streams through an event source mapping (the local runtime runs the same one). */
  readonly stream?: StreamMapping;
}

/**
 * An event source mapping from table streams to a function: batches of at most `batchSize`
 * records, the function reporting the first record it failed on (ReportBatchItemFailures), a
 * failing batch bisected and retried `retryAttempts` times, then sent to the failure destination.
 */
export interface StreamMapping {
  readonly sources: readonly TableRole[];
  readonly batchSize: number;
  readonly retryAttempts: number;
  /** How long records are gathered before a batch goes (seconds): freshness against invocations. */
  readonly batchingWindowSeconds: number;
}

export type RouteDefinition = FunctionDefinition & {
  readonly method: HttpMethod;
  readonly path: string;
} & RouteAccessRule;

const caseTables = (access: TableUse['access']): TableUse[] => [
  { table: 'letters', access },
  { table: 'tickets', access },
  { table: 'consultations', access },
];

const departments: TableUse = { table: 'departments', access: 'read' };
const idempotency: TableUse = { table: 'idempotency', access: 'write' };
/** The time limits and calendar: every function that computes a deadline or plans a step reads them. */
const officeRules: TableUse = { table: 'settings', access: 'read' };

/** Functions that change cases: the case tables, their audit trail, and the outbox that follows them. */
const audit: TableUse = { table: 'audit', access: 'append' };
const rateLimits: TableUse = { table: 'rateLimits', access: 'write' };

/** Case writers open the contact to mask a notice for its audience (notice-text.ts). */
const caseWriter = {
  tables: [...caseTables('write'), audit, departments, idempotency, officeRules],
  // The workflow follows the case tables' stream (follow-case-workflow), not the request.
  notifies: true,
  usesKeys: true,
} as const;

const intake = {
  ...caseWriter,
  tables: [...caseWriter.tables, { table: 'sequences', access: 'write' } as const, rateLimits],
} as const;

/** Where existing 311 clients find GeoReport v2 (shared/open311). */
export const OPEN311_BASE = '/open311/v2';

/** Open311 client applications' API keys (hashes only). */
const clientKeys = (access: TableUse['access']): TableUse => ({ table: 'clientKeys', access });

/**
 * A GeoReport resource answers in the format its path ends with (`services.json`, `services.xml`):
 * one function, one route per format, since a route's path cannot end in a parameter.
 */
function inBothFormats(
  route: Omit<RouteDefinition, 'path'> & { readonly resource: string },
): RouteDefinition[] {
  const { resource, ...rest } = route;
  return (['json', 'xml'] as const).map(
    (format) => ({ ...rest, path: `${resource}.${format}` }) as RouteDefinition,
  );
}

const ROUTE_LIST: readonly RouteDefinition[] = [
  { method: 'GET', path: '/v1/health', functionName: 'health', access: 'public', tables: [departments] },
  {
    method: 'GET',
    path: '/v1/openapi.json',
    functionName: 'get-openapi-document',
    access: 'public',
    tables: [],
  },
  {
    method: 'GET',
    path: '/v1/departments',
    functionName: 'list-departments',
    access: 'public',
    tables: [departments],
  },
  {
    method: 'POST',
    path: '/v1/departments',
    functionName: 'create-department',
    access: 'staff',
    roles: ['admin'],
    tables: [{ table: 'departments', access: 'write' }, audit],
  },
  {
    method: 'PATCH',
    path: '/v1/departments/{departmentId}',
    functionName: 'update-department',
    access: 'staff',
    roles: ['admin'],
    tables: [{ table: 'departments', access: 'write' }, audit],
  },
  {
    method: 'GET',
    path: '/v1/staff',
    functionName: 'list-staff',
    access: 'staff',
    roles: ['admin'],
    tables: [],
  },
  {
    method: 'POST',
    path: '/v1/staff',
    functionName: 'create-staff',
    access: 'staff',
    roles: ['admin'],
    tables: [{ table: 'staff', access: 'write' }, audit, departments],
    administersSignIn: true,
  },
  {
    method: 'PATCH',
    path: '/v1/staff/{username}',
    functionName: 'update-staff',
    access: 'staff',
    roles: ['admin'],
    tables: [{ table: 'staff', access: 'write' }, audit, departments],
    administersSignIn: true,
  },
  {
    method: 'GET',
    path: '/v1/settings/time-limits',
    functionName: 'get-time-limits',
    access: 'staff',
    roles: ['admin'],
    tables: [officeRules],
  },
  {
    method: 'PUT',
    path: '/v1/settings/time-limits',
    functionName: 'change-time-limits',
    access: 'staff',
    roles: ['admin'],
    tables: [{ table: 'settings', access: 'write' }, audit],
  },
  {
    method: 'GET',
    path: '/v1/settings/calendar/{year}',
    functionName: 'get-calendar-year',
    access: 'staff',
    roles: ['admin'],
    tables: [officeRules],
  },
  {
    method: 'PUT',
    path: '/v1/settings/calendar/{year}',
    functionName: 'publish-calendar-year',
    access: 'staff',
    roles: ['admin'],
    tables: [{ table: 'settings', access: 'write' }, audit],
  },
  {
    method: 'POST',
    path: '/v1/uploads',
    functionName: 'offer-upload',
    access: 'public',
    tables: [rateLimits],
    attachments: 'offer',
  },
  {
    method: 'POST',
    path: '/v1/letters',
    functionName: 'submit-letter',
    access: 'public',
    ...intake,
    attachments: 'link',
  },
  {
    method: 'POST',
    path: '/v1/letters/forwarded',
    functionName: 'submit-forwarded-letter',
    access: 'staff',
    roles: ['dispatcher'],
    ...intake,
  },
  {
    method: 'POST',
    path: '/v1/consultations',
    functionName: 'submit-consultation',
    access: 'public',
    ...intake,
    attachments: 'link',
  },
  {
    method: 'POST',
    path: '/v1/tickets',
    functionName: 'log-ticket',
    access: 'staff',
    roles: ['operator'],
    ...intake,
  },
  {
    method: 'GET',
    path: '/v1/me',
    functionName: 'get-staff-profile',
    access: 'staff',
    roles: STAFF_ROLES,
    tables: [departments],
  },
  {
    method: 'GET',
    path: '/v1/cases',
    functionName: 'list-cases',
    access: 'staff',
    roles: STAFF_ROLES,
    tables: caseTables('read'),
    usesKeys: true,
  },
  {
    method: 'GET',
    path: '/v1/cases/{caseId}',
    functionName: 'get-case',
    access: 'citizen-or-staff',
    roles: STAFF_ROLES,
    tables: [...caseTables('read'), departments, audit, rateLimits],
    usesKeys: true,
    attachments: 'read',
  },
  {
    method: 'POST',
    path: '/v1/cases/{caseId}/actions',
    functionName: 'act-on-case',
    access: 'staff',
    roles: ['operator', 'dispatcher', 'department', 'reviewer', 'leader'],
    ...caseWriter,
    attachments: 'link',
  },
  {
    method: 'GET',
    path: '/v1/audit',
    functionName: 'get-audit-trail',
    access: 'staff',
    roles: ['admin'],
    tables: [{ table: 'audit', access: 'read' }],
    usesKeys: true,
  },
  {
    method: 'GET',
    path: '/v1/public/cases',
    functionName: 'list-public-cases',
    access: 'public',
    tables: [...caseTables('read'), departments],
    usesKeys: true,
    attachments: 'read',
  },
  {
    method: 'GET',
    path: '/v1/stats',
    functionName: 'get-stats',
    access: 'staff',
    roles: ['leader', 'dispatcher', 'admin', 'department'],
    tables: [{ table: 'statistics', access: 'read' }, departments],
  },
  {
    method: 'GET',
    path: '/v1/reports',
    functionName: 'get-report',
    access: 'staff',
    roles: ['leader', 'dispatcher', 'admin', 'department'],
    tables: [{ table: 'statistics', access: 'read' }, departments],
  },
  {
    method: 'POST',
    path: '/v1/cases/{caseId}/rating',
    functionName: 'rate-case',
    access: 'public',
    ...caseWriter,
    tables: [...caseWriter.tables, rateLimits],
    // The answer is the citizen's view of the case, with its files.
    attachments: 'read',
  },
  {
    method: 'POST',
    path: '/v1/open311/keys',
    functionName: 'create-open311-key',
    access: 'staff',
    roles: ['admin'],
    tables: [clientKeys('write')],
    usesKeys: true,
  },
  {
    method: 'GET',
    path: '/v1/open311/keys',
    functionName: 'list-open311-keys',
    access: 'staff',
    roles: ['admin'],
    tables: [clientKeys('read')],
  },
  {
    method: 'DELETE',
    path: '/v1/open311/keys/{keyId}',
    functionName: 'revoke-open311-key',
    access: 'staff',
    roles: ['admin'],
    tables: [clientKeys('write')],
  },
  ...inBothFormats({
    method: 'GET',
    resource: `${OPEN311_BASE}/discovery`,
    functionName: 'open311-discovery',
    access: 'public',
    tables: [],
  }),
  ...inBothFormats({
    method: 'GET',
    resource: `${OPEN311_BASE}/services`,
    functionName: 'open311-list-services',
    access: 'public',
    tables: [],
  }),
  {
    method: 'GET',
    path: `${OPEN311_BASE}/services/{serviceFile}`,
    functionName: 'open311-get-service',
    access: 'public',
    tables: [],
  },
  ...inBothFormats({
    method: 'POST',
    resource: `${OPEN311_BASE}/requests`,
    functionName: 'open311-post-request',
    access: 'public',
    ...intake,
    tables: [...intake.tables, clientKeys('read')],
  }),
  ...inBothFormats({
    method: 'GET',
    resource: `${OPEN311_BASE}/requests`,
    functionName: 'open311-list-requests',
    access: 'public',
    tables: [...caseTables('read'), departments],
    usesKeys: true,
  }),
  {
    method: 'GET',
    path: `${OPEN311_BASE}/tokens/{tokenFile}`,
    functionName: 'open311-get-token',
    access: 'public',
    tables: [],
  },
  {
    method: 'GET',
    path: `${OPEN311_BASE}/requests/{requestFile}`,
    functionName: 'open311-get-request',
    access: 'public',
    tables: [...caseTables('read'), departments, rateLimits],
    usesKeys: true,
  },
];

/**
 * Every route that admits staff checks each request against the staff directory (a disabled
 * account is refused at its next use, not when its token expires): it reads the staff table.
 */
export const ROUTES: readonly RouteDefinition[] = ROUTE_LIST.map((route) =>
  route.access === 'public' || route.tables.some((use) => use.table === 'staff')
    ? route
    : { ...route, tables: [...route.tables, { table: 'staff', access: 'read' }] },
);

/** The functions the CaseLifecycle state machine invokes (not routes). */
const workflowStep = {
  // An escalation changes the case, and every change is audited in the same transaction.
  tables: [...caseTables('write'), departments, audit, officeRules],
  notifies: true,
  usesKeys: true,
} as const;

export const WORKFLOW_FUNCTIONS = {
  plan: { functionName: 'plan-case-step', tables: [...caseTables('read'), officeRules] },
  await: {
    functionName: 'await-case-step',
    tables: [...caseTables('read'), officeRules],
    workflow: 'signal',
  },
  escalate: { functionName: 'escalate-overdue-case', ...workflowStep },
  closeUnrated: { functionName: 'close-unrated-case', ...workflowStep },
} as const satisfies Record<string, FunctionDefinition>;

/** Functions run on a schedule (EventBridge). */
export const SCHEDULED_FUNCTIONS = {
  resumeStalledCases: {
    functionName: 'resume-stalled-cases',
    tables: [...caseTables('read'), officeRules],
    workflow: 'start',
  },
} as const satisfies Record<string, FunctionDefinition>;

/**
 * Functions the tables' streams feed: statistics follow every case version (counters live outside
 * the request transaction), the workflow follows every change of a case's step, notices leave the
 * outbox once they are stored.
 */
export const STREAM_FUNCTIONS = {
  aggregateStatistics: {
    functionName: 'aggregate-statistics',
    tables: [{ table: 'statistics', access: 'write' }],
    stream: {
      sources: ['letters', 'tickets', 'consultations'],
      batchSize: 100,
      retryAttempts: 10,
      batchingWindowSeconds: 1,
    },
  },
  // Starts a case's execution and completes the wait step a change ends: the request that changed
  // the case neither waits for Step Functions nor loads its client, and a start that fails is
  // retried by the mapping (then redriven) instead of waiting for the hourly sweep. No batching
  // window: a case reaches its next step's deadline as soon as it is stored.
  followCaseWorkflow: {
    functionName: 'follow-case-workflow',
    tables: [officeRules],
    workflow: 'start',
    stream: {
      sources: ['letters', 'tickets', 'consultations'],
      batchSize: 100,
      retryAttempts: 10,
      batchingWindowSeconds: 0,
    },
  },
  deliverNotifications: {
    functionName: 'deliver-notifications',
    tables: [{ table: 'notifications', access: 'write' }],
    notifies: true,
    textsCitizens: true,
    stream: { sources: ['notifications'], batchSize: 25, retryAttempts: 10, batchingWindowSeconds: 0 },
  },
} as const satisfies Record<string, FunctionDefinition>;

/** Every function of the stack, by file name. */
export const ALL_FUNCTIONS: readonly FunctionDefinition[] = [
  // A function serving several routes (an Open311 resource in two formats) is one function.
  ...new Map(ROUTES.map((route) => [route.functionName, route])).values(),
  ...Object.values(WORKFLOW_FUNCTIONS),
  ...Object.values(SCHEDULED_FUNCTIONS),
  ...Object.values(STREAM_FUNCTIONS),
];

/** `POST /v1/letters` — the route key API Gateway puts in every event. */
export function routeKey(route: Pick<RouteDefinition, 'method' | 'path'>): string {
  return `${route.method} ${route.path}`;
}

const BY_KEY = new Map(ROUTES.map((route) => [routeKey(route), route]));

/** The route an event names, or undefined for a key the table does not have. */
export function routeOf(key: string): RouteDefinition | undefined {
  return BY_KEY.get(key);
}

/**
 * What the types cannot say about a route table: every key once, and every route that admits
 * staff names at least one role. The stack runs it at synth, a test runs it on ROUTES.
 */
export function routeTableProblems(routes: readonly RouteDefinition[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const route of routes) {
    const key = routeKey(route);
    if (seen.has(key)) problems.push(`${key}: listed twice`);
    seen.add(key);
    if (route.access !== 'public' && (route.roles ?? []).length === 0) {
      problems.push(`${key}: a ${route.access} route must name the staff roles it admits`);
    }
  }
  return problems;
}
