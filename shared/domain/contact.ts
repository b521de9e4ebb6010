import { foldText } from './text-folding';

/** What a citizen tells us about themselves. Personal data: see DOMAIN.md "Personal data". */
export interface CitizenContact {
  readonly name: string;
  readonly phone: string;
  readonly idNumber?: string;
  readonly address?: string;
  readonly email?: string;
}

/** The contact's own numbers and address to look for in free text (see redaction.ts). */
export function contactIdentifiers(contact: CitizenContact): string[] {
  return [contact.phone, contact.idNumber, contact.email].filter((value): value is string => Boolean(value));
}

const MOBILE = /^1[3-9]\d{9}$/;
/** Area code (010, 0755 …) then a 7–8 digit local number, optional extension. */
const LANDLINE = /^0\d{2,3}-?[2-9]\d{6,7}(-\d{1,6})?$/;

/**
 * Accepts the spellings people type (full-width digits, spaces, dots, any dash, brackets, +86 or
 * 0086) and returns the digits we store, with a dash kept where it separates an area code or an
 * extension.
 */
export function normalizePhone(raw: string): string {
  const compact = foldText(raw, 'identifiers')
    .text.replace(/[\s().]/g, '')
    .replace(/^(\+86|0086)-?/, '');
  const digits = compact.replace(/-/g, '');
  return MOBILE.test(digits) ? digits : compact;
}

/**
 * The line a person is reached at, whatever the spelling: digits only, without the country code
 * and without an extension (0755-86001234, 075586001234 and 0755-86001234-12 are one phone). What
 * per-phone limits count.
 */
export function phoneIdentity(phone: string): string {
  const normalized = normalizePhone(phone);
  const landline = /^(0\d{2,3})-?([2-9]\d{6,7})(?:-\d{1,6})?$/.exec(normalized);
  return landline ? `${landline[1]}${landline[2]}` : normalized.replace(/\D/g, '');
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
