import { ConverterFactory } from 'opencc-js/core';
import TSCharacters from 'opencc-js/dict/TSCharacters';

/**
 * Text as a reader takes it in, with a map back to the original: personal data must be found in
 * whatever spelling a person used (１３９…, 0086-139, 139.1234.5678, 張三, 张 三, a zero-width
 * space inside a number) and masked where it stands in the original text.
 *
 * - `identifiers`: for phone and ID numbers and e-mail addresses. Unicode compatibility forms
 *   (full-width digits and ＠), every dash as `-`, every space as ` `, every full stop or dot as
 *   `.`, Chinese digits (一三九, 幺) as digits; invisible characters dropped.
 * - `words`: for a name or an address. The same compatibility forms, traditional characters as
 *   simplified (OpenCC), lower case; spaces, dashes, dots and invisible characters dropped.
 */
export type FoldingMode = 'identifiers' | 'words';

export interface FoldedText {
  readonly text: string;
  /** For each UTF-16 unit of `text`: where its source starts and ends in the original. */
  readonly from: readonly number[];
  readonly to: readonly number[];
}

/** Format characters (zero-width space and joiners, BOM, soft hyphen, bidi marks). */
const INVISIBLE = /^(?:\p{Cf}|\u034f|[\u115f\u1160\u17b4\u17b5\u3164\uffa0])$/u;
const DASH = /^[\p{Pd}\u2212\u2796\u30fc\uff70\u2500\u2501\u23af\u02d7]$/u;
const SPACE = /^[\s\p{Zs}]$/u;
const DOT = /^[.\u3002\uff61\uff0e\u30fb\u00b7\u2022\u2219\u22c5\u2024\u0701\u0702]$/u;
const CHINESE_DIGITS: Readonly<Record<string, string>> = {
  〇: '0',
  零: '0',
  一: '1',
  幺: '1',
  二: '2',
  两: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
  壹: '1',
  贰: '2',
  叁: '3',
  肆: '4',
  伍: '5',
  陆: '6',
  柒: '7',
  捌: '8',
  玖: '9',
};

// Folding goes character by character, so OpenCC's character dictionary is all it needs: its
// phrase dictionaries (five times the size, and part of every function's cold start) never
// change a single character (checked for every CJK unified ideograph against the full t2cn
// converter). Building the converter parses the dictionary: done at the first text that needs it.
let converter: ((text: string) => string) | undefined;
const toSimplified = (text: string): string => {
  converter ??= ConverterFactory([TSCharacters]);
  return converter(text);
};

export function foldText(original: string, mode: FoldingMode): FoldedText {
  let text = '';
  const from: number[] = [];
  const to: number[] = [];
  let index = 0;
  for (const char of original) {
    const start = index;
    index += char.length;
    if (INVISIBLE.test(char)) continue;
    for (const part of char.normalize('NFKC')) {
      const folded = foldCharacter(part, mode);
      for (let unit = 0; unit < folded.length; unit += 1) {
        from.push(start);
        to.push(index);
      }
      text += folded;
    }
  }
  return { text: mode === 'words' ? simplified(text) : text, from, to };
}

function foldCharacter(char: string, mode: FoldingMode): string {
  if (INVISIBLE.test(char)) return '';
  const separator = SPACE.test(char) ? ' ' : DASH.test(char) ? '-' : DOT.test(char) ? '.' : undefined;
  if (mode === 'words') return separator !== undefined || char === '_' ? '' : char.toLowerCase();
  return separator ?? CHINESE_DIGITS[char] ?? char;
}

/**
 * Traditional to simplified character by character (never by phrase): a name must fold the same
 * alone and inside a sentence, and nothing may move. Characters whose conversion would change
 * the length stay as they are.
 */
const simplifiedCharacters = new Map<string, string>();
function simplified(text: string): string {
  let result = '';
  for (const char of text) {
    let converted = simplifiedCharacters.get(char);
    if (converted === undefined) {
      const candidate = toSimplified(char);
      converted = candidate.length === char.length ? candidate : char;
      simplifiedCharacters.set(char, converted);
    }
    result += converted;
  }
  return result;
}

/** The original span behind folded positions [start, end). */
export function originalSpan(folded: FoldedText, start: number, end: number): { start: number; end: number } {
  return { start: folded.from[start] ?? 0, end: folded.to[end - 1] ?? 0 };
}
