import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient, PutItemCommand, TransactWriteItemsCommand } from '@aws-sdk/client-dynamodb';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../infra/local/dynamodb-local';
import { freePort } from '../infra/local/ports';
import { CivicClient, LETTER } from '../test/support/civic-client';
import { createScratchTable } from '../test/support/scratch-table';
import { type ServerProcess, startServerProcess } from '../test/support/server-process';
import { median, percentile, round } from './bundle-figures';
import { httpLoad, type LoadFigure } from './http-load';
import { type PathTransitions, workflowTransitions } from './workflow-transitions';

export interface WritePathFigures {
  readonly burst: { readonly intakes: Record<string, number>; readonly actions: Record<string, number> };
  readonly differencesAfterDrain: number;
  readonly lag: { readonly samples: number; readonly p50Ms: number; readonly p99Ms: number };
  readonly transitions: readonly PathTransitions[];
  readonly intake: LoadFigure;
  readonly actions: LoadFigure;
  readonly rawTransactions: LoadFigure;
  /** One PutItem per request: DynamoDB Local serialises writes, so this is its unit of cost. */
  readonly rawPuts: LoadFigure;
}

/**
 * The write path of issue 10 against `npm start`'s server in its own process: a burst of 64
 * intakes and 64 actions on different cases of the same day (statuses counted; conflicts would be
 * 409/5xx), the recount after the streams drained, how long a write takes to reach GET /v1/stats,
 * and intake and action throughput at 16 connections (autocannon) beside raw 3-item
 * TransactWriteItems on the same DynamoDB Local.
 */
export async function writePath(): Promise<WritePathFigures> {
  const dataDir = mkdtempSync(join(tmpdir(), 'civicline-bench-'));
  const server = await startServerProcess({ PORT: String(await freePort()), CIVICLINE_DATA_DIR: dataDir });
  try {
    const civic = new CivicClient(server.url);
    const burst = await concurrentBurst(civic, 64);
    // The recount waits for the streams itself before it counts.
    const check = await civic.get('/local/stats/verify');
    const transitions = await workflowTransitions(civic);
    const lag = await statisticsLag(civic, 20);
    const letters: string[] = [];
    const intake = await httpLoad('POST /v1/letters (autocannon)', server.url, {
      total: 2000,
      connections: 16,
      request: () => ({ path: '/v1/letters', body: LETTER }),
      onResponse: (status, body) => {
        if (status === 201) letters.push((JSON.parse(body) as { caseId: string }).caseId);
      },
    });
    const dispatcher = await civic.auth('dispatcher1');
    const actions = await httpLoad('POST /v1/cases/{id}/actions transfer (autocannon)', server.url, {
      total: letters.length,
      connections: 16,
      warmUp: false,
      request: (i) => ({
        path: `/v1/cases/${letters[i % letters.length]}/actions`,
        body: { type: 'transfer', departmentId: 'dept-housing', instructions: '请处理' },
        headers: dispatcher,
      }),
    });
    const { transactions: rawTransactions, puts: rawPuts } = await rawLoads(server, 2000, 16);
    return {
      burst,
      differencesAfterDrain: (check.body.differences as unknown[]).length,
      lag,
      transitions,
      intake,
      actions,
      rawTransactions,
      rawPuts,
    };
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function concurrentBurst(civic: CivicClient, size: number) {
  const tally = (statuses: number[]) => {
    const counts: Record<string, number> = {};
    for (const status of statuses) counts[status] = (counts[status] ?? 0) + 1;
    return counts;
  };
  const intakes = await Promise.all(Array.from({ length: size }, () => civic.post('/v1/letters', LETTER)));
  const caseIds = intakes.filter((r) => r.status === 201).map((r) => r.body.caseId as string);
  await civic.auth('dispatcher1');
  const actions = await Promise.all(
    caseIds.map((caseId) =>
      civic.act('dispatcher1', caseId, {
        type: 'transfer',
        departmentId: 'dept-housing',
        instructions: '请处理',
      }),
    ),
  );
  return { intakes: tally(intakes.map((r) => r.status)), actions: tally(actions.map((r) => r.status)) };
}

/** From a letter's 201 to GET /v1/stats counting it: the delay the stream adds to a leader's figures. */
async function statisticsLag(civic: CivicClient, samples: number) {
  const day = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const auth = await civic.auth('leader1');
  const received = async () =>
    ((await civic.get(`/v1/stats?from=${day}&to=${day}`, auth)).body.totals as { received: number }).received;
  const lags: number[] = [];
  for (let i = 0; i < samples; i += 1) {
    const before = await received();
    await civic.post('/v1/letters', LETTER);
    const written = performance.now();
    while ((await received()) <= before) await new Promise((resolve) => setTimeout(resolve, 10));
    lags.push(performance.now() - written);
  }
  return { samples, p50Ms: round(median(lags)), p99Ms: round(percentile(lags, 99)) };
}

/** The baselines are SDK calls, not HTTP: the same load shape, in a loop of our own. */
async function sdkLoad(
  name: string,
  total: number,
  concurrency: number,
  once: () => Promise<boolean>,
): Promise<LoadFigure> {
  for (let i = 0; i < 50; i += 1) await once(); // warm-up: JIT, connections, key ring
  const latencies: number[] = [];
  let failures = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        next += 1;
        const t = performance.now();
        if (!(await once())) failures += 1;
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return {
    name,
    requests: latencies.length,
    concurrency,
    perSecond: round(latencies.length / seconds),
    p50Ms: round(median(latencies)),
    p99Ms: round(percentile(latencies, 99)),
    failures,
  };
}

/**
 * The floor under any intake: one transaction of three items (case, audit, outbox), nothing else;
 * and single puts, the unit every other write of an intake costs on DynamoDB Local.
 */
async function rawLoads(server: ServerProcess, total: number, concurrency: number) {
  const client = new DynamoDBClient({
    endpoint: server.dynamoDbEndpoint,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
  });
  const table = `bench-raw-${Date.now()}`;
  await createScratchTable(client, table);
  let sequence = 0;
  const body = { S: LETTER.content.repeat(5) };
  try {
    const transactions = await sdkLoad('raw 3-item TransactWriteItems', total, concurrency, async () => {
      sequence += 1;
      await client.send(
        new TransactWriteItemsCommand({
          TransactItems: ['case', 'audit', 'outbox'].map((kind) => ({
            Put: {
              TableName: table,
              Item: { id: { S: `${kind}-${sequence}` }, body },
              ConditionExpression: 'attribute_not_exists(id)',
            },
          })),
        }),
      );
      return true;
    });
    const puts = await sdkLoad('raw PutItem', total, concurrency, async () => {
      sequence += 1;
      await client.send(
        new PutItemCommand({ TableName: table, Item: { id: { S: `put-${sequence}` }, body } }),
      );
      return true;
    });
    return { transactions, puts };
  } finally {
    client.destroy();
  }
}
