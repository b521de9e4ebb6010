import type { SNSClient } from '@aws-sdk/client-sns';
import type { NotificationSender } from '../ports/notification-sender';
import { withFaultInjection } from './fault-injection';
import { withUsageMetering } from './usage-meter';

/**
 * Publishes a notification to the SNS topic the stack configures; SMS and other channels
 * subscribe to it, filtering on the message attributes and deduplicating by `notificationId`.
 * The SNS client loads on first use.
 */
export function snsDelivery(topicArn: string, client?: SNSClient): NotificationSender {
  return {
    async send(notification) {
      const sdk = await import('@aws-sdk/client-sns');
      client ??= withUsageMetering(withFaultInjection(new sdk.SNSClient({}), 'sns'), 'sns');
      const audience = notification.audience;
      await client.send(
        new sdk.PublishCommand({
          TopicArn: topicArn,
          Message: notification.message,
          MessageAttributes: {
            notificationId: { DataType: 'String', StringValue: notification.notificationId },
            kind: { DataType: 'String', StringValue: notification.kind },
            caseId: { DataType: 'String', StringValue: notification.caseId },
            audience: {
              DataType: 'String',
              StringValue:
                'citizen' in audience
                  ? 'citizen'
                  : 'departmentId' in audience
                    ? `department:${audience.departmentId}`
                    : `role:${audience.role}`,
            },
          },
        }),
      );
    },
  };
}
