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
 * A citizen follows their case with its number and query code. An unknown case and a wrong code
 * answer the same 404, so the answer never tells whether a case number exists.
 */
export async function viewCaseAsCitizen(
  deps: CitizenAccessDependencies,
  caseId: string,
  queryCode: string,
): Promise<CitizenCaseView> {
  const [found, hashKey, departments] = await Promise.all([
    deps.store.get(caseId),
    deps.keys.hashKey(),
    deps.departments.list(),
  ]);
  // Hash even when the case does not exist, so both answers take the same time.
  const matches = queryCodeMatches(hashKey, caseId, queryCode, found?.queryCodeHash ?? '-');
  if (!found || !matches) throw notFound();
  const names = new Map(departments.map((d) => [d.departmentId, d.name]));
  return citizenView(found, (id) => names.get(id));
}
