import type { Case, SealedContact } from './case';
import { type Actor, actorName, type Role } from './roles';
import type { TimeLimits } from './time-limits';
import type { WorkingCalendar } from './working-days';

/** What the citizen (or the operator for them) says; already validated at the edge. */
export type CaseDetails = Pick<
  Case,
  | 'kind'
  | 'channel'
  | 'mailbox'
  | 'type'
  | 'title'
  | 'content'
  | 'location'
  | 'requestedDepartmentId'
  | 'forwarded'
  | 'attachments'
  | 'confidential'
  | 'publicConsent'
>;

export interface OpenCaseInput {
  readonly caseId: string;
  readonly details: CaseDetails;
  readonly contact: SealedContact;
  readonly phoneKey: string;
  readonly queryCodeHash: string;
  readonly actor: Actor;
  readonly now: Date;
  readonly calendar: WorkingCalendar;
  readonly limits: TimeLimits;
}

/** A new case waiting for triage (待受理), with submission as its first timeline entry. */
export function openCase(input: OpenCaseInput): Case {
  const { details, actor, now } = input;
  const at = now.toISOString();
  const triage = input.calendar.addWorkingDays(now, input.limits.triage);
  const answerBackBy = details.forwarded?.answerBackBy;
  const triageBy = earliest(triage.at.toISOString(), answerBackBy);
  return {
    caseId: input.caseId,
    kind: details.kind,
    channel: details.channel,
    ...(details.mailbox ? { mailbox: details.mailbox } : {}),
    type: details.type,
    title: details.title,
    content: details.content,
    ...(details.location ? { location: details.location } : {}),
    ...(details.requestedDepartmentId ? { requestedDepartmentId: details.requestedDepartmentId } : {}),
    ...(details.forwarded ? { forwarded: details.forwarded } : {}),
    ...(details.attachments?.length ? { attachments: details.attachments } : {}),
    contact: input.contact,
    phoneKey: input.phoneKey,
    confidential: details.confidential,
    publicConsent: details.publicConsent,
    queryCodeHash: input.queryCodeHash,
    status: 'submitted',
    version: 1,
    createdAt: at,
    createdBy: actorName(actor),
    deadlines: { triageBy, ...(triage.estimated ? { estimated: true } : {}) },
    assignments: [],
    reopenCount: 0,
    returnCount: 0,
    supervisionCount: 0,
    timeline: [{ at, actor: actorName(actor), role: roleOf(actor), action: 'submit', status: 'submitted' }],
  };
}

/** A step's deadline, never later than the date a forwarding office must be answered by. */
export function earliest(deadline: string, answerBackBy: string | undefined): string {
  return answerBackBy && answerBackBy < deadline ? answerBackBy : deadline;
}

function roleOf(actor: Actor): Role {
  if (actor.kind === 'staff') return actor.roles[0] ?? 'operator';
  return actor.kind;
}
