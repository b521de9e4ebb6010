import type { Case } from '../domain/case';
import type { Transition } from '../domain/lifecycle/apply-action';
import { noticeNeedsMasking, noticeText } from '../domain/notice-text';
import type { CaseGuard } from '../ports/case-store';
import type { Notification } from '../ports/notifier';
import type { LifecycleDependencies } from './lifecycle-dependencies';

/**
 * Stores a transition (status and timeline together, only if nobody changed the case meanwhile),
 * then tells whoever should know and lets the workflow follow. The stored case is the truth: a
 * failed notification or workflow signal is logged, not undone — the workflow re-plans from the
 * table at its next deadline at the latest.
 */
export async function commitTransition(
  deps: LifecycleDependencies,
  before: Case,
  transition: Transition,
  guards: readonly CaseGuard[] = [],
): Promise<Case> {
  const { after } = transition;
  await deps.store.save(before, after, guards);
  // Opened only when a notice carries a note its audience may not read in full.
  const contact = transition.notices.some(noticeNeedsMasking)
    ? await deps.vault.open(after.contact)
    : undefined;
  const notifications: Notification[] = transition.notices.map((notice, index) => ({
    kind: notice.kind,
    audience: notice.audience,
    message: noticeText(notice, after, contact),
    notificationId: `${after.caseId}:v${after.version}:${notice.kind}:${index}`,
    caseId: after.caseId,
    createdAt: transition.entry.at,
  }));
  await Promise.all([
    deps.notifier
      .notify(notifications)
      .catch((error: Error) => deps.log.error('notification failed', { caseId: after.caseId, error })),
    (transition.entry.action === 'reopen'
      ? deps.workflow.startCase(after)
      : deps.workflow.caseChanged(after)
    ).catch((error: Error) => deps.log.error('workflow signal failed', { caseId: after.caseId, error })),
  ]);
  return after;
}
