import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** BatchGetItem takes at most this many keys. */
const BATCH_GET_LIMIT = 100;
/** Rounds for the keys DynamoDB leaves unprocessed (under load it may leave some each time). */
const UNPROCESSED_ROUNDS = 10;

/** An item to read: its table and its key. */
export interface ItemKey {
  readonly table: string;
  readonly key: Record<string, unknown>;
}

/**
 * Every item the keys name, from any tables, in batches of 100; what DynamoDB leaves unprocessed
 * is asked for again after a jittered, growing pause, a bounded number of times. Items not found
 * are simply absent; the order is not the keys'.
 */
export async function batchGetItems(
  documents: DynamoDBDocumentClient,
  keys: readonly ItemKey[],
  options: { consistent?: boolean } = {},
): Promise<Record<string, unknown>[]> {
  const found: Record<string, unknown>[] = [];
  for (let start = 0; start < keys.length; start += BATCH_GET_LIMIT) {
    let request: Record<string, { Keys: Record<string, unknown>[]; ConsistentRead?: boolean }> = {};
    for (const { table, key } of keys.slice(start, start + BATCH_GET_LIMIT)) {
      request[table] ??= { Keys: [], ...(options.consistent ? { ConsistentRead: true } : {}) };
      request[table].Keys.push(key);
    }
    for (let round = 0; Object.keys(request).length > 0; round += 1) {
      if (round >= UNPROCESSED_ROUNDS) throw new Error('DynamoDB left items unread after repeated attempts');
      if (round > 0) await new Promise((resolve) => setTimeout(resolve, Math.random() * 50 * 2 ** round));
      const out = await documents.send(new BatchGetCommand({ RequestItems: request }));
      for (const items of Object.values(out.Responses ?? {})) found.push(...items);
      request = (out.UnprocessedKeys ?? {}) as typeof request;
    }
  }
  return found;
}
