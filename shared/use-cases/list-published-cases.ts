import { publishedAttachments } from '../domain/attachment';
import { departmentsOf } from '../domain/case';
import { CASE_KINDS, type CaseKind } from '../domain/case-kinds';
import { type PublishedCase, publishedCase } from '../domain/publication';
import type { CaseStore, ListPosition } from '../ports/case-store';
import type { ContactVault } from '../ports/contact-vault';
import type { DepartmentDirectory } from '../ports/department-directory';
import type { KeyRing } from '../ports/key-ring';
import { type AttachmentReading, type AttachmentView, attachmentViews } from './attach-files';
import { readCursor, writeCursor } from './signed-cursor';

/** GET /v1/public/cases: published letters and replies, newest reply first, redacted. */
export interface PublicationDependencies {
  readonly store: CaseStore;
  readonly vault: ContactVault;
  readonly keys: KeyRing;
  readonly departments: DepartmentDirectory;
}

type PublishedCaseWithFiles = PublishedCase & { readonly attachments?: readonly AttachmentView[] };

export async function listPublishedCases(
  deps: PublicationDependencies & AttachmentReading,
  request: { kind?: CaseKind; limit: number; cursor?: string },
): Promise<{ cases: PublishedCaseWithFiles[]; nextCursor?: string }> {
  const filter = { kinds: request.kind ? [request.kind] : CASE_KINDS, published: true };
  const key = await deps.keys.hashKey();
  const position = request.cursor
    ? readCursor<ListPosition>(key, 'public', request.cursor, filter)
    : undefined;
  const page = await deps.store.list(filter, request.limit, position);
  const names = await deps.departments.names(page.cases.flatMap(departmentsOf));
  const cases = await Promise.all(
    page.cases.map(async (c) => {
      const published = publishedCase(c, await deps.vault.open(c.contact), (id) => names.get(id));
      // Only the files a reviewer released (附件公开设置); no others, of any case.
      const files = publishedAttachments(c.attachments ?? []);
      return files.length
        ? { ...published, attachments: await attachmentViews(deps.files, c.caseId, files) }
        : published;
    }),
  );
  return { cases, ...(page.next ? { nextCursor: writeCursor(key, 'public', page.next, filter) } : {}) };
}
