import { CASE_KINDS, CASE_NUMBER_PREFIXES, type CaseKind } from './case-kinds';
import { chinaDate } from './china-time';

/**
 * Case numbers people can read over the phone: kind prefix, China date, daily sequence,
 * e.g. XJ20261121000123. The sequence is allocated atomically per kind and day by the store.
 */
export const CASE_NUMBER_PATTERN = new RegExp(
  `^(${CASE_KINDS.map((kind) => CASE_NUMBER_PREFIXES[kind]).join('|')})(\\d{8})(\\d{6})$`,
);

export function formatCaseNumber(kind: CaseKind, createdAt: Date, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 999_999) {
    throw new RangeError(`daily sequence out of range: ${sequence}`);
  }
  const day = chinaDate(createdAt).replaceAll('-', '');
  return `${CASE_NUMBER_PREFIXES[kind]}${day}${String(sequence).padStart(6, '0')}`;
}

/** The kind a case number belongs to, or undefined when it is not a case number at all. */
export function kindOfCaseNumber(caseId: string): CaseKind | undefined {
  const match = CASE_NUMBER_PATTERN.exec(caseId);
  if (!match) return undefined;
  return CASE_KINDS.find((kind) => CASE_NUMBER_PREFIXES[kind] === match[1]);
}

/** The key the store's per-kind, per-day sequence lives under. */
export function sequenceName(kind: CaseKind, createdAt: Date): string {
  return `${CASE_NUMBER_PREFIXES[kind]}${chinaDate(createdAt).replaceAll('-', '')}`;
}
