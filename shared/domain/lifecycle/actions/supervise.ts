import { currentAssignment } from '../../case';
import { OPEN_STATUSES } from '../../statuses';
import { text } from '../../text-field';
import { defineAction } from '../action-definition';

/** 督办: a leader or dispatcher urges whoever holds an open case, with a note. */
export const supervise = defineAction('supervise', '督办', ['leader', 'dispatcher'], OPEN_STATUSES, {
  fields: () => ({ note: text('督办意见', 1000) }),
  effect: (c, action) => {
    const assignment = currentAssignment(c);
    return {
      status: c.status,
      changes: { supervisionCount: c.supervisionCount + 1 },
      note: action.note,
      notices: [
        {
          kind: 'supervision',
          audience:
            assignment && c.status !== 'submitted'
              ? { departmentId: assignment.departmentId }
              : { role: 'dispatcher' },
          message: `督办 ${c.caseId}`,
          note: action.note,
        },
      ],
    };
  },
});
