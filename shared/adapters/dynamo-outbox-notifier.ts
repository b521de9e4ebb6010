import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { correlated } from '../observability/correlation';
import type { OutboxLedger } from '../ports/notification-sender';
import type { Notifier } from '../ports/notifier';

/**
 * Every notification is written to the outbox table, once per id (a retried step does not notify
 * twice); the outbox is the record of what was said to whom, and what `/local/outbox` shows. Notices
 * leave from it by its stream (deliver-notifications); a case change writes its notices in its own
 * transaction (CaseStore.save), this is for notices without a case change (reply delivered).
 */
export function dynamoOutboxNotifier(documents: DynamoDBDocumentClient, table: string): Notifier {
  return {
    async notify(notifications) {
      for (const notification of notifications) {
        try {
          await documents.send(
            new PutCommand({
              TableName: table,
              Item: correlated(notification),
              ConditionExpression: 'attribute_not_exists(notificationId)',
            }),
          );
        } catch (error) {
          if (error instanceof ConditionalCheckFailedException) continue;
          throw error;
        }
      }
    },
  };
}

/** The delivery mark on each outbox item: set once the notice was handed to the sender. */
export function dynamoOutboxLedger(documents: DynamoDBDocumentClient, table: string): OutboxLedger {
  return {
    async isDelivered(notificationId) {
      const out = await documents.send(
        new GetCommand({ TableName: table, Key: { notificationId }, ConsistentRead: true }),
      );
      return typeof out.Item?.deliveredAt === 'string';
    },
    async markDelivered(notificationId, at) {
      await documents.send(
        new UpdateCommand({
          TableName: table,
          Key: { notificationId },
          UpdateExpression: 'SET deliveredAt = if_not_exists(deliveredAt, :at)',
          ConditionExpression: 'attribute_exists(notificationId)',
          ExpressionAttributeValues: { ':at': at },
        }),
      );
    },
  };
}
