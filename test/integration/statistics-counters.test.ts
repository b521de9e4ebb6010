import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { LocalStreamMappings } from '../../infra/local/stream-mappings';
import { applyAction } from '../../shared/domain/lifecycle/apply-action';
import type { CaseStore } from '../../shared/ports/case-store';
import type { StatisticsReader } from '../../shared/ports/statistics';
import { verifyStatistics } from '../../shared/use-cases/verify-statistics';
import { contextAt, dispatcher } from '../support/domain-fixtures';
import { type Handler, invoke, sampleEvent } from '../support/events';
import { functionHandler } from '../support/isolated-functions';
import { useLocalEnvironment } from '../support/local-environment';
import { useLocalStreams } from '../support/local-streams';
import { type LocalWorkflow, useLocalWorkflow } from '../support/local-workflow';

let workflow: LocalWorkflow;
let streams: LocalStreamMappings;
let store: CaseStore;
let statistics: StatisticsReader;
let submitLetter: Handler;

beforeAll(async () => {
  const env = await useLocalEnvironment(inject('dynamoDbEndpoint'), inject('synthesizedApp'));
  workflow = await useLocalWorkflow(inject('synthesizedApp'));
  streams = await useLocalStreams(inject('dynamoDbEndpoint'), env);
  submitLetter = await functionHandler('submit-letter');
  const runtime = await import('../../shared/runtime/dependencies');
  store = runtime.caseStore();
  statistics = runtime.statisticsReader();
});

afterAll(async () => {
  await streams?.stop();
  await workflow?.close();
});

async function allLetterCounts() {
  await streams.drained();
  const rows = await statistics.readAll();
  return rows.find((row) => row.scope === 'kind#month' && row.value === 'letter')?.counts ?? {};
}

describe('statistics counters kept from the case tables’ streams', () => {
  it('count a stored change once, also when the same write is retried after a lost answer', async () => {
    const { caseId } = (await invoke(submitLetter, sampleEvent('submit-letter'))).body as { caseId: string };
    const before = await store.get(caseId);
    if (!before) throw new Error('missing');
    const { after } = applyAction(
      before,
      { type: 'transfer', departmentId: 'dept-water', instructions: '请处理' },
      dispatcher,
      contextAt(new Date().toISOString()),
    );
    const transferredBefore = (await allLetterCounts()).transferred ?? 0;
    await store.save(before, after);
    // The SDK resends a transaction whose answer was lost: same change, same client token.
    await store.save(before, after);
    expect((await allLetterCounts()).transferred ?? 0).toBe(transferredBefore + 1);
    expect((await verifyStatistics({ store, statistics })).differences).toEqual([]);
    expect(streams.listFailures()).toEqual([]);
  });

  it('are caught by the recount when one goes wrong, and set right by the rebuild', async () => {
    const { UpdateCommand } = await import('@aws-sdk/lib-dynamodb');
    const { documentClient } = await import('../../shared/runtime/clients');
    await streams.drained();
    const row = (await statistics.readAll()).find((r) => r.scope === 'all#month');
    if (!row) throw new Error('no counters yet');
    await documentClient().send(
      new UpdateCommand({
        TableName: process.env.STATISTICS_TABLE,
        Key: { scope: 'all#month', period: `${row.period}#${row.value}` },
        UpdateExpression: 'ADD received :one',
        ExpressionAttributeValues: { ':one': 1 },
      }),
    );
    const check = await verifyStatistics({ store, statistics });
    expect(check.differences).toEqual([
      expect.objectContaining({
        scope: 'all#month',
        counter: 'received',
        stored: (row.counts.received ?? 0) + 1,
      }),
    ]);
    // npm run stats:rebuild sets every counter to its recount, and doing it twice changes nothing.
    const { rebuildStatistics } = await import('../../shared/use-cases/verify-statistics');
    const rebuilder = (await import('../../shared/runtime/dependencies')).statisticsReader();
    await rebuildStatistics({ store, statistics: rebuilder });
    const again = await rebuildStatistics({ store, statistics: rebuilder });
    expect(again.countersRemoved).toBe(0);
    expect((await verifyStatistics({ store, statistics })).differences).toEqual([]);
  });

  it('count nothing of a change that lost the race for its version', async () => {
    const { caseId } = (await invoke(submitLetter, sampleEvent('submit-letter'))).body as { caseId: string };
    const before = await store.get(caseId);
    if (!before) throw new Error('missing');
    const now = contextAt(new Date().toISOString());
    const winner = applyAction(before, { type: 'reject', reason: '重复来信' }, dispatcher, now).after;
    const loser = applyAction(
      before,
      { type: 'transfer', departmentId: 'dept-water', instructions: '请处理' },
      dispatcher,
      now,
    ).after;
    await store.save(before, winner);
    const counts = await allLetterCounts();
    await expect(store.save(before, loser)).rejects.toMatchObject({ code: 'STALE_VERSION' });
    expect(await allLetterCounts()).toEqual(counts);
    expect((await verifyStatistics({ store, statistics })).differences).toEqual([]);
  });
});
