import { COUNTERS } from '../domain/metrics/counters';
import { RATE_LABELS, TOTAL_LABELS } from '../domain/metrics/figure-labels';
import { RATE_NAMES, type Rates, type Totals } from '../domain/metrics/rates';
import type { StatisticsGroup } from '../use-cases/read-statistics';

const TOTAL_COLUMNS = [
  'received',
  'accepted',
  ...COUNTERS.filter((c) => c !== 'received'),
] as (keyof Totals)[];

/** The grouped figures as a table: a header row, then one row per group and a total row. */
export function figureTable(groups: readonly StatisticsGroup[], overall: { totals: Totals; rates: Rates }) {
  const header = [
    '分组(group)',
    '名称(label)',
    ...TOTAL_COLUMNS.map((c) => `${TOTAL_LABELS[c]}(${c})`),
    ...RATE_NAMES.map((r) => `${RATE_LABELS[r]}%(${r})`),
  ];
  const row = (key: string, label: string, totals: Totals, rates: Rates) => [
    key,
    label,
    ...TOTAL_COLUMNS.map((c) => totals[c]),
    ...RATE_NAMES.map((r) => rates[r]),
  ];
  return [
    header,
    ...groups.map((g) => row(g.key, g.label, g.totals, g.rates)),
    row('total', '合计', overall.totals, overall.rates),
  ] as (string | number | null)[][];
}
