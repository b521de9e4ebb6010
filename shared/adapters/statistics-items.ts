import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Case } from '../domain/case';
import { type Counts, contributionDelta, type Dimension } from '../domain/metrics/counters';
import { type Granularity, periodsOf } from '../domain/metrics/periods';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/**
 * Counter items: partition `dimension#granularity` (e.g. `department#month`), sort key
 * `period#value` (e.g. `2026-11#dept-housing`), one number attribute per counter. One query
 * reads every value of a dimension over a range of periods.
 */
export function counterKey(dimension: Dimension, granularity: Granularity, period: string, value: string) {
  return { scope: `${dimension}#${granularity}`, period: `${period}#${value}` };
}

type CounterUpdate = NonNullable<TransactItem['Update']>;

/** The counter updates that go into the same transaction as a case change. */
export function counterUpdates(table: string, before: Case | undefined, after: Case): TransactItem[] {
  return [...counterDeltas(before, after)].map(([key, counts]) => ({
    Update: counterUpdate(table, key, counts),
  }));
}

/** counters(after) − counters(before), keyed by counter item. */
export function counterDeltas(before: Case | undefined, after: Case): Map<string, Counts> {
  const periods = periodsOf(after.createdAt);
  const deltas = new Map<string, Counts>();
  for (const scoped of contributionDelta(before, after)) {
    for (const granularity of ['day', 'month'] as const) {
      const key = counterKey(scoped.dimension, granularity, periods[granularity], scoped.value);
      deltas.set(`${key.scope}|${key.period}`, scoped.counts);
    }
  }
  return deltas;
}

export function counterUpdate(table: string, itemKey: string, counts: Counts): CounterUpdate {
  const [scope, period] = itemKey.split('|');
  const entries = Object.entries(counts);
  return {
    TableName: table,
    Key: { scope, period },
    UpdateExpression: `ADD ${entries.map((_, i) => `#c${i} :v${i}`).join(', ')}`,
    ExpressionAttributeNames: Object.fromEntries(entries.map(([name], i) => [`#c${i}`, name])),
    ExpressionAttributeValues: Object.fromEntries(entries.map(([, value], i) => [`:v${i}`, value])),
  };
}
