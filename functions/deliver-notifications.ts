import type { Notification } from '../shared/ports/notifier';
import { logger } from '../shared/runtime/logger';
import { deliveryDependencies } from '../shared/runtime/stream-dependencies';
import { streamHandler } from '../shared/runtime/stream-handler';
import { oneByOne } from '../shared/streams/stream-batch';
import { insertedNotification } from '../shared/streams/stream-images';
import { deliverNotification } from '../shared/use-cases/deliver-notification';

const deps = deliveryDependencies();

/**
 * The outbox's stream → the notification topic (or, where the stack texts citizens, a citizen's notice
 * by SMS): every notice a stored change wrote, sent once it is stored.
 */
export const handler = streamHandler(
  'deliver-notifications',
  insertedNotification,
  oneByOne(async (notification: Notification) => {
    await deliverNotification(deps, notification);
    logger.info('notice handed on', {
      caseId: notification.caseId,
      notificationId: notification.notificationId,
      kind: notification.kind,
    });
  }),
);
