import { type Case, currentAssignment } from '../domain/case';
import { isPublishable } from '../domain/publication';
import { isOpen } from '../domain/statuses';

/**
 * Index attributes derived from a case. They exist only on the stored item, so the indexes stay
 * sparse (a case appears in `byOverdue` only while it is open and overdue).
 */
const DERIVED = [
  'departmentId',
  'overdueFlag',
  'overdueCard',
  'publication',
  'publishedAt',
  'answerBackBy',
] as const;

export type CaseItem = Case & Partial<Record<(typeof DERIVED)[number], string>>;

export function toCaseItem(c: Case): CaseItem {
  const assignment = currentAssignment(c);
  return {
    ...c,
    ...(assignment ? { departmentId: assignment.departmentId } : {}),
    ...(c.overdue && isOpen(c.status) ? { overdueFlag: 'overdue', overdueCard: c.overdue.card } : {}),
    ...(isPublishable(c) ? { publication: 'published', publishedAt: c.reply?.deliveredAt } : {}),
    // A forwarded letter's answer-back date, where the lists filter on it.
    ...(c.forwarded?.answerBackBy ? { answerBackBy: c.forwarded.answerBackBy } : {}),
  };
}

export function fromCaseItem(item: Record<string, unknown>): Case {
  const copy: Record<string, unknown> = { ...item };
  for (const name of DERIVED) delete copy[name];
  // The change that wrote the item (correlation.ts): the record's, not the case's.
  delete copy.correlationId;
  return copy as unknown as Case;
}
