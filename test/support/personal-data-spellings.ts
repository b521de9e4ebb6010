import fc from 'fast-check';
import { idCheckCharacter } from '../../shared/domain/contact';
import { foldText } from '../../shared/domain/text-folding';

/**
 * The same phone, ID number, e-mail, name and address written the many ways people (and people
 * avoiding a filter) write them: full-width characters, country prefixes, every dash, space and
 * dot between digit groups, zero-width characters, odd groupings, ＠ and full-width stops,
 * traditional characters.
 */

const FULL_WIDTH_OFFSET = 0xfee0;
const fullWidth = (char: string) => String.fromCharCode(char.charCodeAt(0) + FULL_WIDTH_OFFSET);
const CHINESE_DIGITS = '〇一二三四五六七八九';

const SEPARATORS = [
  '',
  '',
  '',
  ' ',
  '-',
  '.',
  '—',
  '–',
  '‐',
  '－',
  '．',
  '\u3000',
  '\u00a0',
  '\u200b',
  '\u2060',
  '\ufeff',
];
const INVISIBLE = ['', '', '', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad'];

const digitSpelling = (digit: string) =>
  fc.constantFrom(digit, digit, fullWidth(digit), CHINESE_DIGITS[Number(digit)] ?? digit);

/** A digit string with every digit in some form and any separator (or none) between digits. */
function spelledDigits(digits: string) {
  return fc
    .tuple(
      ...[...digits].map((digit) =>
        fc.tuple(digitSpelling(digit), fc.constantFrom(...SEPARATORS)).map(([d, sep]) => d + sep),
      ),
    )
    .map((parts) => parts.join('').replace(/[\s\-—–‐－．.\u200b\u2060\ufeff]+$/u, ''));
}

export const mobileNumber = fc
  .tuple(fc.constantFrom('13', '15', '17', '18', '19'), fc.stringMatching(/^\d{9}$/))
  .map(([prefix, rest]) => prefix + rest);

export const mobileSpelling = (phone: string) =>
  fc
    .tuple(
      fc.constantFrom('', '', '+86', '+86 ', '0086', '0086-', '86-', '＋８６ ', '(+86)'),
      spelledDigits(phone),
    )
    .map(([country, digits]) => country + digits);

export const landlineNumber = fc
  .tuple(
    fc.constantFrom('010', '021', '0755', '0571'),
    fc.integer({ min: 2, max: 9 }),
    fc.stringMatching(/^\d{7}$/),
  )
  .map(([area, first, rest]) => `${area}-${first}${rest}`);

export const landlineSpelling = (phone: string) => {
  const [area = '', local = ''] = phone.split('-');
  return fc
    .tuple(
      fc.constantFrom('', '(', '（'),
      spelledDigits(area),
      fc.constantFrom('', ')', '）'),
      fc.constantFrom('', ' ', '-', '—', '\u200b'),
      spelledDigits(local),
      fc.constantFrom('', '', '转123', '-8', ' ext 12'),
    )
    .map(
      ([open, a, close, sep, l, extension]) =>
        `${open}${a}${open ? close || ')' : close && ''}${sep}${l}${extension}`,
    );
};

export const idNumber = fc
  .tuple(
    fc.stringMatching(/^[1-6]\d{5}$/),
    fc.date({ min: new Date('1940-01-01'), max: new Date('2010-12-31'), noInvalidDate: true }),
    fc.stringMatching(/^\d{3}$/),
  )
  .map(([region, birth, serial]) => {
    const first17 = `${region}${birth.toISOString().slice(0, 10).replaceAll('-', '')}${serial}`;
    return first17 + idCheckCharacter(first17);
  });

export const idSpelling = (id: string) =>
  fc
    .tuple(
      spelledDigits(id.slice(0, 17)),
      fc.constantFrom('', ' ', '-', '\u200b'),
      fc.constantFrom(id[17] ?? '', (id[17] ?? '').toLowerCase(), fullWidth(id[17] ?? '0')),
    )
    .map(([digits, sep, check]) => digits + sep + check);

export const emailAddress = fc
  .tuple(fc.stringMatching(/^[a-z][a-z0-9]{2,9}$/), fc.constantFrom('qq.com', '163.com', 'example.gov.cn'))
  .map(([user, domain]) => `${user}@${domain}`);

export const emailSpelling = (email: string) =>
  fc
    .tuple(
      fc.constantFrom('@', '＠', ' @ ', '(at)'),
      fc.constantFrom('.', '．', '。', ' . '),
      fc.boolean(),
      fc.boolean(),
    )
    .map(([at, dot, upper, wide]) => {
      const [user = '', domain = ''] = email.split('@');
      const spelled = `${user}${at}${domain.replaceAll('.', dot)}`;
      const cased = upper ? spelled.toUpperCase() : spelled;
      return wide ? [...cased].map((c) => (/[a-z0-9]/i.test(c) ? fullWidth(c) : c)).join('') : cased;
    });

/** Simplified characters with a distinct traditional form, so a name can be written either way. */
const SURNAMES: readonly [string, string][] = [
  ['张', '張'],
  ['陈', '陳'],
  ['刘', '劉'],
  ['黄', '黃'],
  ['赵', '趙'],
  ['吴', '吳'],
  ['郑', '鄭'],
];
const GIVEN: readonly [string, string][] = [
  ['伟', '偉'],
  ['华', '華'],
  ['丽', '麗'],
  ['红', '紅'],
  ['军', '軍'],
  ['东', '東'],
  ['兰', '蘭'],
];

export const personName = fc
  .tuple(fc.constantFrom(...SURNAMES), fc.array(fc.constantFrom(...GIVEN), { minLength: 1, maxLength: 2 }))
  .map(([surname, given]) => [surname, ...given]);

/** Pairs of [simplified, traditional]: the name as given, and a spelling of it. */
export const nameSpelling = (chars: readonly [string, string][]) =>
  fc
    .tuple(
      ...chars.map(([simple, traditional]) =>
        fc
          .tuple(fc.constantFrom(simple, traditional), fc.constantFrom(...INVISIBLE, ' ', '\u3000'))
          .map(([c, sep]) => c + sep),
      ),
    )
    .map((parts) => parts.join('').trim());

export const simplifiedName = (chars: readonly [string, string][]) =>
  chars.map(([simple]) => simple).join('');

export const addressNumber = fc.integer({ min: 1, max: 299 }).map(String);
export const address = (houseNumber: string) => `幸福路${houseNumber}号`;
export const addressSpelling = (houseNumber: string) =>
  fc
    .tuple(
      fc.constantFrom('幸福路', '幸福路 ', '幸\u200b福路'),
      spelledDigits(houseNumber),
      fc.constantFrom('号', '號', ' 号', ' 號'),
    )
    .map(
      ([street, digits, suffix]) =>
        street + digits.replace(/[一二三四五六七八九〇]/g, (c) => String(CHINESE_DIGITS.indexOf(c))) + suffix,
    );

const hanzi = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((code) => String.fromCharCode(code));
/** Chinese prose with the punctuation, dates and amounts letters really contain. */
export const prose = fc
  .array(
    fc.oneof(
      hanzi,
      hanzi,
      hanzi,
      fc.constantFrom('，', '。', '、', '：', '2026年11月21日', '5000元', '第3号楼'),
    ),
    {
      maxLength: 30,
    },
  )
  .map((parts) => parts.join(''));

/** Every string inside a view, however deep. */
export function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value === null || typeof value !== 'object') return [];
  return Object.values(value).flatMap(stringsOf);
}

const withoutGaps = (text: string) =>
  foldText(text, 'identifiers')
    .text.replace(/[ .\-/()]/g, '')
    .toLowerCase();

/** What of a secret is still readable in a text, folded the way a reader folds it; [] when nothing. */
export function readableSecrets(
  text: string,
  secrets: {
    phones?: readonly string[];
    ids?: readonly string[];
    emails?: readonly string[];
    words?: readonly string[];
  },
): string[] {
  const digitsView = withoutGaps(text);
  const wordsView = foldText(text, 'words').text;
  const digitsOf = (value: string) => value.replace(/\D/g, '');
  return [
    ...(secrets.phones ?? []).filter((phone) => {
      const local = phone.includes('-') ? (phone.split('-')[1] ?? '') : digitsOf(phone);
      return digitsView.includes(local);
    }),
    ...(secrets.ids ?? []).filter((id) => digitsView.includes(id.slice(0, 17))),
    ...(secrets.emails ?? []).filter((email) => digitsView.includes(withoutGaps(email))),
    ...(secrets.words ?? []).filter((word) => wordsView.includes(foldText(word, 'words').text)),
  ];
}
