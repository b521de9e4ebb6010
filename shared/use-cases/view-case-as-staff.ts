import { departmentsOf } from '../domain/case';
import { CivicError, notFound } from '../domain/errors';
import { canSeeCase } from '../domain/lifecycle/case-access';
import { redactor } from '../domain/redaction';
import type { StaffActor } from '../domain/roles';
import {
  contactExposure,
  type StaffCaseView,
  staffView,
  textRules,
  visibleContact,
} from '../domain/staff-view';
import type { AttachmentFiles } from '../ports/attachment-files';
import type { AuditLog } from '../ports/audit-log';
import type { CaseStore } from '../ports/case-store';
import type { ContactVault } from '../ports/contact-vault';
import type { DepartmentDirectory } from '../ports/department-directory';
import type { Log } from '../ports/log';
import { type AttachmentView, attachmentViews } from './attach-files';

export interface StaffAccessDependencies {
  readonly store: CaseStore;
  readonly vault: ContactVault;
  readonly departments: DepartmentDirectory;
  readonly audit: AuditLog;
  readonly log: Log;
  readonly files: AttachmentFiles;
}

/**
 * GET /v1/cases/{caseId} with a staff token: the full case and timeline. Contact data by role —
 * in the fields and inside the text — and every full read on the audit trail first.
 */
export async function viewCaseAsStaff(
  deps: StaffAccessDependencies,
  caseId: string,
  actor: StaffActor,
): Promise<StaffCaseView & { readonly attachments: readonly AttachmentView[] }> {
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
  const rules = textRules(found, contact, exposure);
  // A file's name is text the citizen wrote: cleaned by the same rules as the rest of the case.
  const clean = rules ? redactor(rules) : (text: string) => text;
  const files = (found.attachments ?? []).map((a) => ({ ...a, fileName: clean(a.fileName) }));
  return {
    ...staffView(found, visibleContact(found, contact, exposure), actor, (id) => names.get(id), rules),
    // Whoever may see the case may open its files, through links that expire within minutes.
    attachments: await attachmentViews(deps.files, found.caseId, files),
  };
}
