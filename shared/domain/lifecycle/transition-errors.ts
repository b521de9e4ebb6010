import { CivicError } from '../errors';
import { CASE_STATUS_LABELS, type CaseStatus } from '../statuses';
import { ACTION_LABELS, type ActionType } from './actions';

export function invalidTransition(status: CaseStatus, action: ActionType): CivicError {
  return new CivicError(
    409,
    'INVALID_TRANSITION',
    `案件当前状态为“${CASE_STATUS_LABELS[status]}”，不能执行“${ACTION_LABELS[action]}”操作`,
    [{ status, statusLabel: CASE_STATUS_LABELS[status], action }],
  );
}

/** An action allowed from this status, but not in this case's situation. */
export function ruleViolation(code: string, message: string): CivicError {
  return new CivicError(409, code, message);
}
