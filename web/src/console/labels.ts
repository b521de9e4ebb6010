import { ACTION_LABELS } from '../../../shared/domain/lifecycle/action-table';
import { ROLE_LABELS } from '../../../shared/domain/roles';
import { SATISFACTION_LABELS } from '../../../shared/domain/satisfaction';
import { CASE_STATUS_LABELS } from '../../../shared/domain/statuses';

/** A timeline or audit entry's action by its Chinese label, from the lifecycle's own table; intake is 提交. */
export function entryLabel(action: string): string {
  return (ACTION_LABELS as Record<string, string>)[action] ?? (action === 'submit' ? '提交' : action);
}

/** A status code by its Chinese label. */
export function statusLabel(code: string | undefined): string {
  return code ? ((CASE_STATUS_LABELS as Record<string, string>)[code] ?? code) : '';
}

/** A value an action form offers to choose, by its Chinese label where the domain names one. */
export function choiceLabel(choice: string): string {
  return (SATISFACTION_LABELS as Record<string, string>)[choice] ?? choice;
}

/** A role (or the citizen, or the system) by its Chinese label, as the domain names it. */
export function roleLabel(role: string): string {
  return (ROLE_LABELS as Record<string, string>)[role] ?? role;
}
