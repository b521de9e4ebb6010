import type { Case } from './case';
import { CASE_KIND_LABELS, REQUEST_TYPE_LABELS } from './case-kinds';
import { CASE_STATUS_LABELS } from './statuses';

/** What every view of a case starts with: number, kind, type and status, with their Chinese labels. */
export function caseHeading(c: Case) {
  return {
    caseId: c.caseId,
    kind: c.kind,
    kindLabel: CASE_KIND_LABELS[c.kind],
    type: c.type,
    typeLabel: REQUEST_TYPE_LABELS[c.type],
    status: c.status,
    statusLabel: CASE_STATUS_LABELS[c.status],
    createdAt: c.createdAt,
  };
}
