import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { fromCaseItem } from '../adapters/case-item';
import type { Notification } from '../ports/notifier';
import type { CaseVersion } from '../ports/statistics';

type Image = NonNullable<NonNullable<DynamoDBRecord['dynamodb']>['NewImage']>;

function plain(image: Image | undefined): Record<string, unknown> | undefined {
  return image ? unmarshall(image as Record<string, AttributeValue>) : undefined;
}

/**
 * A case table's stream record as a case version: the case after and before (NEW_AND_OLD_IMAGES);
 * none for a record without a new image (a removal).
 */
export function caseVersionOf(record: DynamoDBRecord): CaseVersion | undefined {
  const before = plain(record.dynamodb?.OldImage);
  const after = plain(record.dynamodb?.NewImage);
  if (!after) return undefined;
  if (typeof after.caseId !== 'string' || typeof after.version !== 'number')
    throw new Error('not a case image');
  return { ...(before ? { before: fromCaseItem(before) } : {}), after: fromCaseItem(after) };
}

/** A new notice in the outbox (INSERT); later changes to an outbox item (its delivery mark) are not notices. */
export function insertedNotification(record: DynamoDBRecord): Notification | undefined {
  if (record.eventName !== 'INSERT') return undefined;
  const item = plain(record.dynamodb?.NewImage);
  if (!item || typeof item.notificationId !== 'string') throw new Error('not a notification image');
  return item as unknown as Notification;
}
