import type { Notification } from '../shared/ports/notifier';
import { logger } from '../shared/runtime/logger';
import { deliveryDependencies } from '../shared/runtime/stream-dependencies';
import { oneByOne, streamBatchHandler } from '../shared/streams/stream-batch';
import { insertedNotification } from '../shared/streams/stream-images';
import { deliverNotification } from '../shared/use-cases/deliver-notification';

const deps = deliveryDependencies();

/** The outbox's stream → SNS: every notice a stored change wrote, sent once it is stored. */
export const handler = streamBatchHandler(
  'deliver-notifications',
  logger,
  insertedNotification,
  oneByOne((notification: Notification) => deliverNotification(deps, notification)),
);
