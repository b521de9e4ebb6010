import type { Case } from '../domain/case';
import { type CitizenCaseView, citizenView } from '../domain/citizen-view';
import { notFound } from '../domain/errors';
import { queryCodeMatches } from '../domain/query-code';
import type { CaseStore } from '../ports/case-store';
import type { DepartmentDirectory } from '../ports/department-directory';
import type { KeyRing } from '../ports/key-ring';

export interface CitizenAccessDependencies {
  readonly store: CaseStore;
  readonly keys: KeyRing;
  readonly departments: DepartmentDirectory;
}

/**
 * The case behind a case number and query code. An unknown case and a wrong code answer the same
 * 404, after the same work, so the answer never tells whether a case number exists.
 */
export async function openCaseWithQueryCode(
  deps: CitizenAccessDependencies,
  caseId: string,
  queryCode: string,
): Promise<Case> {
  const [found, hashKey] = await Promise.all([deps.store.get(caseId), deps.keys.hashKey()]);
  const matches = queryCodeMatches(hashKey, caseId, queryCode, found?.queryCodeHash ?? '-');
  if (!found || !matches) throw notFound();
  return found;
}

/** GET /v1/cases/{caseId} with X-Query-Code: what the citizen sees of their own case. */
export async function viewCaseAsCitizen(
  deps: CitizenAccessDependencies,
  caseId: string,
  queryCode: string,
): Promise<CitizenCaseView> {
  const [found, departments] = await Promise.all([
    openCaseWithQueryCode(deps, caseId, queryCode),
    deps.departments.list(),
  ]);
  const names = new Map(departments.map((d) => [d.departmentId, d.name]));
  return citizenView(found, (id) => names.get(id));
}
