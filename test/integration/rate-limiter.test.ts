import { randomUUID } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { dynamoRateLimiter } from '../../shared/adapters/dynamo-rate-limiter';
import { resetUsage, USAGE } from '../../shared/adapters/usage-meter';
import { CivicError } from '../../shared/domain/errors';
import type { Limit } from '../../shared/ports/rate-limiter';
import { meteredScratchTable } from '../support/metered-scratch-table';

/**
 * The abuse limiter on its own, on DynamoDB Local: a window opens with its first event, holds at
 * most `max`, refuses with Retry-After until it ends, and a burst on a new key passes no more than
 * `max`. The usual event — on a new key or in an open window — is one write.
 */
const table = `limits-${randomUUID().slice(0, 8)}`;
let documents: DynamoDBDocumentClient;
let metered: DynamoDBDocumentClient;

beforeAll(async () => {
  ({ documents, metered } = await meteredScratchTable(inject('dynamoDbEndpoint'), table, {
    key: 'limitKey',
  }));
});

const limit = (max: number): Limit => ({
  key: `test:${randomUUID()}`,
  max,
  windowSeconds: 60,
  message: '操作过于频繁，请稍后再试',
});

async function refusal(work: Promise<void>): Promise<CivicError> {
  const error = await work.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(CivicError);
  return error as CivicError;
}

describe('the rate limiter', () => {
  it('counts the first event of a new key, and the next in its open window, with one write each', async () => {
    const limiter = dynamoRateLimiter(metered, table);
    const fresh = limit(5);
    resetUsage();
    await limiter.take([fresh]);
    expect(Object.fromEntries(USAGE.commands)).toEqual({ 'dynamodb:UpdateItem': 1 });
    await limiter.take([fresh]);
    expect(Object.fromEntries(USAGE.commands)).toEqual({ 'dynamodb:UpdateItem': 2 });
    resetUsage();
  });

  it('refuses past the maximum with Retry-After until the window ends, then opens a new one', async () => {
    let clock = Date.UTC(2026, 11, 5, 12);
    const limiter = dynamoRateLimiter(documents, table, () => clock);
    const three = limit(3);
    for (let i = 0; i < 3; i += 1) await limiter.take([three]);
    const refused = await refusal(limiter.take([three]));
    expect(refused.status).toBe(429);
    expect(refused.code).toBe('RATE_LIMITED');
    expect(refused.headers).toEqual({ 'retry-after': '60' });
    await expect(limiter.check([three])).rejects.toThrow(CivicError);
    clock += 59_000;
    await expect(limiter.take([three])).rejects.toThrow(CivicError);
    clock += 1_000;
    await limiter.take([three]);
    await limiter.take([three]);
    await limiter.take([three]);
    await expect(limiter.take([three])).rejects.toThrow(CivicError);
  });

  it('gives an event back only inside its window', async () => {
    let clock = Date.UTC(2026, 11, 5, 13);
    const limiter = dynamoRateLimiter(documents, table, () => clock);
    const one = limit(1);
    await limiter.take([one]);
    await limiter.release([one]);
    await limiter.take([one]);
    clock += 60_000;
    await limiter.release([one]); // the window ended: nothing to give back
    await limiter.take([one]); // a new window
    await expect(limiter.take([one])).rejects.toThrow(CivicError);
  });

  it('lets a burst on a new key pass no more than the maximum', async () => {
    const limiter = dynamoRateLimiter(documents, table);
    const five = limit(5);
    const results = await Promise.allSettled(Array.from({ length: 30 }, () => limiter.take([five])));
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(5);
    for (const result of results)
      if (result.status === 'rejected') expect((result.reason as CivicError).code).toBe('RATE_LIMITED');
  });
});
