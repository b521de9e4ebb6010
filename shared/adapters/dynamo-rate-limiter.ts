import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { CivicError } from '../domain/errors';
import type { Limit, RateLimiter } from '../ports/rate-limiter';

interface Window {
  readonly count: number;
  readonly windowEnd: number;
}

/**
 * Counters in DynamoDB, one item per limit key: a window opens with the first event and lasts
 * `windowSeconds`; inside it the count only grows while below the maximum (a conditional update),
 * so concurrent requests on any number of Lambda instances never pass more than `max`. Items
 * expire by TTL after their window. Windows follow real time, not a fast demo clock.
 */
export function dynamoRateLimiter(
  documents: DynamoDBDocumentClient,
  table: string,
  now = () => Date.now(),
): RateLimiter {
  const refuse = (limit: Limit, windowEnd: number) =>
    new CivicError(429, 'RATE_LIMITED', limit.message, [], {
      'retry-after': String(Math.max(1, Math.ceil((windowEnd - now()) / 1000))),
    });

  /** A window opening now: when it ends, and when its item may go (TTL, a minute after). */
  const newWindow = (limit: Limit) => {
    const windowEnd = now() + limit.windowSeconds * 1000;
    return { windowEnd, expiresAt: Math.ceil(windowEnd / 1000) + 60 };
  };

  /** Sends a conditional write: false when its condition does not hold. */
  const conditionally = async (write: () => Promise<unknown>): Promise<boolean> => {
    try {
      await write();
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  };

  /**
   * Counts an event in its window if the window is open and below the maximum — or, for a key
   * seen for the first time, opens the window in the same write: one write in the usual cases
   * (a new case's query-code key, a new phone's day), where counting first and opening after a
   * failed count took two.
   */
  const countInWindow = (limit: Limit) => {
    const { windowEnd, expiresAt } = newWindow(limit);
    return conditionally(() =>
      documents.send(
        new UpdateCommand({
          TableName: table,
          Key: { limitKey: limit.key },
          UpdateExpression:
            'SET windowEnd = if_not_exists(windowEnd, :windowEnd), ' +
            'expiresAt = if_not_exists(expiresAt, :expiresAt) ADD #count :one',
          ConditionExpression: 'attribute_not_exists(limitKey) OR (windowEnd > :now AND #count < :max)',
          ExpressionAttributeNames: { '#count': 'count' },
          ExpressionAttributeValues: {
            ':one': 1,
            ':now': now(),
            ':max': limit.max,
            ':windowEnd': windowEnd,
            ':expiresAt': expiresAt,
          },
        }),
      ),
    );
  };

  /** Opens a new window over one that has ended, counting this event. */
  const openWindow = (limit: Limit) =>
    conditionally(() =>
      documents.send(
        new PutCommand({
          TableName: table,
          Item: { limitKey: limit.key, count: 1, ...newWindow(limit) },
          ConditionExpression: 'attribute_not_exists(limitKey) OR windowEnd <= :now',
          ExpressionAttributeValues: { ':now': now() },
        }),
      ),
    );

  /** Gives an event back to its window, if the window is still open. */
  const giveBack = (limit: Limit) =>
    conditionally(() =>
      documents.send(
        new UpdateCommand({
          TableName: table,
          Key: { limitKey: limit.key },
          UpdateExpression: 'ADD #count :minusOne',
          ConditionExpression: 'windowEnd > :now AND #count > :zero',
          ExpressionAttributeNames: { '#count': 'count' },
          ExpressionAttributeValues: { ':minusOne': -1, ':now': now(), ':zero': 0 },
        }),
      ),
    );

  const current = async (key: string): Promise<Window | undefined> =>
    (await documents.send(new GetCommand({ TableName: table, Key: { limitKey: key }, ConsistentRead: true })))
      .Item as Window | undefined;

  return {
    async take(limits) {
      for (const limit of limits) {
        // Usually the window is open and below the maximum, or the key is new: one write. Otherwise
        // the window has either ended (open a new one) or is full (refuse). Two racing requests may
        // both find it ended: one opens it, the other counts in it.
        let counted = false;
        for (let attempt = 0; attempt < 3 && !counted; attempt += 1) {
          counted = await countInWindow(limit);
          if (counted) break;
          const window = await current(limit.key);
          if (window && window.windowEnd > now()) {
            if (window.count >= limit.max) throw refuse(limit, window.windowEnd);
            continue;
          }
          counted = await openWindow(limit);
        }
        // Still not counted after three rounds of contention: refusing is the safe answer.
        if (!counted) throw refuse(limit, now() + 1000);
      }
    },

    async release(limits) {
      // A window that ended meanwhile has nothing left to give back.
      await Promise.all(limits.map(giveBack));
    },

    async check(limits) {
      if (limits.length === 0) return;
      const out = await documents.send(
        new BatchGetCommand({
          RequestItems: {
            [table]: { Keys: limits.map((limit) => ({ limitKey: limit.key })), ConsistentRead: true },
          },
        }),
      );
      const windows = new Map(
        (out.Responses?.[table] ?? []).map((item) => [String(item.limitKey), item as unknown as Window]),
      );
      for (const limit of limits) {
        const window = windows.get(limit.key);
        if (window && window.windowEnd > now() && window.count >= limit.max)
          throw refuse(limit, window.windowEnd);
      }
    },
  };
}
