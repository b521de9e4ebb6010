import { COUNTERS, type Counter, type Counts } from './counters';

export interface Totals extends Record<Counter, number> {
  /** 有效受理 = received − rejected − merged */
  readonly accepted: number;
}

export function totalsFrom(counts: Counts): Totals {
  const full = Object.fromEntries(
    (Object.keys(counts) as Counter[]).map((counter) => [counter, counts[counter] ?? 0]),
  ) as Record<Counter, number>;
  const get = (counter: Counter) => counts[counter] ?? 0;
  return {
    ...emptyCounts(),
    ...full,
    accepted: get('received') - get('rejected') - get('merged'),
  };
}

function emptyCounts(): Record<Counter, number> {
  return Object.fromEntries(COUNTERS.map((counter) => [counter, 0])) as Record<Counter, number>;
}

/**
 * A percentage rounded half up to two decimals, computed in integers so 314/318 is exactly 98.74;
 * null when nothing was there to count (an empty denominator is never 0 % or 100 %).
 */
export function percentage(numerator: number, denominator: number): number | null {
  if (denominator <= 0) return null;
  const basisPoints = Math.floor((numerator * 20_000 + denominator) / (2 * denominator));
  return basisPoints / 100;
}

/** The rates of DOMAIN.md "Metrics", to the letter. */
export function ratesFrom(t: Totals) {
  return {
    replyRate: percentage(t.replied, t.accepted),
    completionRate: percentage(t.completed, t.transferred),
    onTimeRate: percentage(t.repliedOnTime, t.repliedTransferred),
    satisfactionRate: percentage(t.satisfied + t.basicallySatisfied, t.rated),
    resolutionRate: percentage(t.resolved, t.rated),
    responseRate: percentage(t.signedOnTime, t.transferred),
    returnRate: percentage(t.returns, t.transfers),
    reopenRate: percentage(t.reopened, t.replied),
  };
}

export type Rates = ReturnType<typeof ratesFrom>;
export const RATE_NAMES = [
  'replyRate',
  'completionRate',
  'onTimeRate',
  'satisfactionRate',
  'resolutionRate',
  'responseRate',
  'returnRate',
  'reopenRate',
] as const satisfies readonly (keyof Rates)[];

/** 98.74 → "98.74", 95.70 → "95.7", 95 → "95": the way work reports print rates. */
export function formatPercentage(value: number | null): string {
  if (value === null) return '—';
  return `${Number(value.toFixed(2))}`;
}
