import type { Counts, Dimension } from '../domain/metrics/counters';
import type { PeriodRange } from '../domain/metrics/periods';

/** One counter item: a period (day or month), a scope value, and its counts. */
export interface CounterRow {
  readonly period: string;
  readonly value: string;
  readonly counts: Counts;
}

/** The statistics counters, read by dimension and period range. */
export interface StatisticsReader {
  read(dimension: Dimension, range: PeriodRange): Promise<CounterRow[]>;
  /** Every counter item there is (for the recount check). */
  readAll(): Promise<(CounterRow & { scope: string })[]>;
}
