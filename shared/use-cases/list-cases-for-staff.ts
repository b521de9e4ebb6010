import type { Case } from '../domain/case';
import { CASE_KINDS, type CaseKind, type Channel, type RequestType } from '../domain/case-kinds';
import { type CaseSummary, caseSummary } from '../domain/case-summary';
import { endOfChinaDay, startOfChinaDay } from '../domain/china-time';
import { forbidden } from '../domain/errors';
import { redactText } from '../domain/redaction';
import type { StaffActor } from '../domain/roles';
import { contactExposure, textRules } from '../domain/staff-view';
import type { CaseStatus } from '../domain/statuses';
import type { CaseListFilter, CaseStore, ListPosition } from '../ports/case-store';
import type { ContactVault } from '../ports/contact-vault';
import type { KeyRing } from '../ports/key-ring';
import { readCursor, writeCursor } from './signed-cursor';

export interface CaseListRequest {
  readonly kind?: CaseKind;
  readonly status?: CaseStatus;
  readonly departmentId?: string;
  readonly type?: RequestType;
  readonly channel?: Channel;
  /** Forwarded letters to be answered back by the end of this China date. */
  readonly answerBackDue?: string;
  readonly overdue?: boolean;
  /** 退单: cases a department sent back, waiting to be triaged again. */
  readonly returned?: boolean;
  /** Cases whose extension request waits for the dispatcher's decision. */
  readonly extensionRequested?: boolean;
  readonly order?: 'newest' | 'oldest';
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
export interface StaffListDependencies {
  readonly store: CaseStore;
  readonly keys: KeyRing;
  readonly vault: ContactVault;
}

export async function listCasesForStaff(
  deps: StaffListDependencies,
  actor: StaffActor,
  request: CaseListRequest,
): Promise<CaseListResponse> {
  // A returned case waits in triage again; a pending extension belongs to a case in handling.
  const status =
    request.status ?? (request.returned ? 'submitted' : request.extensionRequested ? 'handling' : undefined);
  const filter: CaseListFilter = {
    kinds: request.kind ? [request.kind] : CASE_KINDS,
    ...(status ? { status } : {}),
    ...scopedDepartment(actor, request.departmentId),
    ...(request.type ? { type: request.type } : {}),
    ...(request.channel ? { channel: request.channel } : {}),
    ...(request.answerBackDue ? { answerBackDue: endOfChinaDay(request.answerBackDue).toISOString() } : {}),
    ...(request.overdue !== undefined ? { overdue: request.overdue } : {}),
    ...(request.returned ? { returned: true } : {}),
    ...(request.extensionRequested ? { extensionPending: true } : {}),
    ...(request.order === 'oldest' ? { oldestFirst: true } : {}),
    ...(request.from ? { createdFrom: startOfChinaDay(request.from).toISOString() } : {}),
    ...(request.to ? { createdTo: endOfChinaDay(request.to).toISOString() } : {}),
  };
  const key = await deps.keys.hashKey();
  const position = request.cursor
    ? readCursor<ListPosition>(key, 'cases', request.cursor, filter)
    : undefined;
  const page = await deps.store.list(filter, request.limit, position);
  return {
    cases: await Promise.all(page.cases.map((c) => protectedSummary(deps.vault, actor, c))),
    ...(page.next ? { nextCursor: writeCursor(key, 'cases', page.next, filter) } : {}),
  };
}

function scopedDepartment(actor: StaffActor, requested: string | undefined): { departmentId?: string } {
  if (actor.roles.some((role) => role !== 'department')) return requested ? { departmentId: requested } : {};
  if (!actor.departmentId) throw forbidden('账号未关联承办单位');
  if (requested && requested !== actor.departmentId) throw forbidden('只能查看本单位的案件');
  return { departmentId: actor.departmentId };
}

/** A title is the citizen's own text: outside full exposure it is redacted like the letter. */
async function protectedSummary(vault: ContactVault, actor: StaffActor, c: Case): Promise<CaseSummary> {
  const summary = caseSummary(c);
  const exposure = contactExposure(actor.roles);
  if (exposure === 'full') return summary;
  const rules = textRules(c, await vault.open(c.contact), exposure);
  return rules ? { ...summary, title: redactText(summary.title, rules) } : summary;
}
