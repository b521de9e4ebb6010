import { isValidIdNumber } from './contact';
import { maskPhone } from './masking';

/**
 * Removes a citizen's personal data from free text (a letter, a reply, a timeline note): phone
 * numbers, 18-character ID numbers (only those whose check character is right, so an order or
 * invoice number survives), e-mail addresses, and the citizen's own name and address as given.
 */
export interface RedactionRules {
  /** `mask` keeps 138****5678 (what departments see); `remove` leaves a placeholder (publication). */
  readonly phones: 'mask' | 'remove';
  /** Exact strings to hide: the citizen's name(s), replaced by 某某. */
  readonly names?: readonly string[];
  /** Exact strings to hide: the citizen's address(es). */
  readonly addresses?: readonly string[];
}

const ID_NUMBER = /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
/** Mobile numbers, with the +86 prefix and the spaces or dashes people write them with. */
const MOBILE = /(?<!\d)(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d{4}){2}(?!\d)/g;
/** Landlines with an area code: 010-62345678, 0755 8600 1234, (0571)87654321. */
const LANDLINE = /(?<!\d)(?:\(0\d{2,3}\)|0\d{2,3})[\s-]?[2-9]\d{2,3}[\s-]?\d{4}(?:-\d{1,6})?(?!\d)/g;

export const REDACTED = {
  id: '[身份证号已隐去]',
  email: '[邮箱已隐去]',
  phone: '[电话已隐去]',
  name: '某某',
  address: '[地址已隐去]',
} as const;

export function redactText(text: string, rules: RedactionRules): string {
  let result = text;
  // Longest first, so 张三丰 is not left as 某某丰 when both 张三 and 张三丰 are hidden.
  for (const address of [...(rules.addresses ?? [])].filter(usable).sort(byLength)) {
    result = result.replaceAll(address, REDACTED.address);
  }
  result = result.replace(ID_NUMBER, (match) => (isValidIdNumber(match) ? REDACTED.id : match));
  result = result.replace(EMAIL, REDACTED.email);
  const phone = (match: string) =>
    rules.phones === 'mask' ? maskPhone(match.replace(/^\+?86[\s-]?/, '')) : REDACTED.phone;
  result = result.replace(MOBILE, phone).replace(LANDLINE, phone);
  for (const name of [...(rules.names ?? [])].filter(usable).sort(byLength)) {
    result = result.replaceAll(name, REDACTED.name);
  }
  return result;
}

/** A one-character name or address would blank out ordinary words; only longer ones are hidden. */
function usable(value: string): boolean {
  return [...value.trim()].length >= 2;
}

function byLength(a: string, b: string): number {
  return b.length - a.length;
}
