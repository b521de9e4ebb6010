import * as z from 'zod/mini';
import { decision } from '../../decision-field';
import { text } from '../../text-field';
import { defineAction } from '../action-definition';
import { requireAssignment } from '../assignments';
import { ruleViolation } from '../transition-errors';

/** 延期审批: the dispatcher approves (the deadline moves once) or refuses a pending extension. */
export const decideExtension = defineAction('decide_extension', '延期审批', ['dispatcher'], ['handling'], {
  fields: () => ({
    approve: decision('approve', '审批结论', { yes: '同意延期', no: '不同意延期' }),
    comment: z.optional(text('审批意见', 1000)),
  }),
  effect: (c, action, ctx) => {
    const assignment = requireAssignment(c);
    const extension = c.extension;
    if (!extension || extension.decision) throw ruleViolation('NO_PENDING_EXTENSION', '没有待审批的延期申请');
    const decided = {
      ...extension,
      decision: action.approve ? ('approved' as const) : ('refused' as const),
      decidedAt: ctx.at,
    };
    const handleBy = c.deadlines.handleBy ?? ctx.at;
    const extended = action.approve
      ? ctx.calendar.addWorkingDays(new Date(handleBy), extension.workingDays)
      : undefined;
    const moved = extended ? extended.at.toISOString() : handleBy;
    // Estimated if the days it adds, or the deadline it extends, fell in an unpublished year.
    const estimated = c.deadlines.estimated === true || extended?.estimated === true;
    return {
      status: 'handling',
      changes: {
        extension: decided,
        deadlines: { ...c.deadlines, handleBy: moved, ...(estimated ? { estimated: true } : {}) },
        ...(action.approve && moved > ctx.at ? { overdue: undefined } : {}),
      },
      note: `${action.approve ? `同意延期${extension.workingDays}个工作日` : '不同意延期'}${action.comment ? `：${action.comment}` : ''}`,
      departmentId: assignment.departmentId,
      notices: [
        {
          kind: 'extension_decided',
          audience: { departmentId: assignment.departmentId },
          message: `${c.caseId} 延期申请${action.approve ? '已批准' : '未批准'}`,
        },
      ],
    };
  },
});
