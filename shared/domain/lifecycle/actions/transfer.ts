import * as z from 'zod/mini';
import type { Assignment } from '../../case';
import { REQUEST_TYPE_LABELS } from '../../case-kinds';
import { text } from '../../text-field';
import { defineAction } from '../action-definition';
import { approvedExtension } from '../assignments';
import { dueIn, withDue } from '../lifecycle-context';

/** 转办/派单: the dispatcher hands a case to a department, which must sign for it and may return it. */
export const transfer = defineAction('transfer', '转办', ['dispatcher'], ['submitted'], {
  fields: () => ({
    departmentId: z
      .string()
      .check(z.trim(), z.minLength(1, '请选择承办单位'), z.maxLength(64), z.describe('承办单位')),
    instructions: text('转办意见', 1000),
  }),
  effect: (c, action, ctx) => {
    const assignment: Assignment = {
      departmentId: action.departmentId,
      instructions: action.instructions,
      at: ctx.at,
      signBy: dueIn(ctx, ctx.limits.signIn),
      returnBy: dueIn(ctx, ctx.limits.returnWindow),
    };
    return {
      status: 'handling',
      changes: {
        assignments: [...c.assignments, assignment],
        deadlines: withDue(ctx, c, 'handleBy', ctx.limits.handling[c.type]),
        extension: approvedExtension(c),
        overdue: undefined,
      },
      note: action.instructions,
      departmentId: action.departmentId,
      notices: [
        {
          kind: 'transferred',
          audience: { departmentId: action.departmentId },
          // No title: a notice travels by SMS, and a letter's title may name the complainant.
          message: `新转办件 ${c.caseId}（${REQUEST_TYPE_LABELS[c.type]}），请及时签收`,
        },
      ],
    };
  },
});
