import { type Case, currentAssignment } from './case';
import { caseHeading } from './case-heading';
import { forwardedView } from './forwarded-view';
import { stepDeadline } from './lifecycle/workflow-plan';

/** A line of a staff case list: no content, no contact data. */
export function caseSummary(c: Case) {
  const assignment = currentAssignment(c);
  const deadline = stepDeadline(c);
  return {
    ...caseHeading(c),
    channel: c.channel,
    ...(c.forwarded ? { forwarded: forwardedView(c.forwarded) } : {}),
    title: c.title,
    version: c.version,
    ...(assignment ? { departmentId: assignment.departmentId } : {}),
    ...(deadline ? { deadline } : {}),
    ...(c.overdue ? { overdue: c.overdue } : {}),
    ...(c.returnCount > 0 ? { returnCount: c.returnCount } : {}),
    ...(c.supervisionCount > 0 ? { supervisionCount: c.supervisionCount } : {}),
    ...(c.extension && !c.extension.decision
      ? {
          pendingExtension: {
            workingDays: c.extension.workingDays,
            requestedAt: c.extension.requestedAt,
          },
        }
      : {}),
  };
}

export type CaseSummary = ReturnType<typeof caseSummary>;
