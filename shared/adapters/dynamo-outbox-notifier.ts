import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Notification, Notifier } from '../ports/notifier';

/**
 * Every notification is first written to the outbox table, once per id (a retried step does not
 * notify twice); the outbox is the record of what was said to whom, and what `/local/outbox` shows.
 */
export function dynamoOutboxNotifier(
  documents: DynamoDBDocumentClient,
  table: string,
  deliver?: (notification: Notification) => Promise<void>,
): Notifier {
  return {
    async notify(notifications) {
      for (const notification of notifications) {
        try {
          await documents.send(
            new PutCommand({
              TableName: table,
              Item: notification,
              ConditionExpression: 'attribute_not_exists(notificationId)',
            }),
          );
        } catch (error) {
          if (error instanceof ConditionalCheckFailedException) continue;
          throw error;
        }
        await deliver?.(notification);
      }
    },
  };
}
