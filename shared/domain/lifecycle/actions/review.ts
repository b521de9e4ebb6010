import * as z from 'zod/mini';
import { decision } from '../../decision-field';
import { text } from '../../text-field';
import { defineAction } from '../action-definition';
import { withDue } from '../lifecycle-context';
import { replyDeliveredNotices } from '../notices';
import { ruleViolation } from '../transition-errors';

/** 审核: the reviewer releases a department's reply to the citizen, or sends it back with a comment. */
export const review = defineAction('review', '审核', ['reviewer'], ['reviewing'], {
  fields: () => ({
    approve: decision('approve', '审核结论', { yes: '审核通过', no: '退回修改' }),
    comment: z.optional(text('审核意见', 1000)),
  }),
  effect: (c, action, ctx) => {
    const draft = c.draftReply;
    if (!draft) throw ruleViolation('NO_REPLY_TO_REVIEW', '没有待审核的答复');
    if (!action.approve) {
      return {
        status: 'handling',
        changes: { draftReply: undefined, overdue: undefined },
        note: action.comment ?? '答复退回修改',
        ...(draft.departmentId ? { departmentId: draft.departmentId } : {}),
        notices: draft.departmentId
          ? [
              {
                kind: 'reply_sent_back',
                audience: { departmentId: draft.departmentId },
                message: `${c.caseId} 答复被退回修改`,
              },
            ]
          : [],
      };
    }
    const onTime = c.deadlines.handleBy ? draft.writtenAt <= c.deadlines.handleBy : true;
    return {
      status: 'replied',
      changes: {
        reply: { ...draft, deliveredAt: ctx.at },
        draftReply: undefined,
        firstReplySource: c.firstReplySource ?? 'department',
        firstReplyOnTime: c.firstReplyOnTime ?? onTime,
        deadlines: withDue(ctx, c, 'followUpBy', ctx.limits.followUp),
        overdue: undefined,
      },
      ...(action.comment ? { note: action.comment } : {}),
      ...(draft.departmentId ? { departmentId: draft.departmentId } : {}),
      notices: replyDeliveredNotices(c.caseId),
    };
  },
});
