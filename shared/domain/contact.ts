/** What a citizen tells us about themselves. Personal data: see DOMAIN.md "Personal data". */
export interface CitizenContact {
  readonly name: string;
  readonly phone: string;
  readonly idNumber?: string;
  readonly address?: string;
  readonly email?: string;
}

const MOBILE = /^1[3-9]\d{9}$/;
/** Area code (010, 0755 …) then a 7–8 digit local number, optional extension. */
const LANDLINE = /^0\d{2,3}-?[2-9]\d{6,7}(-\d{1,6})?$/;

/** Accepts the spellings people type (spaces, +86) and returns the digits we store. */
export function normalizePhone(raw: string): string {
  const compact = raw.replace(/[\s()]/g, '');
  const withoutCountry = compact.replace(/^(\+86|0086)-?/, '');
  return withoutCountry;
}

/** Mainland mobile (13x–19x) or landline with area code. */
export function isChinesePhone(phone: string): boolean {
  return MOBILE.test(phone) || LANDLINE.test(phone);
}

export function isMobile(phone: string): boolean {
  return MOBILE.test(phone);
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARS = '10X98765432';

/** GB 11643-1999 citizen ID: 17 digits, a valid birth date, and the ISO 7064 MOD 11-2 check character. */
export function isValidIdNumber(value: string): boolean {
  const id = value.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  const parsed = new Date(`${birth}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || !parsed.toISOString().startsWith(birth)) return false;
  return id[17] === idCheckCharacter(id.slice(0, 17));
}

export function idCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * (ID_WEIGHTS[i] ?? 0);
  return ID_CHECK_CHARS[sum % 11] ?? '';
}
