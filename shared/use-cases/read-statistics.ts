import type { CaseKind, Channel, RequestType } from '../domain/case-kinds';
import { CASE_KIND_LABELS, CHANNEL_LABELS, REQUEST_TYPE_LABELS } from '../domain/case-kinds';
import { forbidden } from '../domain/errors';
import {
  type Counter,
  type Counts,
  type Dimension,
  dimensionOf,
  dimensionsOf,
  type FilterDimension,
  VALUE_SEPARATOR,
} from '../domain/metrics/counters';
import { type Granularity, rangeReads } from '../domain/metrics/periods';
import { type Rates, ratesFrom, type Totals, totalsFrom } from '../domain/metrics/rates';
import type { StaffActor } from '../domain/roles';
import type { DepartmentDirectory } from '../ports/department-directory';
import type { CounterRow, StatisticsReader } from '../ports/statistics';

export type GroupBy = 'day' | 'month' | 'department' | 'kind' | 'channel' | 'type';

export interface StatisticsQuery {
  readonly from: string;
  readonly to: string;
  readonly kind?: CaseKind;
  readonly channel?: Channel;
  readonly departmentId?: string;
  readonly type?: RequestType;
  readonly groupBy?: GroupBy;
  /** Sort groups by a rate or a total (ranking), highest first unless `order` says otherwise. */
  readonly sortBy?: keyof Rates | Counter | 'accepted';
  readonly order?: 'asc' | 'desc';
}

export interface StatisticsGroup {
  readonly key: string;
  readonly label: string;
  readonly totals: Totals;
  readonly rates: Rates;
}

export interface Statistics {
  readonly from: string;
  readonly to: string;
  readonly scope: { readonly dimension: Dimension; readonly value?: string };
  readonly totals: Totals;
  readonly rates: Rates;
  readonly groups: readonly StatisticsGroup[];
}

const FILTERS = [
  ['kind', 'kind'],
  ['channel', 'channel'],
  ['departmentId', 'department'],
  ['type', 'type'],
] as const satisfies readonly [keyof StatisticsQuery, FilterDimension][];

/**
 * GET /v1/stats: totals and rates for a period, in one scope, optionally grouped. Reads only
 * counters — a few queries per dimension whatever the number of cases.
 */
/** What GET /v1/stats and GET /v1/reports read: the counters and the department names. */
export interface StatisticsDependencies {
  readonly statistics: StatisticsReader;
  readonly departments: DepartmentDirectory;
}

export async function readStatistics(
  deps: StatisticsDependencies,
  actor: StaffActor,
  requested: StatisticsQuery,
): Promise<Statistics> {
  const query = scopeForActor(actor, requested);
  const filters = FILTERS.filter(([field]) => query[field] !== undefined).map(([field, dimension]) => ({
    dimension,
    value: String(query[field]),
  }));
  const groupDimension =
    query.groupBy && query.groupBy !== 'day' && query.groupBy !== 'month' ? query.groupBy : undefined;
  // Any combination of filters, grouped by any dimension: the counters of exactly that combination.
  const dimension = dimensionOf([
    ...filters.map((f) => f.dimension),
    ...(groupDimension ? [groupDimension] : []),
  ]);
  const parts = dimensionsOf(dimension);
  const partOf = (row: CounterRow, name: FilterDimension) =>
    row.value.split(VALUE_SEPARATOR)[parts.indexOf(name)];

  const reads =
    query.groupBy === 'day'
      ? [{ granularity: 'day' as Granularity, from: query.from, to: query.to }]
      : rangeReads(query.from, query.to);
  const rows = (await Promise.all(reads.map((range) => deps.statistics.read(dimension, range))))
    .flat()
    .filter((row) => filters.every((filter) => partOf(row, filter.dimension) === filter.value))
    .map((row) => (groupDimension ? { ...row, value: partOf(row, groupDimension) ?? row.value } : row));
  const filterDimension = dimensionOf(filters.map((f) => f.dimension));
  const scope =
    filters.length > 0
      ? { dimension: filterDimension, value: filters.map((f) => f.value).join(VALUE_SEPARATOR) }
      : { dimension: groupDimension ?? 'all' };

  const groups = query.groupBy ? await groupRows(rows, query.groupBy, deps.departments) : [];
  return {
    from: query.from,
    to: query.to,
    scope,
    ...summarize(rows.map((r) => r.counts)),
    groups: sortGroups(groups, query),
  };
}

function scopeForActor(actor: StaffActor, query: StatisticsQuery): StatisticsQuery {
  if (actor.roles.some((role) => role === 'leader' || role === 'dispatcher' || role === 'admin'))
    return query;
  if (!actor.roles.includes('department')) throw forbidden('您的角色无权查看统计');
  if (!actor.departmentId) throw forbidden('账号未关联承办单位');
  if (query.departmentId && query.departmentId !== actor.departmentId)
    throw forbidden('只能查看本单位的统计');
  return { ...query, departmentId: actor.departmentId };
}

function summarize(counts: readonly Counts[]) {
  const sum: Counts = {};
  for (const c of counts) {
    for (const [counter, value] of Object.entries(c) as [Counter, number][])
      sum[counter] = (sum[counter] ?? 0) + value;
  }
  const totals = totalsFrom(sum);
  return { totals, rates: ratesFrom(totals) };
}

async function groupRows(rows: readonly CounterRow[], groupBy: GroupBy, departments: DepartmentDirectory) {
  const byKey = new Map<string, Counts[]>();
  for (const row of rows) {
    const key = groupBy === 'day' ? row.period : groupBy === 'month' ? row.period.slice(0, 7) : row.value;
    byKey.set(key, [...(byKey.get(key) ?? []), row.counts]);
  }
  // Only a department grouping needs names, and then only the departments that have figures.
  const names = groupBy === 'department' ? await departments.names(byKey.keys()) : new Map<string, string>();
  return [...byKey.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, counts]) => ({ key, label: labelOf(groupBy, key, names), ...summarize(counts) }));
}

function labelOf(groupBy: GroupBy, key: string, departmentNames: ReadonlyMap<string, string>): string {
  switch (groupBy) {
    case 'department':
      return departmentNames.get(key) ?? key;
    case 'kind':
      return CASE_KIND_LABELS[key as CaseKind] ?? key;
    case 'channel':
      return CHANNEL_LABELS[key as Channel] ?? key;
    case 'type':
      return REQUEST_TYPE_LABELS[key as RequestType] ?? key;
    default:
      return key;
  }
}

/** Rankings: by the chosen figure, groups without a figure (null rate) last. */
function sortGroups(groups: StatisticsGroup[], query: StatisticsQuery): StatisticsGroup[] {
  const sortBy = query.sortBy;
  if (!sortBy) return groups;
  const figure = (g: StatisticsGroup): number | null =>
    sortBy in g.rates ? g.rates[sortBy as keyof Rates] : (g.totals[sortBy as keyof Totals] ?? null);
  const direction = query.order === 'asc' ? 1 : -1;
  return [...groups].sort((a, b) => {
    const x = figure(a);
    const y = figure(b);
    if (x === null && y === null) return a.key.localeCompare(b.key);
    if (x === null) return 1;
    if (y === null) return -1;
    return x === y ? a.key.localeCompare(b.key) : (x - y) * direction;
  });
}
