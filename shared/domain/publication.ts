import type { Case } from './case';
import { caseHeading } from './case-heading';
import { locationOf, streetLevel } from './case-location';
import { type CitizenContact, contactIdentifiers } from './contact';
import { redactor } from './redaction';

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
  const clean = redactor({
    phones: 'remove',
    names: [contact.name],
    identifiers: contactIdentifiers(contact),
    ...(contact.address ? { addresses: [contact.address] } : {}),
  });
  const department = c.reply?.departmentId ? departmentName(c.reply.departmentId) : undefined;
  // Only the street, never the house number; never anything of a confidential case.
  const address = locationOf(c.location)?.address;
  const street = address && !c.confidential ? streetLevel(clean(address)) : undefined;
  return {
    ...caseHeading(c),
    title: clean(c.title),
    content: clean(c.content),
    ...(street ? { location: { address: street } } : {}),
    reply: {
      content: clean(c.reply?.content ?? ''),
      repliedAt: c.reply?.deliveredAt ?? '',
      ...(department ? { departmentName: department } : {}),
    },
  };
}

export type PublishedCase = ReturnType<typeof publishedCase>;
