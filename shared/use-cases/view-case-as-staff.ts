import { departmentsOf } from '../domain/case';
import { CivicError, notFound } from '../domain/errors';
import { canSeeCase } from '../domain/lifecycle/case-access';
import type { StaffActor } from '../domain/roles';
import {
  contactExposure,
  type StaffCaseView,
  staffView,
  textRules,
  visibleContact,
} from '../domain/staff-view';
import type { AuditLog } from '../ports/audit-log';
import type { CaseStore } from '../ports/case-store';
import type { ContactVault } from '../ports/contact-vault';
import type { DepartmentDirectory } from '../ports/department-directory';
import type { Log } from '../ports/log';

export interface StaffAccessDependencies {
  readonly store: CaseStore;
  readonly vault: ContactVault;
  readonly departments: DepartmentDirectory;
  readonly audit: AuditLog;
  readonly log: Log;
}

/**
 * GET /v1/cases/{caseId} with a staff token: the full case and timeline. Contact data by role —
 * in the fields and inside the text — and every full read on the audit trail first.
 */
export async function viewCaseAsStaff(
  deps: StaffAccessDependencies,
  caseId: string,
  actor: StaffActor,
): Promise<StaffCaseView> {
  const found = await deps.store.get(caseId);
  if (!found || !canSeeCase(actor, found)) throw notFound();
  const [contact, names] = await Promise.all([
    deps.vault.open(found.contact),
    deps.departments.names(departmentsOf(found)),
  ]);
  const exposure = contactExposure(actor.roles);
  if (exposure === 'full') {
    // No record, no data: the full contact data leaves only once its reading is on the audit trail.
    await deps.audit.recordContactRead(caseId, actor, 'GET /v1/cases/{caseId}').catch((error: Error) => {
      deps.log.error('audit write failed', { caseId, error });
      throw new CivicError(503, 'AUDIT_UNAVAILABLE', '暂时无法记录查阅日志，请稍后重试');
    });
  }
  return staffView(
    found,
    visibleContact(found, contact, exposure),
    actor,
    (id) => names.get(id),
    textRules(found, contact, exposure),
  );
}
