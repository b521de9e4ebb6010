import { currentAssignment } from '../../case';
import { text } from '../../text-field';
import { defineAction } from '../action-definition';
import { withDue } from '../lifecycle-context';
import { ruleViolation } from '../transition-errors';

/**
 * 重办: a case closed with a 不满意 rating goes back — to the same department if a department
 * replied, to triage if it was answered directly — at most the configured number of times.
 */
export const reopen = defineAction('reopen', '重办', ['dispatcher', 'leader'], ['closed'], {
  fields: () => ({ reason: text('重办理由', 1000) }),
  effect: (c, action, ctx) => {
    if (c.closedUnrated || c.rating?.satisfaction !== 'dissatisfied') {
      throw ruleViolation('REOPEN_NOT_ALLOWED', '只有评价为“不满意”的办结案件可以重办');
    }
    if (c.reopenCount >= ctx.limits.maxReopens) {
      throw ruleViolation('REOPEN_LIMIT_REACHED', `每个案件最多重办${ctx.limits.maxReopens}次`);
    }
    const assignment = currentAssignment(c);
    const reopened = {
      reply: undefined,
      closedAt: undefined,
      closedUnrated: undefined,
      overdue: undefined,
      reopenCount: c.reopenCount + 1,
    };
    if (c.reply?.source === 'department' && assignment !== undefined) {
      return {
        status: 'handling',
        changes: {
          ...reopened,
          deadlines: withDue(ctx, c, 'handleBy', ctx.limits.handling[c.type]),
        },
        note: action.reason,
        departmentId: assignment.departmentId,
        notices: [
          {
            kind: 'reopened',
            audience: { departmentId: assignment.departmentId },
            message: `${c.caseId} 重办`,
            note: action.reason,
          },
        ],
      };
    }
    return {
      status: 'submitted',
      changes: {
        ...reopened,
        deadlines: withDue(ctx, c, 'triageBy', ctx.limits.triage),
      },
      note: action.reason,
      notices: [
        {
          kind: 'reopened',
          audience: { role: 'dispatcher' },
          message: `${c.caseId} 重办`,
          note: action.reason,
        },
      ],
    };
  },
});
