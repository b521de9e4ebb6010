import { text } from '../../text-field';
import { defineAction } from '../action-definition';
import { reopenedIsAccepted } from '../transition-errors';

/** 不予受理: the dispatcher declines a case at triage, saying why. */
export const reject = defineAction('reject', '不予受理', ['dispatcher'], ['submitted'], {
  fields: () => ({ reason: text('不予受理理由', 500) }),
  effect: (c, action, ctx) => {
    if (c.reopenCount > 0) throw reopenedIsAccepted('不予受理');
    return {
      status: 'rejected',
      changes: { rejectionReason: action.reason, closedAt: ctx.at, overdue: undefined },
      note: action.reason,
      notices: [
        {
          kind: 'rejected',
          audience: { citizen: true },
          message: `您的诉求 ${c.caseId} 不予受理`,
          note: action.reason,
        },
      ],
    };
  },
});
