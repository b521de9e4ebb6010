import type { Case } from '../domain/case';
import type { Counts, Dimension } from '../domain/metrics/counters';
import type { PeriodRange } from '../domain/metrics/periods';

/** One counter item: a period (day or month), a scope value, and its counts. */
export interface CounterRow {
  readonly period: string;
  readonly value: string;
  readonly counts: Counts;
}

/** One stored version of a case, and the one before it (none for a new case). */
export interface CaseVersion {
  readonly before?: Case;
  readonly after: Case;
}

/**
 * Where counters change: the deltas of case versions (counters(after) − counters(before)),
 * applied exactly once however often the stream delivers a version. Versions are applied in
 * order; when one cannot be, a PartialBatch says how many before it were.
 */
export interface StatisticsWriter {
  applyCaseVersions(versions: readonly CaseVersion[]): Promise<void>;
}

/** The statistics counters, read by dimension and period range. */
export interface StatisticsReader {
  read(dimension: Dimension, range: PeriodRange): Promise<CounterRow[]>;
  /** Every counter item there is (for the recount check). */
  readAll(): Promise<(CounterRow & { scope: string })[]>;
}

/** Sets counters wholesale (the rebuild): each key `scope|period|value` to exactly these counts. */
export interface StatisticsRebuilder {
  replace(counters: ReadonlyMap<string, Counts>, remove: readonly string[]): Promise<void>;
}
