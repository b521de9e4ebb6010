import type { Attachment } from './attachment';
import type { CaseKind, Channel, ForwardingSource, Mailbox, RequestType } from './case-kinds';
import type { CaseLocation } from './case-location';
import type { Role } from './roles';
import type { CaseStatus } from './statuses';

/**
 * Contact data as the store keeps it: sealed (encrypted) by the ContactVault. The domain never
 * needs the plaintext to move a case through its lifecycle.
 */
export interface SealedContact {
  readonly keyId: string;
  readonly iv: string;
  readonly ciphertext: string;
  readonly tag: string;
}

export type SatisfactionLevel = 'satisfied' | 'basically_satisfied' | 'dissatisfied';

/** One line of a case's history. Entries are only ever appended. */
export interface TimelineEntry {
  readonly at: string;
  /** Staff username, "citizen" or "system". */
  readonly actor: string;
  readonly role: Role;
  readonly action: string;
  /** Status after the entry. */
  readonly status: CaseStatus;
  readonly note?: string;
  readonly departmentId?: string;
  /**
   * The client request that made this entry (a digest of its Idempotency-Key scope and body),
   * stored in the same write: a retry after any crash finds its outcome here. Internal, never shown.
   */
  readonly request?: string;
}

/** One hand-over to a department (转办), with how the department responded. */
export interface Assignment {
  readonly departmentId: string;
  readonly instructions: string;
  readonly at: string;
  readonly signBy: string;
  readonly returnBy: string;
  readonly signedAt?: string;
  readonly returnedAt?: string;
}

export interface ExtensionRequest {
  readonly workingDays: number;
  readonly reason: string;
  readonly requestedAt: string;
  readonly requestedBy: string;
  readonly decision?: 'approved' | 'refused';
  readonly decidedAt?: string;
}

export interface Reply {
  readonly content: string;
  readonly source: 'answer' | 'department';
  readonly by: string;
  readonly departmentId?: string;
  /** When it was written (the department's reply or the direct answer). */
  readonly writtenAt: string;
  /** When it reached the citizen (direct answer, or review approval). */
  readonly deliveredAt?: string;
  /** The department's files that go with this reply (ids in the case's `attachments`). */
  readonly attachmentIds?: readonly string[];
}

/** A letter a higher office forwarded (转办件): answered back to it with its reference. */
export interface ForwardedFrom {
  readonly source: ForwardingSource;
  /** The forwarding office's own number for the letter (来文编号). */
  readonly reference: string;
  readonly forwardingOffice: string;
  readonly receivedAt: string;
  /** The end of the day the office must answer back by; no deadline of the case runs past it. */
  readonly answerBackBy?: string;
}

export interface Rating {
  readonly resolved: boolean;
  readonly satisfaction: SatisfactionLevel;
  readonly comment?: string;
  readonly by: 'citizen' | 'operator';
  readonly at: string;
}

export interface Deadlines {
  readonly triageBy?: string;
  readonly handleBy?: string;
  readonly reviewBy?: string;
  readonly followUpBy?: string;
  /** Set when a deadline was computed for a year without published holiday data. */
  readonly estimated?: boolean;
}

export type OverdueCard = 'yellow' | 'red';

export interface Case {
  readonly caseId: string;
  readonly kind: CaseKind;
  readonly channel: Channel;
  readonly mailbox?: Mailbox;
  readonly type: RequestType;
  readonly title: string;
  readonly content: string;
  /** Where the matter is; cases stored before coordinates hold the address as text (locationOf). */
  readonly location?: CaseLocation | string;
  /** The department a consultation was addressed to by the citizen. */
  readonly requestedDepartmentId?: string;
  /** Set on a letter a higher office forwarded (channel `forwarded`). */
  readonly forwarded?: ForwardedFrom;
  /** Every file linked to the case: the citizen's with it, each department's with its reply. */
  readonly attachments?: readonly Attachment[];
  readonly contact: SealedContact;
  /** Keyed hash of the phone number: finds a caller's cases and limits abuse without decrypting. */
  readonly phoneKey: string;
  readonly confidential: boolean;
  readonly publicConsent: boolean;
  readonly queryCodeHash: string;
  readonly status: CaseStatus;
  /** Incremented by every change; writes are conditional on it (optimistic locking). */
  readonly version: number;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly deadlines: Deadlines;
  /** Every transfer in order; the last one is the current assignment while handling. */
  readonly assignments: readonly Assignment[];
  readonly extension?: ExtensionRequest;
  /** A department reply waiting for review (待审核). */
  readonly draftReply?: Reply;
  /** The reply the citizen sees. */
  readonly reply?: Reply;
  /** How the first reply that reached the citizen came about; fixes `directAnswers`. */
  readonly firstReplySource?: Reply['source'];
  /** Whether the first reply that reached the citizen was written by the deadline of its step. */
  readonly firstReplyOnTime?: boolean;
  readonly rating?: Rating;
  readonly closedAt?: string;
  readonly closedUnrated?: boolean;
  readonly rejectionReason?: string;
  readonly mergedInto?: string;
  readonly reopenCount: number;
  readonly returnCount: number;
  readonly supervisionCount: number;
  readonly overdue?: { readonly card: OverdueCard; readonly since: string };
  readonly timeline: readonly TimelineEntry[];
}

/** Every department a case has been with, for naming them in a view. */
export function departmentsOf(c: Case): string[] {
  return [
    ...c.assignments.map((a) => a.departmentId),
    ...c.timeline.flatMap((e) => (e.departmentId ? [e.departmentId] : [])),
    ...(c.reply?.departmentId ? [c.reply.departmentId] : []),
  ];
}

/** The department currently responsible, if the case has been transferred and not returned. */
export function currentAssignment(c: Case): Assignment | undefined {
  const last = c.assignments.at(-1);
  return last && !last.returnedAt ? last : undefined;
}
