import type { Notification } from './notifier';

/**
 * Sends a notice on its way: SNS in the cloud (SMS and other channels subscribe to it). Delivery is
 * at least once: the notice carries its id, the key a subscriber deduplicates by.
 */
export interface NotificationSender {
  send(notification: Notification): Promise<void>;
}

/** What became of each notice in the outbox. */
export interface OutboxLedger {
  isDelivered(notificationId: string): Promise<boolean>;
  markDelivered(notificationId: string, at: string): Promise<void>;
}
