import { type Case, currentAssignment } from './case';
import { caseHeading } from './case-heading';
import { CHANNEL_LABELS, MAILBOX_LABELS } from './case-kinds';
import { locationOf } from './case-location';
import { type CitizenContact, contactIdentifiers } from './contact';
import { forwardedView } from './forwarded-view';
import { ACTION_RULES, actionDefinition, CASE_ACTION_TYPES, type CaseAction } from './lifecycle/action-table';
import { canSeeCase } from './lifecycle/case-access';
import { maskName, maskPhone } from './masking';
import { type RedactionRules, redactor } from './redaction';
import { ROLE_LABELS, type StaffActor, type StaffRole } from './roles';

/**
 * How much of the complainant a role may see (DOMAIN.md "Personal data"): operators and
 * dispatchers everything; departments a masked phone, and no name for complaints, reports or
 * confidential cases (信访工作条例 art. 46); everyone else a masked name and phone.
 */
export type ContactExposure = 'full' | 'department' | 'masked';

export function contactExposure(roles: readonly StaffRole[]): ContactExposure {
  if (roles.includes('operator') || roles.includes('dispatcher')) return 'full';
  if (roles.includes('department')) return 'department';
  return 'masked';
}

export interface VisibleContact {
  readonly name?: string;
  readonly phone: string;
  readonly idNumber?: string;
  readonly address?: string;
  readonly email?: string;
}

export function visibleContact(c: Case, contact: CitizenContact, exposure: ContactExposure): VisibleContact {
  if (exposure === 'full') return contact;
  if (exposure === 'department') {
    const nameless = c.type === 'complain' || c.type === 'report' || c.confidential;
    return { ...(nameless ? {} : { name: contact.name }), phone: maskPhone(contact.phone) };
  }
  return { name: maskName(contact.name), phone: maskPhone(contact.phone) };
}

/** The same protection inside free text: the letter, notes, replies (信访工作条例 art. 46). */
export function textRules(
  c: Case,
  contact: CitizenContact,
  exposure: ContactExposure,
): RedactionRules | undefined {
  if (exposure === 'full') return undefined;
  const nameless = exposure === 'masked' || c.type === 'complain' || c.type === 'report' || c.confidential;
  return {
    phones: 'mask',
    identifiers: contactIdentifiers(contact),
    ...(nameless ? { names: [contact.name] } : {}),
    ...(contact.address ? { addresses: [contact.address] } : {}),
  };
}

/** Actions this staff member could take now, by role and status (a UI shows these buttons). */
export function availableActions(c: Case, actor: StaffActor): CaseAction['type'][] {
  if (!canSeeCase(actor, c)) return [];
  return CASE_ACTION_TYPES.filter((type) => {
    const rule = ACTION_RULES[type];
    return (
      rule.from.includes(c.status) &&
      actor.roles.some((role) => rule.roles.includes(role)) &&
      (actionDefinition(type).offeredFor?.(c) ?? true)
    );
  });
}

export function staffView(
  c: Case,
  contact: VisibleContact,
  actor: StaffActor,
  departmentName: (id: string) => string | undefined,
  rules?: RedactionRules,
) {
  const assignment = currentAssignment(c);
  const location = locationOf(c.location);
  const clean = rules ? redactor(rules) : (text: string) => text;
  const cleanReply = <T extends { content: string }>(reply: T): T => ({
    ...reply,
    content: clean(reply.content),
  });
  return {
    ...caseHeading(c),
    channel: c.channel,
    channelLabel: CHANNEL_LABELS[c.channel],
    ...(c.mailbox ? { mailbox: c.mailbox, mailboxLabel: MAILBOX_LABELS[c.mailbox] } : {}),
    title: clean(c.title),
    content: clean(c.content),
    ...(location
      ? { location: location.address ? { ...location, address: clean(location.address) } : location }
      : {}),
    version: c.version,
    confidential: c.confidential,
    publicConsent: c.publicConsent,
    citizen: contact,
    ...(c.requestedDepartmentId ? { requestedDepartmentId: c.requestedDepartmentId } : {}),
    ...(c.forwarded ? { forwarded: forwardedView(c.forwarded) } : {}),
    ...(assignment
      ? {
          department: {
            departmentId: assignment.departmentId,
            name: departmentName(assignment.departmentId) ?? assignment.departmentId,
          },
        }
      : {}),
    deadlines: c.deadlines,
    assignments: c.assignments.map((a) => ({ ...a, instructions: clean(a.instructions) })),
    ...(c.extension ? { extension: { ...c.extension, reason: clean(c.extension.reason) } } : {}),
    ...(c.draftReply ? { draftReply: cleanReply(c.draftReply) } : {}),
    ...(c.reply ? { reply: cleanReply(c.reply) } : {}),
    ...(c.rating
      ? { rating: { ...c.rating, ...(c.rating.comment ? { comment: clean(c.rating.comment) } : {}) } }
      : {}),
    ...(c.overdue ? { overdue: c.overdue } : {}),
    ...(c.mergedInto ? { mergedInto: c.mergedInto } : {}),
    ...(c.rejectionReason ? { rejectionReason: clean(c.rejectionReason) } : {}),
    ...(c.closedAt ? { closedAt: c.closedAt, closedUnrated: c.closedUnrated === true } : {}),
    reopenCount: c.reopenCount,
    returnCount: c.returnCount,
    supervisionCount: c.supervisionCount,
    timeline: c.timeline.map(({ request: _internal, ...entry }) => ({
      ...entry,
      ...(entry.note ? { note: clean(entry.note) } : {}),
      roleLabel: ROLE_LABELS[entry.role],
    })),
    availableActions: availableActions(c, actor),
  };
}

export type StaffCaseView = ReturnType<typeof staffView>;
