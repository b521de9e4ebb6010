import * as z from 'zod/mini';
import { currentAssignment } from '../../case';
import { OPEN_STATUSES } from '../../statuses';
import { defineAction } from '../action-definition';

/** 超期亮牌: the workflow shows a yellow card at the deadline, a red one when it is long past. */
export const flagOverdue = defineAction('flag_overdue', '超期亮牌', ['system'], OPEN_STATUSES, {
  fields: () => ({ card: z.enum(['yellow', 'red']) }),
  effect: (c, action, ctx) => {
    const assignment = currentAssignment(c);
    const label = action.card === 'yellow' ? '黄牌' : '红牌';
    return {
      status: c.status,
      changes: { overdue: { card: action.card, since: ctx.at }, supervisionCount: c.supervisionCount + 1 },
      note: `超期${label}督办`,
      notices: [
        {
          kind: 'overdue',
          audience:
            assignment && c.status === 'handling'
              ? { departmentId: assignment.departmentId }
              : { role: 'dispatcher' },
          message: `${c.caseId} 已超期，${label}督办`,
        },
      ],
    };
  },
});
