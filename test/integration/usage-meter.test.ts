import { randomUUID } from 'node:crypto';
import type { ConsumedCapacity } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { billedUnits, resetUsage, USAGE } from '../../shared/adapters/usage-meter';
import { meteredScratchTable } from '../support/metered-scratch-table';

/**
 * What `npm run cost` counts comes from DynamoDB Local's ConsumedCapacity. Its transactional
 * writes are reported at twice what DynamoDB bills for the item (two units per KB) and at four
 * times what it bills for each index copy (one unit per KB, as outside a transaction): pinned
 * here, so a DynamoDB Local that stops doing it fails this test instead of shrinking real figures.
 */
const table = `meter-${randomUUID().slice(0, 8)}`;
let raw: DynamoDBDocumentClient;
let metered: DynamoDBDocumentClient;

beforeAll(async () => {
  ({ documents: raw, metered } = await meteredScratchTable(inject('dynamoDbEndpoint'), table, {
    indexedBy: 'listing',
  }));
});

const item = (bytes: number, listing?: string) => ({
  id: randomUUID(),
  body: 'x'.repeat(bytes),
  ...(listing ? { listing } : {}),
});

/** The units DynamoDB Local reports for a write, over all tables it touched. */
function reported(out: { ConsumedCapacity?: ConsumedCapacity | ConsumedCapacity[] }): number {
  return [out.ConsumedCapacity ?? []].flat().reduce((sum, c) => sum + (c.CapacityUnits ?? 0), 0);
}

describe('the usage meter', () => {
  it('finds DynamoDB Local reporting transactional writes at four units per KB, plain writes at one', async () => {
    const transact = (bytes: number) =>
      new TransactWriteCommand({
        ReturnConsumedCapacity: 'TOTAL',
        TransactItems: [{ Put: { TableName: table, Item: item(bytes) } }],
      });
    expect(reported(await raw.send(transact(100)))).toBe(4);
    expect(reported(await raw.send(transact(3000)))).toBe(12);
    const put = new PutCommand({ TableName: table, Item: item(3000), ReturnConsumedCapacity: 'TOTAL' });
    expect(reported(await raw.send(put))).toBe(3);
  });

  it('finds DynamoDB Local reporting an index copy in a transaction at four times a plain write', async () => {
    const indexed = (out: { ConsumedCapacity?: ConsumedCapacity | ConsumedCapacity[] }) =>
      [out.ConsumedCapacity ?? []].flat().map((c) => c.GlobalSecondaryIndexes?.listing?.CapacityUnits);
    const transact = new TransactWriteCommand({
      ReturnConsumedCapacity: 'INDEXES',
      TransactItems: [{ Put: { TableName: table, Item: item(100, 'all') } }],
    });
    expect(indexed(await raw.send(transact))).toEqual([4]);
    const put = new PutCommand({
      TableName: table,
      Item: item(100, 'all'),
      ReturnConsumedCapacity: 'INDEXES',
    });
    expect(indexed(await raw.send(put))).toEqual([1]);
  });

  it('counts what DynamoDB bills: two units per KB of a transactional write, one of a plain write', async () => {
    expect(billedUnits('TransactWriteItems', { CapacityUnits: 12 })).toBe(6);
    expect(billedUnits('PutItem', { CapacityUnits: 3 })).toBe(3);
    resetUsage();
    await metered.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: table, Item: item(100) } },
          { Put: { TableName: table, Item: item(3000) } },
        ],
      }),
    );
    expect(USAGE.dynamoWriteUnits).toBe(2 + 6);
    await metered.send(new PutCommand({ TableName: table, Item: item(3000) }));
    expect(USAGE.dynamoWriteUnits).toBe(2 + 6 + 3);
    resetUsage();
  });

  it('counts an index copy a transaction makes as a plain write of it', async () => {
    expect(
      billedUnits('TransactWriteItems', {
        CapacityUnits: 16,
        GlobalSecondaryIndexes: { listing: { CapacityUnits: 4 } },
      }),
    ).toBe(6 + 1);
    resetUsage();
    await metered.send(
      new TransactWriteCommand({ TransactItems: [{ Put: { TableName: table, Item: item(3000, 'all') } }] }),
    );
    expect(USAGE.dynamoWriteUnits).toBe(6 + 1);
    resetUsage();
  });
});
