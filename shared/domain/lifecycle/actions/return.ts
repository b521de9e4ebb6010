import { text } from '../../text-field';
import { defineAction } from '../action-definition';
import { approvedExtension, replaceCurrent, requireAssignment } from '../assignments';
import { withDue } from '../lifecycle-context';
import { ruleViolation } from '../transition-errors';

/** 退单: a department sends a misrouted case back to triage, within the return window. */
export const returnCase = defineAction('return', '退单', ['department'], ['handling'], {
  fields: () => ({ reason: text('退单理由', 1000) }),
  effect: (c, action, ctx) => {
    const assignment = requireAssignment(c);
    if (ctx.at > assignment.returnBy) {
      throw ruleViolation(
        'RETURN_WINDOW_CLOSED',
        `已超过退单期限（转办后${ctx.limits.returnWindow}个工作日内可退单）`,
      );
    }
    const { handleBy: _dropped, ...deadlines } = c.deadlines;
    return {
      status: 'submitted',
      changes: {
        assignments: replaceCurrent(c, { ...assignment, returnedAt: ctx.at }),
        returnCount: c.returnCount + 1,
        deadlines: withDue(ctx, c, 'triageBy', ctx.limits.triage, deadlines),
        extension: approvedExtension(c),
        overdue: undefined,
      },
      note: action.reason,
      departmentId: assignment.departmentId,
      notices: [
        {
          kind: 'returned',
          audience: { role: 'dispatcher' },
          message: `${c.caseId} 被退回`,
          note: action.reason,
        },
      ],
    };
  },
});
