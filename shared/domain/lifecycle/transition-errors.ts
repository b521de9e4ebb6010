import { CivicError } from '../errors';
import { CASE_STATUS_LABELS, type CaseStatus } from '../statuses';

/** An action the case's status does not allow (409 INVALID_TRANSITION), named by its Chinese label. */
export function invalidTransition(status: CaseStatus, action: string, label: string): CivicError {
  return new CivicError(
    409,
    'INVALID_TRANSITION',
    `案件当前状态为“${CASE_STATUS_LABELS[status]}”，不能执行“${label}”操作`,
    [{ status, statusLabel: CASE_STATUS_LABELS[status], action }],
  );
}

/** An action allowed from this status, but not in this case's situation. */
export function ruleViolation(code: string, message: string): CivicError {
  return new CivicError(409, code, message);
}

/**
 * A reopened case was accepted and replied to once already: it cannot turn into 不予受理 or 并单
 * at its second triage (and the reply rate, replied / accepted, can never pass 100 %).
 */
export function reopenedIsAccepted(action: string): CivicError {
  return ruleViolation('REOPENED_CASE_ACCEPTED', `重办案件已经受理，不能${action}，请直接答复或转办`);
}
