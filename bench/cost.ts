import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../infra/local/ports';
import { synthesizeApp } from '../infra/local/synthesized-app';
import { ROUTES } from '../shared/functions/route-table';
import { CivicClient } from '../test/support/civic-client';
import { startServerProcess } from '../test/support/server-process';
import { round } from './bundle-figures';
import { CNY_PER_USD, LIST_PRICES, type RegionPrices } from './list-prices';
import { DIRECT_ANSWER_PATH, LETTER_PATH, STANDARD_PATHS, transitionsOnceFinished } from './standard-paths';

/**
 * `npm run cost`: what one million cases cost at list prices, per standard path and for the mix of
 * a 12345 work report, from the synthesized template (each function's memory and architecture) and
 * a counted run of `npm start` (CIVICLINE_METER: invocations and their milliseconds, DynamoDB read and
 * write units as DynamoDB Local reports them consumed, state transitions, API requests, notices).
 */
const CASES_PER_PATH = 5;
const TARGET_USD_PER_MILLION = 250;
/** "12345热线有效来电1282件，直接答复964件，转办318件": the shares of a year's calls. */
const WORK_REPORT_MIX = { [DIRECT_ANSWER_PATH]: 964 / 1282, [LETTER_PATH]: 318 / 1282 };

interface PerCase {
  readonly lambdaRequests: number;
  readonly gbSeconds: number;
  readonly transitions: number;
  readonly writeUnits: number;
  readonly readUnits: number;
  readonly apiRequests: number;
  readonly notifications: number;
}

const ZERO_USE: PerCase = {
  lambdaRequests: 0,
  gbSeconds: 0,
  transitions: 0,
  writeUnits: 0,
  readUnits: 0,
  apiRequests: 0,
  notifications: 0,
};

interface Usage {
  readonly invocations: Record<string, { count: number; ms: number }>;
  readonly dynamoReadUnits: number;
  readonly dynamoWriteUnits: number;
  readonly transitions: number;
}

async function main(): Promise<void> {
  const app = synthesizeApp();
  const memoryGb = new Map(
    [...app.functionLogicalIds].map(([name, id]) => {
      const properties = app.api.Resources[id]?.Properties ?? {};
      if (JSON.stringify(properties.Architectures) !== '["arm64"]')
        throw new Error(
          `${name}: priced as Arm, but the template says ${JSON.stringify(properties.Architectures)}`,
        );
      return [name, Number(properties.MemorySize ?? 128) / 1024] as const;
    }),
  );
  const routeFunctions = new Set(ROUTES.map((route) => route.functionName));
  const dataDir = mkdtempSync(join(tmpdir(), 'civicline-cost-'));
  const server = await startServerProcess({
    PORT: String(await freePort()),
    CIVICLINE_DATA_DIR: dataDir,
    CIVICLINE_METER: '',
  });
  try {
    const civic = new CivicClient(server.url);
    // Cold starts once, before counting: a busy city's functions are warm.
    for (const path of STANDARD_PATHS) await transitionsOnceFinished(civic, await path.drive(civic));
    await civic.settled();
    const perPath = new Map<string, PerCase>();
    for (const path of STANDARD_PATHS) {
      await civic.post('/local/usage/reset', {});
      const cases: string[] = [];
      for (let i = 0; i < CASES_PER_PATH; i += 1) {
        const names = await path.drive(civic);
        await transitionsOnceFinished(civic, names);
        cases.push(names[0] as string);
      }
      await civic.settled(); // the streams drained: counters and notices delivered
      const usage = (await civic.get('/local/usage')).body as unknown as Usage;
      let notifications = 0;
      for (const caseId of cases) notifications += (await civic.outbox(caseId)).length;
      const invocations = Object.entries(usage.invocations);
      const sum = (f: (entry: [string, { count: number; ms: number }]) => number) =>
        invocations.reduce((total, entry) => total + f(entry), 0) / CASES_PER_PATH;
      perPath.set(path.name, {
        lambdaRequests: sum(([, t]) => t.count),
        gbSeconds: sum(([name, t]) => (t.ms / 1000) * (memoryGb.get(name) ?? 1)),
        transitions: usage.transitions / CASES_PER_PATH,
        writeUnits: usage.dynamoWriteUnits / CASES_PER_PATH,
        readUnits: usage.dynamoReadUnits / CASES_PER_PATH,
        apiRequests: sum(([name, t]) => (routeFunctions.has(name) ? t.count : 0)),
        notifications: notifications / CASES_PER_PATH,
      });
    }
    report(perPath);
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  process.exit(0);
}

function costLines(c: PerCase, prices: RegionPrices) {
  return [
    ['Step Functions transitions', c.transitions, prices.stateTransition],
    ['Lambda requests', c.lambdaRequests, prices.lambdaRequest],
    ['Lambda GB-seconds (Arm)', c.gbSeconds, prices.lambdaArmGbSecond],
    ['DynamoDB write request units', c.writeUnits, prices.dynamoWriteUnit],
    ['DynamoDB read request units', c.readUnits, prices.dynamoReadUnit],
    ['API Gateway HTTP API requests', c.apiRequests, prices.httpApiRequest],
    ['SNS publishes', c.notifications, prices.snsPublish],
  ] as const;
}

/** Cost of one million cases in US dollars (CNY converted at CNY_PER_USD). */
function perMillionUsd(c: PerCase, prices: RegionPrices): number {
  const local = costLines(c, prices).reduce((sum, [, quantity, price]) => sum + quantity * price, 0);
  return (local * 1_000_000) / (prices.currency === 'CNY' ? CNY_PER_USD : 1);
}

function report(perPath: ReadonlyMap<string, PerCase>): void {
  console.log(`Counted per case (mean of ${CASES_PER_PATH} cases per path, warm functions):`);
  console.table(
    [...perPath].map(([path, c]) => ({
      path,
      transitions: round(c.transitions),
      'Lambda requests': round(c.lambdaRequests),
      'GB-s': round(c.gbSeconds * 1000) / 1000,
      WRU: round(c.writeUnits),
      RRU: round(c.readUnits),
      'API requests': round(c.apiRequests),
      notices: round(c.notifications),
    })),
  );
  const letter = perPath.get(LETTER_PATH);
  if (letter) {
    for (const prices of LIST_PRICES) {
      console.log(`\nThe letter path in ${prices.region}, per 1,000,000 cases (${prices.currency}):`);
      console.table(
        costLines(letter, prices).map(([item, quantity, price]) => ({
          item,
          'per case': round(quantity * 1000) / 1000,
          [`unit price ${prices.currency}`]: price,
          'per 1M cases': round(quantity * price * 1_000_000),
        })),
      );
    }
  }
  // Each figure weighted by the paths' shares in the work report.
  const keys = Object.keys(perPath.get(LETTER_PATH) ?? {}) as (keyof PerCase)[];
  const mix = Object.fromEntries(
    keys.map((key) => [
      key,
      Object.entries(WORK_REPORT_MIX).reduce(
        (sum, [path, share]) => sum + (perPath.get(path)?.[key] ?? 0) * share,
        0,
      ),
    ]),
  ) as unknown as PerCase;
  console.log(
    `\nUS$ per 1,000,000 cases (CNY at ${CNY_PER_USD} per US$; target ≤ ${TARGET_USD_PER_MILLION}):`,
  );
  const rows = [...perPath, ['work-report mix (75% direct answers, 25% transferred letters)', mix] as const];
  console.table(
    rows.map(([path, c]) =>
      Object.fromEntries([
        ['path', path],
        ...LIST_PRICES.map((prices) => {
          const usd = perMillionUsd(c, prices);
          return [prices.region, `${round(usd)}${usd <= TARGET_USD_PER_MILLION ? '' : ' (over)'}`];
        }),
      ]),
    ),
  );
  if (letter) {
    // What the target leaves for DynamoDB writes once everything else on the letter path is paid:
    // the figure a change to the write path has to reach.
    console.log(`\nThe letter path's write budget within US$ ${TARGET_USD_PER_MILLION} per 1,000,000 cases:`);
    for (const prices of LIST_PRICES) {
      const rest = perMillionUsd({ ...letter, writeUnits: 0 }, prices);
      const writeUnitUsd = perMillionUsd({ ...ZERO_USE, writeUnits: 1 }, prices);
      console.log(
        `  ${prices.region}: the rest costs US$ ${round(rest)}, which leaves ${round((TARGET_USD_PER_MILLION - rest) / writeUnitUsd)} WRU per case; the letter writes ${round(letter.writeUnits)}.`,
      );
    }
  }
  console.log(
    'Not included: CloudWatch Logs and metrics, storage (GB-months), data transfer, KMS (one data key per period, cached), SMS delivery (priced per message by the carrier route or the domestic SMS provider).',
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
