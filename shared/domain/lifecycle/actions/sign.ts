import { defineAction } from '../action-definition';
import { replaceCurrent, requireAssignment } from '../assignments';
import { ruleViolation } from '../transition-errors';

/** 签收: the department acknowledges a transferred case. */
export const sign = defineAction('sign', '签收', ['department'], ['handling'], {
  fields: () => ({}),
  effect: (c, _action, ctx) => {
    const assignment = requireAssignment(c);
    if (assignment.signedAt) throw ruleViolation('ALREADY_SIGNED', '该案件已签收');
    return {
      status: 'handling',
      changes: { assignments: replaceCurrent(c, { ...assignment, signedAt: ctx.at }) },
      departmentId: assignment.departmentId,
    };
  },
});
