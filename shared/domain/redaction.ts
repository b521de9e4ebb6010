import { isValidIdNumber } from './contact';
import { maskPhone } from './masking';
import { type FoldedText, foldText, originalSpan } from './text-folding';

/**
 * Removes a citizen's personal data from free text (a letter, a reply, a timeline note, a notice):
 * phone numbers, 18-character ID numbers (only those whose check character is right, so an order
 * or invoice number survives), e-mail addresses, and the citizen's own name, address, phone, ID
 * number and e-mail as given. Everything is looked for in the text as a reader folds it
 * (text-folding.ts) — full-width, dotted, spaced, zero-width, traditional spellings alike — and
 * masked where it stands in the original.
 */
export interface RedactionRules {
  /** `mask` keeps 138****5678 (what departments see); `remove` leaves a placeholder (publication). */
  readonly phones: 'mask' | 'remove';
  /** The citizen's name(s), replaced by 某某 in any spelling. */
  readonly names?: readonly string[];
  /** The citizen's address(es). */
  readonly addresses?: readonly string[];
  /**
   * The citizen's own phone, ID number and e-mail: found even in forms no pattern knows (a local
   * number without its area code, a 15-digit ID number).
   */
  readonly identifiers?: readonly string[];
}

export const REDACTED = {
  id: '[身份证号已隐去]',
  email: '[邮箱已隐去]',
  phone: '[电话已隐去]',
  name: '某某',
  address: '[地址已隐去]',
} as const;

/** Between two digits of one number: at most three spaces, dashes, dots, slashes or brackets. */
const GAP = '[ .\\-/()]{0,3}';
const digits = (count: string) => `\\d(?:${GAP}\\d)${count}`;
const COUNTRY = `(?:(?:\\+|00)${GAP}86|\\+?86(?=${GAP}1[3-9]))${GAP}`;

const ID_NUMBER = new RegExp(`(?<![\\dA-Za-z])${digits('{16}')}${GAP}[\\dXx](?![\\dA-Za-z])`, 'g');
const MOBILE = new RegExp(`(?<!\\d)(?:${COUNTRY})?1${GAP}[3-9](?:${GAP}\\d){9}(?!\\d)`, 'g');
/** Landlines with an area code, an optional extension: 010-62345678, (0755) 8600 1234-12. */
const LANDLINE = new RegExp(
  `(?<!\\d)(?:${COUNTRY}\\(?0?|\\(?0)${GAP}${digits('{1,2}')}\\)?${GAP}[2-9](?:${GAP}\\d){6,7}` +
    `(?:${GAP}(?:转|分机|ext\\.?|x|#|-)${GAP}\\d{1,6})?(?!\\d)`,
  'gi',
);
const AT = '\\s{0,2}(?:@|\\(at\\)|\\[at\\])\\s{0,2}';
const DOT = '\\s{0,2}(?:\\.|\\(dot\\)|\\[dot\\])\\s{0,2}';
const EMAIL = new RegExp(`[A-Za-z0-9_][\\w.+-]*${AT}[\\w-]+(?:${DOT}[\\w-]+)+`, 'gi');

interface Finding {
  readonly start: number;
  readonly end: number;
  readonly replacement: string;
}

export function redactText(text: string, rules: RedactionRules): string {
  return redactor(rules)(text);
}

/**
 * The rules compiled once — the citizen's own identifiers as patterns, their name and address
 * folded — for a view that cleans many fields (a case's title, letter, notes and replies) or a
 * logger that cleans every line.
 */
export function redactor(rules: RedactionRules): (text: string) => string {
  const phone = (matched: string) =>
    rules.phones === 'mask' ? maskPhone(nationalDigits(matched)) : REDACTED.phone;
  const known = (rules.identifiers ?? []).flatMap((identifier) => {
    const pattern = knownIdentifierPattern(identifier);
    if (!pattern) return [];
    const replacement = identifier.includes('@')
      ? () => REDACTED.email
      : /^[\dXx]{15,18}$/.test(identifier)
        ? () => REDACTED.id
        : phone;
    return [{ pattern, replacement }];
  });
  const needles: [string, string][] = [
    ...(rules.addresses ?? []).map((value): [string, string] => [value, REDACTED.address]),
    ...(rules.names ?? []).map((value): [string, string] => [value, REDACTED.name]),
  ]
    .map(([value, replacement]): [string, string] => [foldText(value, 'words').text, replacement])
    // A one-character name or address would blank out ordinary words; only longer ones are hidden.
    .filter(([needle]) => [...needle].length >= 2);

  return (text) => {
    const findings: Finding[] = [];
    const add = (folded: FoldedText, start: number, end: number, replacement: string) => {
      const span = originalSpan(folded, start, end);
      if (span.end > span.start) findings.push({ ...span, replacement });
    };
    const identifiers = foldText(text, 'identifiers');
    const each = (pattern: RegExp, replacement: (matched: string) => string | undefined) => {
      for (const match of identifiers.text.matchAll(pattern)) {
        const replaced = replacement(match[0]);
        if (replaced) add(identifiers, match.index, match.index + match[0].length, replaced);
      }
    };
    for (const { pattern, replacement } of known) each(pattern, replacement);
    each(ID_NUMBER, (matched) =>
      isValidIdNumber(matched.replace(/[^\dXx]/g, '')) ? REDACTED.id : undefined,
    );
    each(EMAIL, () => REDACTED.email);
    each(MOBILE, phone);
    each(LANDLINE, phone);
    if (needles.length > 0) {
      const words = foldText(text, 'words');
      for (const [needle, replacement] of needles) {
        for (
          let at = words.text.indexOf(needle);
          at >= 0;
          at = words.text.indexOf(needle, at + needle.length)
        ) {
          add(words, at, at + needle.length, replacement);
        }
      }
    }
    return applyFindings(text, findings);
  };
}

/**
 * Replaces the findings, earliest first; where two overlap, the longer one wins (张三丰 is not
 * left as 某某丰 when 张三 is hidden too), and a span is never replaced twice.
 */
function applyFindings(text: string, findings: readonly Finding[]): string {
  const ordered = [...findings].sort((a, b) => a.start - b.start || b.end - a.end);
  let result = '';
  let position = 0;
  for (const finding of ordered) {
    if (finding.start < position) {
      if (finding.end > position) position = finding.end;
      continue;
    }
    result += text.slice(position, finding.start) + finding.replacement;
    position = finding.end;
  }
  return result + text.slice(position);
}

/** The digits of a phone number without its country code or extension: +86 138… → 138…. */
function nationalDigits(matched: string): string {
  const all = matched.replace(/(?:转|分机|ext|x|#).*$/i, '').replace(/\D/g, '');
  return all.replace(/^(?:00)?86(?=1[3-9]\d{9}$|0?[1-9]\d{8,})/, '');
}

/** The citizen's own phone, ID number or e-mail, in any spacing the folded text can show. */
function knownIdentifierPattern(known: string): RegExp | undefined {
  const folded = foldText(known, 'identifiers').text.trim();
  if (folded.includes('@')) {
    const [user = '', domain = ''] = folded.split('@');
    if (!user || !domain) return undefined;
    const part = (value: string) => [...value].map((char) => (char === '.' ? DOT : literal(char))).join('');
    return new RegExp(`(?<![\\w.+-])${part(user)}${AT}${part(domain)}(?![\\w-])`, 'gi');
  }
  const significant = folded.replace(/^(?:\+|00)?86(?=1[3-9])/, '').replace(/[^\dXx]/g, '');
  if (significant.length < 7) return undefined;
  // A landline is also written without its area code, and sometimes without its extension.
  const forms = new Set([significant]);
  if (significant.startsWith('0')) {
    for (const areaLength of [3, 4]) {
      for (const localLength of [7, 8]) {
        const local = significant.slice(areaLength, areaLength + localLength);
        if (local.length === localLength && /^[2-9]/.test(local)) forms.add(local);
      }
    }
  }
  return new RegExp(
    [...forms]
      .sort((a, b) => b.length - a.length)
      .map((form) => `(?<![\\dA-Za-z])${[...form].map(literal).join(GAP)}(?![\\dA-Za-z])`)
      .join('|'),
    'gi',
  );
}

function literal(char: string): string {
  return char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
