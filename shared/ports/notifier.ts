import type { NoticeAudience, NoticeKind } from '../domain/lifecycle/notices';

/** A notice about one case, with an id that makes sending it twice harmless. */
export interface Notification {
  readonly notificationId: string;
  readonly caseId: string;
  readonly kind: NoticeKind;
  readonly audience: NoticeAudience;
  readonly message: string;
  readonly createdAt: string;
}

/** Reply ready, rating request, supervision, overdue…: an outbox locally, SNS (SMS) in the cloud. */
export interface Notifier {
  notify(notifications: readonly Notification[]): Promise<void>;
}
