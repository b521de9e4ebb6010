import { actorName } from '../../roles';
import { text } from '../../text-field';
import { defineAction } from '../action-definition';
import { withDue } from '../lifecycle-context';
import { replyDeliveredNotices } from '../notices';

/** 直接答复: an operator or dispatcher answers at once; the reply reaches the citizen directly. */
export const answer = defineAction('answer', '直接答复', ['operator', 'dispatcher'], ['submitted'], {
  fields: () => ({ answer: text('答复内容', 5000) }),
  effect: (c, action, ctx) => ({
    status: 'replied',
    changes: {
      reply: {
        content: action.answer,
        source: 'answer',
        by: actorName(ctx.actor),
        writtenAt: ctx.at,
        deliveredAt: ctx.at,
      },
      firstReplySource: c.firstReplySource ?? 'answer',
      firstReplyOnTime: c.firstReplyOnTime ?? (!c.deadlines.triageBy || ctx.at <= c.deadlines.triageBy),
      deadlines: withDue(ctx, c, 'followUpBy', ctx.limits.followUp),
      overdue: undefined,
    },
    note: action.answer,
    notices: replyDeliveredNotices(c.caseId),
  }),
});
