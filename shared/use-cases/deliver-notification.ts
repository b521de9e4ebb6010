import type { CaseMetrics } from '../ports/case-metrics';
import type { Clock } from '../ports/clock';
import type { NotificationSender, OutboxLedger } from '../ports/notification-sender';
import type { Notification } from '../ports/notifier';

export interface DeliveryDependencies {
  readonly outbox: OutboxLedger;
  /** None on a developer machine: the outbox is the delivery (GET /local/outbox). */
  readonly sender?: NotificationSender;
  readonly clock: Clock;
  readonly metrics?: CaseMetrics;
}

/**
 * The deliver-notifications function: a new notice in the outbox is sent once it is stored. A
 * notice already marked delivered (a redelivered stream record) is not sent again; a send that
 * fails leaves it unmarked, and the stream retries it, with back-off, until it goes or lands in
 * the failure destination (`npm run redrive` sends those again).
 */
export async function deliverNotification(
  deps: DeliveryDependencies,
  notification: Notification,
): Promise<void> {
  if (await deps.outbox.isDelivered(notification.notificationId)) return;
  await deps.sender?.send(notification).catch((error: unknown) => {
    // Counted at each failed attempt; the stream retries it.
    deps.metrics?.notificationFailed(notification.kind);
    throw error;
  });
  await deps.outbox.markDelivered(notification.notificationId, deps.clock.now().toISOString());
}
