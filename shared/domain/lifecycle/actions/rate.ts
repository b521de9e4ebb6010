import * as z from 'zod/mini';
import { SATISFACTION_LEVELS } from '../../satisfaction';
import { text } from '../../text-field';
import { defineAction } from '../action-definition';

/** 满意度: 满意, 基本满意, 不满意. */
export const satisfaction = z
  .enum(SATISFACTION_LEVELS, {
    error: '满意度只能是 satisfied、basically_satisfied 或 dissatisfied',
  })
  .check(z.describe('满意度'));

/** The rating itself, as the citizen sends it (POST /v1/cases/{caseId}/rating) and the operator records it. */
export const ratingFields = {
  resolved: z.boolean({ error: 'resolved 必须是布尔值' }).check(z.describe('问题已解决')),
  satisfaction,
  comment: z.optional(text('评价意见', 1000)),
};

/** 评价/回访: the citizen (with the query code) or an operator on the follow-up call rates the reply. */
export const rate = defineAction('rate', '评价', ['citizen', 'operator'], ['replied'], {
  fields: () => ratingFields,
  effect: (_c, action, ctx) => ({
    status: 'closed',
    changes: {
      rating: {
        resolved: action.resolved,
        satisfaction: action.satisfaction,
        ...(action.comment ? { comment: action.comment } : {}),
        by: ctx.role === 'citizen' ? 'citizen' : 'operator',
        at: ctx.at,
      },
      closedAt: ctx.at,
      closedUnrated: false,
    },
    ...(action.comment ? { note: action.comment } : {}),
  }),
});
