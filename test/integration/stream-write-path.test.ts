import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { LocalStreamMappings } from '../../infra/local/stream-mappings';
import { toCaseItem } from '../../shared/adapters/case-item';
import type { Case } from '../../shared/domain/case';
import { formatCaseNumber } from '../../shared/domain/case-number';
import { applyAction } from '../../shared/domain/lifecycle/apply-action';
import type { NotificationSender } from '../../shared/ports/notification-sender';
import type { Notification } from '../../shared/ports/notifier';
import type { StatisticsWriter } from '../../shared/ports/statistics';
import { actionFor, stepSeed } from '../support/action-arbitrary';
import { contextAt, newCase } from '../support/domain-fixtures';
import { type Handler, invoke, sampleEvent } from '../support/events';
import { inTestShape } from '../support/identity-shape';
import { functionHandler } from '../support/isolated-functions';
import { type LocalEnvironment, useLocalEnvironment } from '../support/local-environment';
import { notificationDelivery, useLocalStreams } from '../support/local-streams';
import { type LocalWorkflow, useLocalWorkflow } from '../support/local-workflow';

/**
 * The write path at city scale (issue 10): a request transaction names only its own case's items;
 * counters follow the case tables' streams exactly once per case version whatever the redelivery;
 * notices leave the outbox by its stream and survive an SNS outage.
 */
let env: LocalEnvironment;
let workflow: LocalWorkflow;
let streams: LocalStreamMappings;
let submitLetter: Handler;
let actOnCase: Handler;
let runtime: typeof import('../../shared/runtime/dependencies') &
  typeof import('../../shared/runtime/clients');
const transactions: { TransactItems?: Record<string, Record<string, unknown>>[] }[] = [];
const sent = new Map<string, number>();
let snsDown = 0;

beforeAll(async () => {
  env = await useLocalEnvironment(inject('dynamoDbEndpoint'), inject('synthesizedApp'));
  workflow = await useLocalWorkflow(inject('synthesizedApp'));
  runtime = {
    ...(await import('../../shared/runtime/dependencies')),
    ...(await import('../../shared/runtime/clients')),
  };
  // Inspection: every TransactWriteItems the functions send.
  runtime.documentClient().middlewareStack.add(
    (next, context) => async (args) => {
      if (/TransactWrite/.test(String(context.commandName))) transactions.push(args.input as never);
      return next(args);
    },
    { step: 'initialize', name: 'recordTransactions' },
  );
  // Failure injection: SNS is down for the first `snsDown` sends.
  const { dynamoOutboxLedger } = await import('../../shared/adapters/dynamo-outbox-notifier');
  const flakySns: NotificationSender = {
    async send(notification: Notification) {
      if (snsDown > 0) {
        snsDown -= 1;
        throw Object.assign(new Error('SNS unavailable'), { name: 'InternalErrorException' });
      }
      sent.set(notification.notificationId, (sent.get(notification.notificationId) ?? 0) + 1);
    },
  };
  streams = await useLocalStreams(inject('dynamoDbEndpoint'), env, {
    'deliver-notifications': await notificationDelivery({
      outbox: dynamoOutboxLedger(runtime.documentClient(), env.tableName('notifications')),
      sender: flakySns,
      clock: runtime.clock(),
    }),
  });
  submitLetter = await functionHandler('submit-letter');
  actOnCase = await functionHandler('act-on-case');
});

afterAll(async () => {
  await streams?.stop();
  await workflow?.close();
});

const act = (caseId: string, body: unknown, claims: Record<string, string>) => {
  const event = sampleEvent('act-on-case', {
    body,
    headers: { 'content-type': 'application/json' },
    pathParameters: { caseId },
  });
  return invoke(actOnCase, {
    ...event,
    requestContext: { ...event.requestContext, authorizer: { jwt: { claims, scopes: [] } } },
  });
};
const DISPATCHER = inTestShape({ username: 'dispatcher1', 'cognito:groups': '[dispatcher]' });
const LEADER = inTestShape({ username: 'leader1', 'cognito:groups': '[leader]' });

describe('a request transaction', () => {
  it('names only items of its own case (case, audit entry, notices) — no counter, no sequence', async () => {
    transactions.length = 0;
    const submitted = await Promise.all([1, 2].map(() => invoke(submitLetter, sampleEvent('submit-letter'))));
    const [first, second] = submitted.map((reply) => reply.body.caseId as string) as [string, string];
    await act(first, { type: 'transfer', departmentId: 'dept-housing', instructions: '请核实' }, DISPATCHER);
    await act(first, { type: 'supervise', note: '请加快' }, LEADER);
    await act(second, { type: 'merge', intoCaseId: first }, DISPATCHER);
    const caseTables = [env.tableName('letters'), env.tableName('tickets'), env.tableName('consultations')];
    // The requests' transactions (the stream functions' own, on the counters, run in this process too).
    const requests = transactions.filter(
      (transaction) =>
        !JSON.stringify(transaction.TransactItems?.[0] ?? {}).includes(env.tableName('statistics')),
    );
    expect(requests.length).toBeGreaterThanOrEqual(5);
    for (const transaction of requests) {
      const entries = (transaction.TransactItems ?? []).map(
        (entry) => Object.entries(entry)[0] as [string, Record<string, unknown>],
      );
      const first = (entries[0]?.[1] ?? {}) as { Item?: { caseId?: string }; Key?: { caseId?: string } };
      const own = String(first.Item?.caseId ?? first.Key?.caseId);
      for (const [operation, item] of entries) {
        const table = String(item.TableName);
        const key = (item.Item ?? item.Key) as Record<string, unknown>;
        expect([...caseTables, env.tableName('audit'), env.tableName('notifications')]).toContain(table);
        if (table === env.tableName('notifications'))
          expect(String(key.notificationId)).toMatch(new RegExp(`^${own}:`));
        // The one other case a transaction may name is the one it merges into, and only to check it.
        else if (key.caseId !== own) expect(operation).toBe('ConditionCheck');
      }
    }
  });
});

describe('statistics from the case tables’ streams', () => {
  /** A case's versions as its stream tells them, in batches as a mapping would deliver them. */
  function recordsOf(versions: readonly Case[]): DynamoDBRecord[] {
    return versions.map((after, index) => {
      const before = versions[index - 1];
      return {
        eventID: `${after.caseId}-${after.version}`,
        eventName: before ? 'MODIFY' : 'INSERT',
        dynamodb: {
          SequenceNumber: String(index + 1).padStart(21, '0'),
          Keys: marshall({ caseId: after.caseId }) as never,
          NewImage: marshall(toCaseItem(after), { removeUndefinedValues: true }) as never,
          ...(before
            ? { OldImage: marshall(toCaseItem(before), { removeUndefinedValues: true }) as never }
            : {}),
        },
      };
    });
  }

  it('count every case version exactly once through replayed, duplicated, failing and poison batches', async () => {
    const { streamBatchHandler } = await import('../../shared/streams/stream-batch');
    const { logger } = await import('../../shared/runtime/logger');
    const { caseVersionOf } = await import('../../shared/streams/stream-images');
    const { aggregateCaseVersions } = await import('../../shared/use-cases/aggregate-statistics');
    const { PartialBatch } = await import('../../shared/ports/partial-batch');
    const { dynamoStatisticsWriter } = await import('../../shared/adapters/dynamo-statistics-writer');
    const writer = dynamoStatisticsWriter(runtime.documentClient(), env.tableName('statistics'));
    let sequence = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(stepSeed, { minLength: 3, maxLength: 15 }),
        fc.array(
          fc.record({ size: fc.integer({ min: 1, max: 4 }), replay: fc.boolean(), fail: fc.boolean() }),
        ),
        async (seeds, plan) => {
          sequence += 1;
          let c: Case = {
            ...newCase({ at: new Date().toISOString() }),
            caseId: formatCaseNumber('letter', new Date(), 990_000 + sequence),
          };
          const versions = [c];
          let now = Date.now();
          for (const seed of seeds) {
            now += seed.hoursLater * 3_600_000;
            const { actor, action } = actionFor(c, seed);
            try {
              c = applyAction(c, action, actor, contextAt(new Date(now).toISOString())).after;
              versions.push(c);
            } catch {
              // A refused action stores nothing and streams nothing.
            }
          }
          // Failure injection: on the batches the plan marks, the counters' write stops half-way.
          let failNext = false;
          const flaky: StatisticsWriter = {
            applyCaseVersions: async (batch) => {
              if (failNext) {
                failNext = false;
                const half = Math.floor(batch.length / 2);
                await writer.applyCaseVersions(batch.slice(0, half));
                throw new PartialBatch(
                  half,
                  Object.assign(new Error('throttled'), { name: 'ThrottlingException' }),
                );
              }
              return writer.applyCaseVersions(batch);
            },
          };
          const handler = streamBatchHandler('aggregate-statistics', logger, caseVersionOf, (batch) =>
            aggregateCaseVersions({ statistics: flaky }, batch),
          );
          const poison: DynamoDBRecord = {
            eventID: 'poison',
            eventName: 'MODIFY',
            dynamodb: { SequenceNumber: '0', NewImage: { oops: { S: 'x' } } as never },
          };
          const records = recordsOf(versions);
          let position = 0;
          for (const step of [
            ...plan,
            ...Array.from({ length: records.length }, () => ({ size: 4, replay: false, fail: false })),
          ]) {
            if (position >= records.length) break;
            const batch = records.slice(position, position + step.size);
            failNext = step.fail;
            const result = (await handler({
              Records: [...batch, ...(step.replay ? batch : [])],
            } as DynamoDBStreamEvent)) as DynamoDBBatchResponse;
            const failed = result.batchItemFailures[0]?.itemIdentifier;
            // The mapping retries from the failed record; on success it moves on (a replay included).
            position +=
              failed === undefined
                ? batch.length
                : batch.findIndex((r) => r.dynamodb?.SequenceNumber === failed);
            if (step.replay) await handler({ Records: records.slice(0, position) } as DynamoDBStreamEvent);
          }
          // A poison record fails every time: it goes to the failure destination and counts nothing.
          expect(
            (await handler({ Records: [poison] } as DynamoDBStreamEvent)).batchItemFailures,
          ).toHaveLength(1);
          await env.documents.send(
            new (await import('@aws-sdk/lib-dynamodb')).PutCommand({
              TableName: env.tableName('letters'),
              Item: toCaseItem(c),
            }),
          );
        },
      ),
      { numRuns: 25 },
    );
    await streams.drained();
    const { verifyStatistics } = await import('../../shared/use-cases/verify-statistics');
    const check = await verifyStatistics({
      store: runtime.caseStore(),
      statistics: runtime.statisticsReader(),
    });
    expect(check.differences).toEqual([]);
  });
});

describe('notices from the outbox’s stream', () => {
  it('survive an SNS outage: nothing lost, nothing sent twice once it recovers', async () => {
    const { caseId } = (await invoke(submitLetter, sampleEvent('submit-letter'))).body as { caseId: string };
    snsDown = 6;
    await act(caseId, { type: 'transfer', departmentId: 'dept-housing', instructions: '请核实' }, DISPATCHER);
    await act(caseId, { type: 'supervise', note: '请加快' }, LEADER);
    await act(caseId, { type: 'supervise', note: '再次督办' }, LEADER);
    await streams.drained();
    const ids = [...sent.keys()].filter((id) => id.startsWith(caseId));
    expect(ids).toHaveLength(3);
    for (const id of ids) expect(sent.get(id)).toBe(1);
    expect(snsDown).toBe(0);
    expect(streams.listFailures()).toEqual([]);
  });
});
