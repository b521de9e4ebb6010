import type { OverdueCard } from '../domain/case';
import type { CaseKind, Channel } from '../domain/case-kinds';

/**
 * What operators watch in CloudWatch (issue 15, item 4; the China regions have no X-Ray): cases
 * received, actions taken, overdue cards shown, notices that failed to go. Counts only — never a
 * case number, a name or a text. A lost metric loses nothing else: calls never throw.
 */
export interface CaseMetrics {
  caseReceived(kind: CaseKind, channel: Channel): void;
  actionTaken(action: string): void;
  overdueCardShown(card: OverdueCard): void;
  notificationFailed(kind: string): void;
}
