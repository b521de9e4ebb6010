import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { LOCAL_CREDENTIALS, LOCAL_REGION, startDynamoDbLocal } from '../infra/local/dynamodb-local';
import { createLocalTables } from '../infra/local/local-tables';
import { synthesizeApp } from '../infra/local/synthesized-app';
import { CACHE_DIR } from '../infra/project-paths';
import { dynamoCaseStore } from '../shared/adapters/dynamo-case-store';
import { dynamoStatistics } from '../shared/adapters/dynamo-statistics';
import type { Case } from '../shared/domain/case';
import { REQUEST_TYPES } from '../shared/domain/case-kinds';
import { formatCaseNumber, sequenceName } from '../shared/domain/case-number';
import { openCase } from '../shared/domain/intake';
import type { AnyAction, CaseAction } from '../shared/domain/lifecycle/action-table';
import { applyAction } from '../shared/domain/lifecycle/apply-action';
import type { Actor, StaffActor } from '../shared/domain/roles';
import { statutoryCalendar } from '../shared/domain/statutory-calendar';
import { DEFAULT_TIME_LIMITS } from '../shared/domain/time-limits';
import type { TableRole } from '../shared/runtime/environment';
import { readStatistics, type StatisticsQuery } from '../shared/use-cases/read-statistics';
import { median, round } from './bundle-figures';

export interface ReadCostFigure {
  readonly cases: number;
  readonly seedSeconds: number;
  readonly reads: { readonly name: string; readonly requests: number; readonly medianMs: number }[];
}

const READS: { name: string; query: StatisticsQuery }[] = [
  { name: 'year totals', query: { from: '2026-01-01', to: '2026-12-31' } },
  { name: 'year by department', query: { from: '2026-01-01', to: '2026-12-31', groupBy: 'department' } },
  { name: '15 Jan – 21 Nov, hotline', query: { from: '2026-01-15', to: '2026-11-21', kind: 'hotline' } },
];
const READ_REPEATS = 21;
const leader: StaffActor = { kind: 'staff', username: 'leader1', roles: ['leader'] };

/**
 * Seeds cases through the case store's bulk import (cases built with the real lifecycle rules,
 * counters added by the same contribution rules as every change), then reads a year's statistics:
 * DynamoDB requests per read and median latency, at 1,000 and at 100,000 cases.
 */
export async function statisticsReadCost(sizes = [1_000, 100_000]): Promise<ReadCostFigure[]> {
  const dynamo = await startDynamoDbLocal({ cacheDir: CACHE_DIR });
  try {
    const client = new DynamoDBClient({
      endpoint: dynamo.endpoint,
      region: LOCAL_REGION,
      credentials: LOCAL_CREDENTIALS,
    });
    let requests = 0;
    client.middlewareStack.add(
      (next) => async (args) => {
        requests += 1;
        return next(args);
      },
      { step: 'initialize', name: 'countRequests' },
    );
    const documents = DynamoDBDocumentClient.from(client, {
      marshallOptions: { removeUndefinedValues: true },
    });
    const name = (role: TableRole) => `bench-${role}`;
    await createLocalTables(client, synthesizeApp(), name);
    const store = dynamoCaseStore(documents, {
      cases: { letter: name('letters'), hotline: name('tickets'), consultation: name('consultations') },
      sequences: name('sequences'),
      statistics: name('statistics'),
    });
    const statistics = dynamoStatistics(documents, name('statistics'));
    const departments = {
      get: async () => undefined,
      names: async () => new Map<string, string>(),
      list: async () => [],
    };

    const figures: ReadCostFigure[] = [];
    let seeded = 0;
    for (const size of sizes) {
      const started = performance.now();
      await seed(store, seeded, size);
      const seedSeconds = (performance.now() - started) / 1000;
      seeded = size;
      const reads = [];
      for (const read of READS) {
        const latencies: number[] = [];
        let perRead = 0;
        for (let i = 0; i < READ_REPEATS; i += 1) {
          const before = requests;
          const t = performance.now();
          await readStatistics({ statistics, departments }, leader, read.query);
          latencies.push(performance.now() - t);
          perRead = requests - before;
        }
        reads.push({ name: read.name, requests: perRead, medianMs: round(median(latencies.slice(1))) });
      }
      figures.push({ cases: size, seedSeconds: round(seedSeconds), reads });
    }
    client.destroy();
    return figures;
  } finally {
    await dynamo.stop();
  }
}

const calendar = await statutoryCalendar();
const staff = (username: string, role: StaffActor['roles'][number], departmentId?: string): Actor => ({
  kind: 'staff',
  username,
  roles: [role],
  ...(departmentId ? { departmentId } : {}),
});
const DEPARTMENTS = ['dept-housing', 'dept-transport', 'dept-water', 'dept-market'];

/** Cases spread over 2026 in every kind and outcome, built with the real lifecycle rules. */
async function seed(store: ReturnType<typeof dynamoCaseStore>, from: number, to: number): Promise<void> {
  const chunks: number[][] = [];
  for (let n = from; n < to; n += 10_000)
    chunks.push(Array.from({ length: Math.min(10_000, to - n) }, (_, i) => n + i));
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < chunks.length) {
        const chunk = chunks[next] ?? [];
        next += 1;
        await store.importCases(chunk.map(seedCase));
      }
    }),
  );
}

/** Daily sequence per kind, as the sequences table would hand them out. */
const perDay = new Map<string, number>();

function seedCase(n: number): Case {
  const kind = (['letter', 'hotline', 'consultation'] as const)[n % 3] ?? 'letter';
  const created = new Date(Date.UTC(2026, 0, 1, 1) + ((n * 7_919) % 364) * 86_400_000 + (n % 600) * 60_000);
  const dayKey = sequenceName(kind, created);
  const sequence = (perDay.get(dayKey) ?? 0) + 1;
  perDay.set(dayKey, sequence);
  let c = openCase({
    caseId: formatCaseNumber(kind, created, sequence),
    details: {
      kind,
      channel: kind === 'hotline' ? 'phone' : 'web',
      type: REQUEST_TYPES[n % REQUEST_TYPES.length] ?? 'consult',
      title: '基准测试案件',
      content: '用于测量统计读取成本。',
      confidential: false,
      publicConsent: false,
    },
    contact: { keyId: 'k1', iv: 'iv', ciphertext: 'ciphertext', tag: 'tag' },
    phoneKey: `bench-${n}`,
    queryCodeHash: 'bench',
    actor: { kind: 'citizen' },
    now: created,
    calendar,
    limits: DEFAULT_TIME_LIMITS,
  });
  const department = DEPARTMENTS[n % DEPARTMENTS.length] ?? 'dept-housing';
  const owner = staff('dept1', 'department', department);
  const path: [Actor, CaseAction][] =
    n % 10 < 5
      ? [[staff('operator1', 'operator'), { type: 'answer', answer: '已答复' }]]
      : n % 10 < 9
        ? [
            [
              staff('dispatcher1', 'dispatcher'),
              { type: 'transfer', departmentId: department, instructions: '请处理' },
            ],
            [owner, { type: 'sign' }],
            [owner, { type: 'reply', content: '已处理' }],
            [staff('reviewer1', 'reviewer'), { type: 'review', approve: true }],
          ]
        : [[staff('dispatcher1', 'dispatcher'), { type: 'reject', reason: '不属于受理范围' }]];
  const rating: AnyAction = {
    type: 'rate',
    resolved: n % 7 !== 0,
    satisfaction: n % 23 === 0 ? 'dissatisfied' : 'satisfied',
  };
  let at = created.getTime();
  for (const [actor, action] of [
    ...path,
    ...(n % 10 < 9 && n % 4 !== 0 ? [[{ kind: 'citizen' }, rating] as [Actor, AnyAction]] : []),
  ]) {
    at += 3_600_000;
    c = applyAction(c, action, actor, { now: new Date(at), calendar, limits: DEFAULT_TIME_LIMITS }).after;
  }
  return c;
}
