import { type AbuseLimits, submissionLimits } from '../domain/abuse-limits';
import { type CitizenContact, phoneIdentity } from '../domain/contact';
import { CivicError } from '../domain/errors';
import { type CaseDetails, openCase } from '../domain/intake';
import { applyAction } from '../domain/lifecycle/apply-action';
import { derivedQueryCode, hashQueryCode, randomQueryCode } from '../domain/query-code';
import { type Actor, actorName } from '../domain/roles';
import type { CaseStatus } from '../domain/statuses';
import type { AttachmentFiles } from '../ports/attachment-files';
import type { ContactVault } from '../ports/contact-vault';
import type { Idempotency, OnceRequest } from '../ports/idempotency';
import type { KeyRing } from '../ports/key-ring';
import type { RateLimiter } from '../ports/rate-limiter';
import { keepAttachments, verifiedUploads } from './attach-files';
import { noticesOf } from './commit-transition';
import { type LifecycleDependencies, lifecycleContext } from './lifecycle-dependencies';

export interface IntakeDependencies
  extends Pick<LifecycleDependencies, 'store' | 'departments' | 'clock' | 'rules' | 'log' | 'metrics'> {
  readonly vault: ContactVault;
  readonly keys: KeyRing;
  readonly idempotency: Idempotency;
  readonly limiter: RateLimiter;
  readonly abuseLimits: AbuseLimits;
  readonly files: AttachmentFiles;
}

export interface Submission {
  readonly details: Omit<CaseDetails, 'attachments'>;
  /** Upload ids of the files the citizen attaches (POST /v1/uploads). */
  readonly uploads?: readonly string[];
  readonly contact: CitizenContact;
  readonly actor: Actor;
  /** The client's address as API Gateway reports it: citizens' submissions are limited per client. */
  readonly client: string;
  readonly request: Omit<OnceRequest, 'payload'> & { readonly payload: unknown };
  /** A hotline call the operator answered at once (直接答复): recorded as answered at intake. */
  readonly answerAtIntake?: string;
}

/** What the citizen gets back once: the query code is never shown or stored again. */
export interface SubmissionReceipt {
  readonly caseId: string;
  readonly queryCode: string;
  readonly status: CaseStatus;
  readonly createdAt: string;
}

/**
 * Records a new case (信件, 工单 or 咨询). With an Idempotency-Key the case is created once and a
 * retry gets the same receipt; its query code is derived from the key so it is never stored.
 */
export async function submitCase(
  deps: IntakeDependencies,
  submission: Submission,
): Promise<SubmissionReceipt> {
  const { details, request } = submission;
  if (details.requestedDepartmentId) {
    const department = await deps.departments.get(details.requestedDepartmentId);
    // A deactivated department, or one that does not take consultations, is not on the form.
    if (!department?.active || !department.acceptsConsultations) {
      throw new CivicError(400, 'UNKNOWN_DEPARTMENT', '所选承办单位不存在或不受理在线咨询', [
        { field: 'departmentId', message: '所选承办单位不存在或不受理在线咨询' },
      ]);
    }
  }
  const hashKey = await deps.keys.hashKey();
  const randomCode = request.key ? undefined : randomQueryCode();
  const queryCodeFor = (caseId: string) => randomCode ?? derivedQueryCode(hashKey, caseId, request.key ?? '');

  const recorded = await deps.idempotency.once(request, async () => {
    const { now, calendar, limits } = await lifecycleContext(deps);
    // Files first: a refused one fails the submission before it counts or takes a case number.
    const attachments = await verifiedUploads(deps, submission.uploads ?? [], {
      origin: 'citizen',
      by: actorName(submission.actor),
      at: now.toISOString(),
    });
    const phoneKey = await deps.vault.phoneKey(phoneIdentity(submission.contact.phone));
    // Inside the once-only part: a replayed request neither counts again nor is refused.
    if (submission.actor.kind === 'citizen') {
      await deps.limiter.take(submissionLimits(deps.abuseLimits, submission.client, phoneKey));
    }
    // A retry of an attempt that crashed after allocating (or storing) its case gets that case.
    const allocated = await deps.store.allocateCaseNumber(details.kind, now);
    const caseId = await deps.idempotency.bind(request, allocated);
    const stored = caseId === allocated ? undefined : await deps.store.get(caseId);
    if (stored) return { caseId, status: stored.status, createdAt: stored.createdAt };
    await keepAttachments(deps, caseId, attachments);
    const opened = openCase({
      caseId,
      details: { ...details, attachments },
      contact: await deps.vault.seal(submission.contact),
      phoneKey,
      queryCodeHash: hashQueryCode(hashKey, caseId, queryCodeFor(caseId)),
      actor: submission.actor,
      now,
      calendar,
      limits,
    });
    const answered = submission.answerAtIntake
      ? applyAction(opened, { type: 'answer', answer: submission.answerAtIntake }, submission.actor, {
          now,
          calendar,
          limits,
        })
      : undefined;
    const created = answered?.after ?? opened;
    // An answer at intake reaches the citizen at once: its notices are stored with the case.
    await deps.store.create(created, answered ? await noticesOf(deps, answered) : []);
    deps.metrics?.caseReceived(created.kind, created.channel);
    // The case is stored and is the truth: its workflow starts from the case table's stream.
    return { caseId, status: created.status, createdAt: created.createdAt };
  });
  return { ...recorded, queryCode: queryCodeFor(recorded.caseId) };
}
