import type { Case } from './case';
import { CASE_KIND_LABELS, REQUEST_TYPE_LABELS } from './case-kinds';
import type { CitizenContact } from './contact';
import { redactText } from './redaction';
import { CASE_STATUS_LABELS } from './statuses';

/**
 * A case appears on the public site (公开) when the citizen consented, did not ask for
 * confidentiality, and a reply passed review (or was a direct answer) and reached them.
 */
export function isPublishable(c: Case): boolean {
  return (
    c.publicConsent &&
    !c.confidential &&
    c.reply?.deliveredAt !== undefined &&
    (c.status === 'replied' || c.status === 'closed')
  );
}

/** The published letter and reply: no name, phone, ID number, address or e-mail, in any field. */
export function publishedCase(
  c: Case,
  contact: CitizenContact,
  departmentName: (id: string) => string | undefined,
) {
  const clean = (text: string) =>
    redactText(text, {
      phones: 'remove',
      names: [contact.name],
      ...(contact.address ? { addresses: [contact.address] } : {}),
    });
  const department = c.reply?.departmentId ? departmentName(c.reply.departmentId) : undefined;
  return {
    caseId: c.caseId,
    kind: c.kind,
    kindLabel: CASE_KIND_LABELS[c.kind],
    type: c.type,
    typeLabel: REQUEST_TYPE_LABELS[c.type],
    title: clean(c.title),
    content: clean(c.content),
    status: c.status,
    statusLabel: CASE_STATUS_LABELS[c.status],
    createdAt: c.createdAt,
    reply: {
      content: clean(c.reply?.content ?? ''),
      repliedAt: c.reply?.deliveredAt ?? '',
      ...(department ? { departmentName: department } : {}),
    },
  };
}

export type PublishedCase = ReturnType<typeof publishedCase>;
