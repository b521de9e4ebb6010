import { notFound } from '../domain/errors';
import { canSeeCase } from '../domain/lifecycle/case-access';
import type { StaffActor } from '../domain/roles';
import { contactExposure, type StaffCaseView, staffView, visibleContact } from '../domain/staff-view';
import type { CaseStore } from '../ports/case-store';
import type { ContactVault } from '../ports/contact-vault';
import type { DepartmentDirectory } from '../ports/department-directory';

export interface StaffAccessDependencies {
  readonly store: CaseStore;
  readonly vault: ContactVault;
  readonly departments: DepartmentDirectory;
}

/** GET /v1/cases/{caseId} with a staff token: the full case and timeline, contact data by role. */
export async function viewCaseAsStaff(
  deps: StaffAccessDependencies,
  caseId: string,
  actor: StaffActor,
): Promise<StaffCaseView> {
  const found = await deps.store.get(caseId);
  if (!found || !canSeeCase(actor, found)) throw notFound();
  const [contact, departments] = await Promise.all([deps.vault.open(found.contact), deps.departments.list()]);
  const names = new Map(departments.map((d) => [d.departmentId, d.name]));
  return staffView(found, visibleContact(found, contact, contactExposure(actor.roles)), actor, (id) =>
    names.get(id),
  );
}
