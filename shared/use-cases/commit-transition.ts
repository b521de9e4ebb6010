import type { Case } from '../domain/case';
import type { Transition } from '../domain/lifecycle/apply-action';
import { noticeNeedsMasking, noticeText } from '../domain/notice-text';
import type { CaseGuard } from '../ports/case-store';
import type { Notification } from '../ports/notifier';
import type { LifecycleDependencies } from './lifecycle-dependencies';

/**
 * Stores a transition — status, timeline, audit entry and the notices it causes, in one write, only
 * if nobody changed the case meanwhile. The notices leave from the outbox by its stream, so a
 * stored change is always announced and a refused one never is; the workflow follows the case
 * table's stream the same way (follow-case-workflow), so a stored change always reaches it.
 */
export async function commitTransition(
  deps: LifecycleDependencies,
  before: Case,
  transition: Transition,
  guards: readonly CaseGuard[] = [],
): Promise<Case> {
  const { after } = transition;
  await deps.store.save(before, after, guards, await noticesOf(deps, transition));
  // Counted once stored (a replay returns before this point, so nothing is counted twice here).
  deps.metrics?.actionTaken(transition.entry.action);
  if (after.overdue && after.overdue.card !== before.overdue?.card)
    deps.metrics?.overdueCardShown(after.overdue.card);
  return after;
}

/** Each notice as its audience reads it, with an id that makes writing it twice harmless. */
export async function noticesOf(
  deps: Pick<LifecycleDependencies, 'vault'>,
  transition: Transition,
): Promise<Notification[]> {
  const { after } = transition;
  // Opened only when a notice carries a note its audience may not read in full.
  const contact = transition.notices.some(noticeNeedsMasking)
    ? await deps.vault.open(after.contact)
    : undefined;
  return transition.notices.map((notice, index) => ({
    kind: notice.kind,
    audience: notice.audience,
    message: noticeText(notice, after, contact),
    notificationId: `${after.caseId}:v${after.version}:${notice.kind}:${index}`,
    caseId: after.caseId,
    createdAt: transition.entry.at,
  }));
}
