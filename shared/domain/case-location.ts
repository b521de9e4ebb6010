/**
 * Where a matter is (事发地点): an address, a point, or both. China has two datums in daily use —
 * WGS-84 (GPS) and GCJ-02 (what Chinese map SDKs return, the default) — so a point says which.
 */
export const DATUMS = ['GCJ-02', 'WGS-84'] as const;
export type Datum = (typeof DATUMS)[number];

export interface CaseLocation {
  readonly address?: string;
  readonly lat?: number;
  readonly long?: number;
  readonly datum?: Datum;
}

/** Cases stored before locations had coordinates kept the address as text. */
export function locationOf(stored: CaseLocation | string | undefined): CaseLocation | undefined {
  if (stored === undefined) return undefined;
  return typeof stored === 'string' ? { address: stored } : stored;
}

/**
 * The address as the public may read it: down to the street, without house number, building,
 * unit or room (道路门牌以下不公开). What follows the last road name before the first number is
 * dropped; with no road name, everything from the first number on.
 */
export function streetLevel(address: string): string | undefined {
  // ASCII digits always start a number; Chinese numerals only before a unit word (七道, 三环路 are roads).
  const firstNumber = address.search(
    /[0-9０-９]|[一二三四五六七八九十百〇零]+\s*(号|弄|栋|幢|座|单元|室|楼|层)/,
  );
  const head = firstNumber === -1 ? address : address.slice(0, firstNumber);
  const road = /^(.*(路|街|大道|大街|道|巷|胡同|里|村|镇|乡|街道|社区|小区|广场))/.exec(head)?.[1];
  const street = (road ?? head).trim();
  return street.length > 0 ? street : undefined;
}

/** China's extent, roughly (the box GCJ-02 offsets are defined in). */
export function insideChina(lat: number, long: number): boolean {
  return lat >= 3.8 && lat <= 53.6 && long >= 73.5 && long <= 135.1;
}
