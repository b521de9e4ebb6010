import type { Role } from '../roles';
import type { CaseStatus } from '../statuses';
import { OPEN_STATUSES } from '../statuses';
import type { ActionType } from './actions';

/**
 * Who may do what, and from which status: the lifecycle table of DOMAIN.md, in one place. Finer
 * conditions (a department acting only on its own cases, one extension, the return window, at
 * most two reopens) are checked where the action is applied.
 */
export interface ActionRule {
  readonly roles: readonly Role[];
  readonly from: readonly CaseStatus[];
}

export const ACTION_RULES: Readonly<Record<ActionType, ActionRule>> = {
  reject: { roles: ['dispatcher'], from: ['submitted'] },
  answer: { roles: ['operator', 'dispatcher'], from: ['submitted'] },
  transfer: { roles: ['dispatcher'], from: ['submitted'] },
  sign: { roles: ['department'], from: ['handling'] },
  return: { roles: ['department'], from: ['handling'] },
  request_extension: { roles: ['department'], from: ['handling'] },
  decide_extension: { roles: ['dispatcher'], from: ['handling'] },
  reply: { roles: ['department'], from: ['handling'] },
  review: { roles: ['reviewer'], from: ['reviewing'] },
  supervise: { roles: ['leader', 'dispatcher'], from: OPEN_STATUSES },
  rate: { roles: ['citizen', 'operator'], from: ['replied'] },
  reopen: { roles: ['dispatcher', 'leader'], from: ['closed'] },
  merge: { roles: ['dispatcher'], from: ['submitted'] },
  flag_overdue: { roles: ['system'], from: OPEN_STATUSES },
  close_unrated: { roles: ['system'], from: ['replied'] },
};
