import * as z from 'zod/mini';
import { CASE_NUMBER_PATTERN } from '../../case-number';
import { defineAction } from '../action-definition';
import { reopenedIsAccepted, ruleViolation } from '../transition-errors';

/**
 * 并单: the dispatcher merges a duplicate into another case (its root, open and of the same kind:
 * the use case resolves and guards the target).
 */
export const merge = defineAction('merge', '并单', ['dispatcher'], ['submitted'], {
  fields: () => ({
    intoCaseId: z
      .string()
      .check(z.trim(), z.regex(CASE_NUMBER_PATTERN, '案件编号格式不正确'), z.describe('并入案件编号')),
  }),
  effect: (c, action, ctx) => {
    if (c.reopenCount > 0) throw reopenedIsAccepted('并单');
    if (action.intoCaseId === c.caseId) throw ruleViolation('MERGE_INTO_ITSELF', '不能与自身并单');
    return {
      status: 'merged',
      changes: { mergedInto: action.intoCaseId, closedAt: ctx.at, overdue: undefined },
      note: `并入 ${action.intoCaseId}`,
      notices: [
        {
          kind: 'merged',
          audience: { citizen: true },
          message: `您的诉求 ${c.caseId} 已并入 ${action.intoCaseId} 一并办理`,
        },
      ],
    };
  },
});
