import { createHmac, timingSafeEqual } from 'node:crypto';
import { CASE_KINDS, type CaseKind, type RequestType } from '../domain/case-kinds';
import { type CaseSummary, caseSummary } from '../domain/case-summary';
import { endOfChinaDay, startOfChinaDay } from '../domain/china-time';
import { CivicError, forbidden } from '../domain/errors';
import type { StaffActor } from '../domain/roles';
import type { CaseStatus } from '../domain/statuses';
import type { CaseListFilter, CaseStore, ListPosition } from '../ports/case-store';
import type { KeyRing } from '../ports/key-ring';

export interface CaseListRequest {
  readonly kind?: CaseKind;
  readonly status?: CaseStatus;
  readonly departmentId?: string;
  readonly type?: RequestType;
  readonly overdue?: boolean;
  readonly from?: string;
  readonly to?: string;
  readonly limit: number;
  readonly cursor?: string;
}

export interface CaseListResponse {
  readonly cases: readonly CaseSummary[];
  readonly nextCursor?: string;
}

/**
 * GET /v1/cases for staff. A department user sees only its own department's cases, whatever the
 * query says. The cursor is signed and bound to the filters, so it cannot be edited to reach
 * another department's index partition.
 */
export async function listCasesForStaff(
  deps: { store: CaseStore; keys: KeyRing },
  actor: StaffActor,
  request: CaseListRequest,
): Promise<CaseListResponse> {
  const filter: CaseListFilter = {
    kinds: request.kind ? [request.kind] : CASE_KINDS,
    ...(request.status ? { status: request.status } : {}),
    ...scopedDepartment(actor, request.departmentId),
    ...(request.type ? { type: request.type } : {}),
    ...(request.overdue !== undefined ? { overdue: request.overdue } : {}),
    ...(request.from ? { createdFrom: startOfChinaDay(request.from).toISOString() } : {}),
    ...(request.to ? { createdTo: endOfChinaDay(request.to).toISOString() } : {}),
  };
  const key = await deps.keys.hashKey();
  const fingerprint = JSON.stringify(filter);
  const position = request.cursor ? readCursor(key, request.cursor, fingerprint) : undefined;
  const page = await deps.store.list(filter, request.limit, position);
  return {
    cases: page.cases.map(caseSummary),
    ...(page.next ? { nextCursor: writeCursor(key, page.next, fingerprint) } : {}),
  };
}

function scopedDepartment(actor: StaffActor, requested: string | undefined): { departmentId?: string } {
  if (actor.roles.some((role) => role !== 'department')) return requested ? { departmentId: requested } : {};
  if (!actor.departmentId) throw forbidden('账号未关联承办单位');
  if (requested && requested !== actor.departmentId) throw forbidden('只能查看本单位的案件');
  return { departmentId: actor.departmentId };
}

function writeCursor(key: Buffer, position: ListPosition, fingerprint: string): string {
  const body = Buffer.from(JSON.stringify({ f: fingerprint, p: position })).toString('base64url');
  return `${body}.${sign(key, body)}`;
}

function readCursor(key: Buffer, cursor: string, fingerprint: string): ListPosition {
  const invalid = () =>
    new CivicError(400, 'INVALID_CURSOR', '分页游标无效或与查询条件不符，请从第一页重新查询');
  const [body, signature] = cursor.split('.');
  if (!body || !signature) throw invalid();
  const expected = Buffer.from(sign(key, body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw invalid();
  const decoded = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as {
    f: string;
    p: ListPosition;
  };
  if (decoded.f !== fingerprint) throw invalid();
  return decoded.p;
}

function sign(key: Buffer, body: string): string {
  return createHmac('sha256', key).update(`case-list-cursor:${body}`).digest('base64url');
}
