import { type Case, currentAssignment } from '../case';
import { isOpen } from '../statuses';

/**
 * The counters kept per scope and period (DOMAIN.md "Metrics"). Each is a sum over cases of a
 * number derived from the case's current state alone, so counters can always be recomputed from
 * the cases: a change adds `counters(after) − counters(before)`, nothing else.
 */
export const COUNTERS = [
  'received',
  'rejected',
  'merged',
  'directAnswers',
  'transferred',
  'transfers',
  'returns',
  'replied',
  'repliedTransferred',
  'repliedOnTime',
  'signedOnTime',
  'completed',
  'closed',
  'closedUnrated',
  'rated',
  'satisfied',
  'basicallySatisfied',
  'dissatisfied',
  'resolved',
  'reopened',
  'overdueOpen',
] as const;
export type Counter = (typeof COUNTERS)[number];
export type Counts = Partial<Record<Counter, number>>;

/** What one case counts for, in every scope it belongs to. */
export function caseCounts(c: Case): Counts {
  const transferred = c.assignments.length > 0;
  const replied = c.firstReplySource !== undefined;
  const latest = c.assignments.at(-1);
  const counts: Counts = {
    received: 1,
    rejected: flag(c.status === 'rejected'),
    merged: flag(c.status === 'merged'),
    directAnswers: flag(c.firstReplySource === 'answer'),
    transferred: flag(transferred),
    replied: flag(replied),
    repliedTransferred: flag(transferred && replied),
    repliedOnTime: flag(transferred && replied && c.firstReplyOnTime === true),
    signedOnTime: flag(Boolean(latest?.signedAt && latest.signedAt <= latest.signBy)),
    completed: flag(transferred && c.status === 'closed'),
    transfers: c.assignments.length,
    returns: c.assignments.filter((assignment) => assignment.returnedAt).length,
    closed: flag(c.status === 'closed'),
    closedUnrated: flag(c.status === 'closed' && c.closedUnrated === true),
    rated: flag(c.rating !== undefined),
    satisfied: flag(c.rating?.satisfaction === 'satisfied'),
    basicallySatisfied: flag(c.rating?.satisfaction === 'basically_satisfied'),
    dissatisfied: flag(c.rating?.satisfaction === 'dissatisfied'),
    resolved: flag(c.rating?.resolved === true),
    reopened: flag(c.reopenCount > 0),
    overdueOpen: flag(isOpen(c.status) && c.overdue !== undefined),
  };
  return withoutZeros(counts);
}

/**
 * What a leader may filter by (DOMAIN.md "Metrics": kind, channel, department, request type) —
 * in any combination: counters are kept for every combination, so letters × mini-program or a
 * department × hotline are read like any single scope.
 */
export const FILTER_DIMENSIONS = ['kind', 'channel', 'department', 'type'] as const;
export type FilterDimension = (typeof FILTER_DIMENSIONS)[number];

/**
 * A scope's dimension: the filter dimensions it is cut by, in FILTER_DIMENSIONS order, joined by
 * `+` (`kind+channel`); `all` when none. Its value joins the case's values the same way
 * (`letter+miniprogram`).
 */
export type Dimension = string;

export function dimensionOf(dimensions: readonly FilterDimension[]): Dimension {
  const ordered = FILTER_DIMENSIONS.filter((dimension) => dimensions.includes(dimension));
  return ordered.length === 0 ? 'all' : ordered.join('+');
}

/** The filter dimensions of a scope's dimension, in order. */
export function dimensionsOf(dimension: Dimension): FilterDimension[] {
  return dimension === 'all' ? [] : (dimension.split('+') as FilterDimension[]);
}

export const VALUE_SEPARATOR = '+';

/** Every combination of the filter dimensions: 16 scopes, from `all` to `kind+channel+department+type`. */
export const DIMENSIONS: readonly Dimension[] = Array.from(
  { length: 2 ** FILTER_DIMENSIONS.length },
  (_, mask) => dimensionOf(FILTER_DIMENSIONS.filter((_, bit) => mask & (1 << bit))),
);

export interface ScopedCounts {
  readonly dimension: Dimension;
  readonly value: string;
  readonly counts: Counts;
}

/**
 * A case counts in every scope it belongs to. Every scope carries its transfers and returns, so
 * the city's and each kind's return rate exist. A case counts in full for its department: the one
 * it is (or was last) assigned to and did not return; every department it passed through carries
 * the transfers it received and the returns it made, so its return rate is its own.
 */
export function caseContributions(c: Case): ScopedCounts[] {
  const counts = caseCounts(c);
  const { transfers: _transfers, returns: _returns, ...handled } = counts;
  const owner = currentAssignment(c)?.departmentId;
  const departments = new Map<string, Counts>();
  for (const assignment of c.assignments) {
    const entry = departments.get(assignment.departmentId) ?? {};
    entry.transfers = (entry.transfers ?? 0) + 1;
    if (assignment.returnedAt) entry.returns = (entry.returns ?? 0) + 1;
    departments.set(assignment.departmentId, entry);
  }
  if (owner && !departments.has(owner)) departments.set(owner, {});
  const fixed: Record<Exclude<FilterDimension, 'department'>, string> = {
    kind: c.kind,
    channel: c.channel,
    type: c.type,
  };
  return DIMENSIONS.flatMap((dimension) => {
    const dimensions = dimensionsOf(dimension);
    const valueWith = (department: string) =>
      dimensions.length === 0
        ? 'all'
        : dimensions.map((name) => (name === 'department' ? department : fixed[name])).join(VALUE_SEPARATOR);
    if (!dimensions.includes('department')) return [{ dimension, value: valueWith(''), counts }];
    return [...departments].map(([department, own]) => ({
      dimension,
      value: valueWith(department),
      counts: { ...(department === owner ? handled : {}), ...own },
    }));
  });
}

/** counters(after) − counters(before), per scope; only what changed. */
export function contributionDelta(before: Case | undefined, after: Case): ScopedCounts[] {
  const totals = new Map<string, ScopedCounts & { counts: Counts }>();
  const add = (scoped: ScopedCounts, sign: 1 | -1) => {
    const key = `${scoped.dimension}#${scoped.value}`;
    const entry = totals.get(key) ?? { dimension: scoped.dimension, value: scoped.value, counts: {} };
    for (const [counter, value] of Object.entries(scoped.counts) as [Counter, number][]) {
      entry.counts[counter] = (entry.counts[counter] ?? 0) + sign * value;
    }
    totals.set(key, entry);
  };
  for (const scoped of caseContributions(after)) add(scoped, 1);
  if (before) for (const scoped of caseContributions(before)) add(scoped, -1);
  return [...totals.values()]
    .map((scoped) => ({ ...scoped, counts: withoutZeros(scoped.counts) }))
    .filter((scoped) => Object.keys(scoped.counts).length > 0);
}

function flag(condition: boolean): number {
  return condition ? 1 : 0;
}

function withoutZeros(counts: Counts): Counts {
  return Object.fromEntries(Object.entries(counts).filter(([, value]) => value !== 0)) as Counts;
}
