/**
 * Government deadlines and statistics are counted in China Standard Time (UTC+8, no daylight
 * saving), whatever the server's time zone.
 */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** 'YYYY-MM-DD' of the instant in China. */
export function chinaDate(instant: Date): string {
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** 'YYYY-MM' of the instant in China. */
export function chinaMonth(instant: Date): string {
  return chinaDate(instant).slice(0, 7);
}

/** First instant of a China calendar day. */
export function startOfChinaDay(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) - CHINA_OFFSET_MS);
}

/** Last millisecond of a China calendar day: deadlines fall due at the end of their day. */
export function endOfChinaDay(date: string): Date {
  return new Date(startOfChinaDay(date).getTime() + DAY_MS - 1);
}

/** The calendar date `days` after `date` (negative goes back). */
export function addCalendarDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday, for a 'YYYY-MM-DD' date. */
export function weekday(date: string): number {
  return new Date(`${date}T00:00:00.000Z`).getUTCDay();
}

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  // 2026-13-01 is no date at all (an invalid Date, whose toISOString throws); 2026-02-30 rolls over.
  const parsed = Date.parse(`${value}T00:00:00.000Z`);
  return !Number.isNaN(parsed) && new Date(parsed).toISOString().startsWith(value);
}

/** An instant as China reads it, with its offset: 2026-12-02T15:20:00+08:00 (Open311 asks for one). */
export function chinaDateTime(iso: string): string {
  const local = new Date(Date.parse(iso) + CHINA_OFFSET_MS).toISOString().slice(0, 19);
  return `${local}+08:00`;
}
