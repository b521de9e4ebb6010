import { departmentsOf } from '../domain/case';
import { CASE_KINDS, type CaseKind } from '../domain/case-kinds';
import { type PublishedCase, publishedCase } from '../domain/publication';
import type { CaseStore, ListPosition } from '../ports/case-store';
import type { ContactVault } from '../ports/contact-vault';
import type { DepartmentDirectory } from '../ports/department-directory';
import type { KeyRing } from '../ports/key-ring';
import { readCursor, writeCursor } from './signed-cursor';

/** GET /v1/public/cases: published letters and replies, newest reply first, redacted. */
export interface PublicationDependencies {
  readonly store: CaseStore;
  readonly vault: ContactVault;
  readonly keys: KeyRing;
  readonly departments: DepartmentDirectory;
}

export async function listPublishedCases(
  deps: PublicationDependencies,
  request: { kind?: CaseKind; limit: number; cursor?: string },
): Promise<{ cases: PublishedCase[]; nextCursor?: string }> {
  const filter = { kinds: request.kind ? [request.kind] : CASE_KINDS, published: true };
  const key = await deps.keys.hashKey();
  const position = request.cursor
    ? readCursor<ListPosition>(key, 'public', request.cursor, filter)
    : undefined;
  const page = await deps.store.list(filter, request.limit, position);
  const names = await deps.departments.names(page.cases.flatMap(departmentsOf));
  const cases = await Promise.all(
    page.cases.map(async (c) => publishedCase(c, await deps.vault.open(c.contact), (id) => names.get(id))),
  );
  return { cases, ...(page.next ? { nextCursor: writeCursor(key, 'public', page.next, filter) } : {}) };
}
