import { isMobile } from '../domain/contact';
import { citizenTextOf } from '../domain/lifecycle/citizen-texts';
import type { CaseMetrics } from '../ports/case-metrics';
import type { CaseStore } from '../ports/case-store';
import type { Clock } from '../ports/clock';
import type { ContactVault } from '../ports/contact-vault';
import type { NotificationSender, OutboxLedger } from '../ports/notification-sender';
import type { Notification } from '../ports/notifier';
import type { TextMessageSender } from '../ports/text-messages';

/**
 * Where the stack texts citizens itself (China: SNS has no SMS there): the provider, and what it
 * takes to find the citizen's mobile number — the case and the key that opens its contact.
 */
export interface CitizenTexting {
  readonly sender: TextMessageSender;
  readonly cases: Pick<CaseStore, 'get'>;
  readonly vault: Pick<ContactVault, 'open'>;
}

export interface DeliveryDependencies {
  readonly outbox: OutboxLedger;
  /** None on a developer machine: the outbox is the delivery (GET /local/outbox). */
  readonly sender?: NotificationSender;
  readonly texting?: CitizenTexting;
  readonly clock: Clock;
  readonly metrics?: CaseMetrics;
}

/**
 * The deliver-notifications function: a new notice in the outbox is sent once it is stored — a
 * citizen's by text message where the stack texts citizens itself, every other one to the
 * notification topic. A notice already marked delivered (a redelivered stream record) is not sent
 * again; a send that fails leaves it unmarked, and the stream retries it, with back-off, until it
 * goes or lands in the failure destination (`npm run redrive` sends those again).
 */
export async function deliverNotification(
  deps: DeliveryDependencies,
  notification: Notification,
): Promise<void> {
  if (await deps.outbox.isDelivered(notification.notificationId)) return;
  await send(deps, notification).catch((error: unknown) => {
    // Counted at each failed attempt; the stream retries it.
    deps.metrics?.notificationFailed(notification.kind);
    throw error;
  });
  await deps.outbox.markDelivered(notification.notificationId, deps.clock.now().toISOString());
}

async function send(deps: DeliveryDependencies, notification: Notification): Promise<void> {
  const text = deps.texting && citizenTextOf(notification);
  if (!deps.texting || !text) return deps.sender?.send(notification);
  const phone = await citizenMobile(deps.texting, notification.caseId);
  // A landline cannot take a text: the notice waits behind the query code (and a call-back).
  if (phone) await deps.texting.sender.send({ phone, text, reference: notification.notificationId });
}

async function citizenMobile(texting: CitizenTexting, caseId: string): Promise<string | undefined> {
  const found = await texting.cases.get(caseId);
  if (!found) throw new Error(`notice for ${caseId}, a case that is not stored`);
  const { phone } = await texting.vault.open(found.contact);
  return isMobile(phone) ? phone : undefined;
}
