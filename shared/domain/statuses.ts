/** Case lifecycle statuses (DOMAIN.md "Lifecycle"); the only place status names are spelled. */
export const CASE_STATUSES = [
  'submitted',
  'handling',
  'reviewing',
  'replied',
  'closed',
  'rejected',
  'merged',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  submitted: '待受理',
  handling: '办理中',
  reviewing: '待审核',
  replied: '已答复（待评价）',
  closed: '已办结',
  rejected: '不予受理',
  merged: '已并单',
};

/** Statuses in which a case still waits for someone to act. */
export const OPEN_STATUSES: readonly CaseStatus[] = ['submitted', 'handling', 'reviewing', 'replied'];

export function isOpen(status: CaseStatus): boolean {
  return OPEN_STATUSES.includes(status);
}
