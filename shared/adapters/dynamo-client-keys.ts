import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandOutput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { ClientApplication, ClientKeys } from '../ports/client-keys';
import { LISTED } from './table-schemas';

/** `o311.<keyId>.<secret>`: the id finds the item by key, the secret is checked against its hash. */
const KEY_PATTERN = /^o311\.([a-z0-9]{12})\.([A-Za-z0-9_-]{43})$/;

export function dynamoClientKeys(
  documents: DynamoDBDocumentClient,
  table: string,
  hashKey: () => Promise<Buffer>,
  now = () => new Date(),
): ClientKeys {
  const digest = async (secret: string) =>
    createHmac('sha256', await hashKey())
      .update(secret)
      .digest();

  const applicationOf = (item: Record<string, unknown>): ClientApplication => ({
    keyId: String(item.keyId),
    name: String(item.name),
    createdAt: String(item.createdAt),
    createdBy: String(item.createdBy),
    ...(typeof item.revokedAt === 'string' ? { revokedAt: item.revokedAt } : {}),
  });

  return {
    async issue(name, by) {
      const keyId = randomBytes(12)
        .toString('base64url')
        .toLowerCase()
        .replaceAll(/[^a-z0-9]/g, '0')
        .slice(0, 12);
      const secret = randomBytes(32).toString('base64url');
      const application = { keyId, name, createdAt: now().toISOString(), createdBy: by };
      await documents.send(
        new PutCommand({
          TableName: table,
          Item: {
            ...application,
            secretHash: (await digest(secret)).toString('base64'),
            // The admin's list is one Query on the `listed` index, oldest first.
            [LISTED.partitionKey]: 'client',
            [LISTED.sortKey]: `${application.createdAt}#${keyId}`,
          },
          ConditionExpression: 'attribute_not_exists(keyId)',
        }),
      );
      return { ...application, apiKey: `o311.${keyId}.${secret}` };
    },

    async verify(apiKey) {
      const [, keyId, secret] = KEY_PATTERN.exec(apiKey) ?? [];
      if (!keyId || !secret) return undefined;
      const item = (await documents.send(new GetCommand({ TableName: table, Key: { keyId } }))).Item;
      if (!item || item.revokedAt) return undefined;
      const stored = Buffer.from(String(item.secretHash), 'base64');
      const offered = await digest(secret);
      return stored.length === offered.length && timingSafeEqual(stored, offered)
        ? applicationOf(item)
        : undefined;
    },

    async list() {
      const applications: ClientApplication[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const out: QueryCommandOutput = await documents.send(
          new QueryCommand({
            TableName: table,
            IndexName: LISTED.indexName,
            KeyConditionExpression: '#listing = :listing',
            ExpressionAttributeNames: { '#listing': LISTED.partitionKey },
            ExpressionAttributeValues: { ':listing': 'client' },
            ExclusiveStartKey: start,
          }),
        );
        applications.push(...(out.Items ?? []).map(applicationOf));
        start = out.LastEvaluatedKey;
      } while (start);
      return applications;
    },

    async revoke(keyId, by) {
      try {
        await documents.send(
          new UpdateCommand({
            TableName: table,
            Key: { keyId },
            UpdateExpression:
              'SET revokedAt = if_not_exists(revokedAt, :at), revokedBy = if_not_exists(revokedBy, :by)',
            ConditionExpression: 'attribute_exists(keyId)',
            ExpressionAttributeValues: { ':at': now().toISOString(), ':by': by },
          }),
        );
        return true;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return false;
        throw error;
      }
    },
  };
}
