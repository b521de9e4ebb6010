import { type Case, currentAssignment } from './case';
import { CASE_KIND_LABELS, REQUEST_TYPE_LABELS } from './case-kinds';
import { stepDeadline } from './lifecycle/workflow-plan';
import { CASE_STATUS_LABELS } from './statuses';

/** A line of a staff case list: no content, no contact data. */
export function caseSummary(c: Case) {
  const assignment = currentAssignment(c);
  const deadline = stepDeadline(c);
  return {
    caseId: c.caseId,
    kind: c.kind,
    kindLabel: CASE_KIND_LABELS[c.kind],
    channel: c.channel,
    type: c.type,
    typeLabel: REQUEST_TYPE_LABELS[c.type],
    title: c.title,
    status: c.status,
    statusLabel: CASE_STATUS_LABELS[c.status],
    createdAt: c.createdAt,
    version: c.version,
    ...(assignment ? { departmentId: assignment.departmentId } : {}),
    ...(deadline ? { deadline } : {}),
    ...(c.overdue ? { overdue: c.overdue } : {}),
  };
}

export type CaseSummary = ReturnType<typeof caseSummary>;
