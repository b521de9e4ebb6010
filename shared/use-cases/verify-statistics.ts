import { CASE_KINDS } from '../domain/case-kinds';
import { COUNTERS, type Counts, contributionDelta } from '../domain/metrics/counters';
import { periodsOf } from '../domain/metrics/periods';
import type { CaseStore, ListPosition } from '../ports/case-store';
import type { StatisticsReader, StatisticsRebuilder } from '../ports/statistics';

export interface CounterDifference {
  readonly scope: string;
  readonly period: string;
  readonly value: string;
  readonly counter: string;
  readonly expected: number;
  readonly stored: number;
}

export interface StatisticsCheck {
  readonly casesCounted: number;
  readonly countersCompared: number;
  readonly differences: readonly CounterDifference[];
}

/**
 * `npm run stats:verify`: recounts every figure from the case tables, with the same rules the
 * counters are kept by, and compares the two. Any difference means a count was lost or doubled.
 */
export async function verifyStatistics(deps: {
  store: CaseStore;
  statistics: StatisticsReader;
}): Promise<StatisticsCheck> {
  const { expected, casesCounted } = await recount(deps.store);
  const stored = new Map<string, Counts>();
  for (const row of await deps.statistics.readAll())
    stored.set(`${row.scope}|${row.period}|${row.value}`, row.counts);

  const differences: CounterDifference[] = [];
  let countersCompared = 0;
  for (const key of new Set([...expected.keys(), ...stored.keys()])) {
    const [scope = '', period = '', value = ''] = key.split('|');
    for (const counter of COUNTERS) {
      countersCompared += 1;
      const want = expected.get(key)?.[counter] ?? 0;
      const have = stored.get(key)?.[counter] ?? 0;
      if (want !== have) differences.push({ scope, period, value, counter, expected: want, stored: have });
    }
  }
  return { casesCounted, countersCompared, differences };
}

/** Every counter as the cases say it should be, keyed `scope|period|value`. */
export async function recount(
  store: CaseStore,
): Promise<{ expected: Map<string, Counts>; casesCounted: number }> {
  const expected = new Map<string, Counts>();
  let casesCounted = 0;
  let position: ListPosition | undefined;
  do {
    const page = await store.list({ kinds: CASE_KINDS }, 100, position);
    for (const c of page.cases) {
      casesCounted += 1;
      const periods = periodsOf(c.createdAt);
      for (const scoped of contributionDelta(undefined, c)) {
        for (const granularity of ['day', 'month'] as const) {
          const key = `${scoped.dimension}#${granularity}|${periods[granularity]}|${scoped.value}`;
          const sum = expected.get(key) ?? {};
          for (const [counter, value] of Object.entries(scoped.counts) as [keyof Counts, number][]) {
            sum[counter] = (sum[counter] ?? 0) + value;
          }
          expected.set(key, sum);
        }
      }
    }
    position = page.next;
  } while (position);

  return { expected, casesCounted };
}

/**
 * `npm run stats:rebuild`: every counter set to its recount and every counter no case accounts
 * for removed — idempotent, for the upgrade from counters kept in the request transaction (and
 * for the combinations of filters counted since). Run with no writes in flight: the local runtime
 * runs it at start-up, before its stream mappings, and then starts them from the end of the streams.
 */
export async function rebuildStatistics(deps: {
  store: CaseStore;
  statistics: StatisticsReader & StatisticsRebuilder;
}): Promise<{ casesCounted: number; countersWritten: number; countersRemoved: number }> {
  const { expected, casesCounted } = await recount(deps.store);
  const stale = (await deps.statistics.readAll())
    .map((row) => `${row.scope}|${row.period}|${row.value}`)
    .filter((key) => !expected.has(key));
  await deps.statistics.replace(expected, stale);
  return { casesCounted, countersWritten: expected.size, countersRemoved: stale.length };
}
