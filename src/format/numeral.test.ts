import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chineseNumeral } from './numeral';

const DIGIT: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const PLACE: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** Reads one group below 万: 零 is skipped, a bare 十 is ten. */
function parseGroup(text: string): number {
  let total = 0;
  let digit: number | undefined;
  for (const char of text) {
    if (char === '零') continue;
    if (char in DIGIT) digit = DIGIT[char];
    else if (char in PLACE) {
      total += (digit ?? 1) * PLACE[char]!;
      digit = undefined;
    } else throw new Error(`unexpected ${char} in ${text}`);
  }
  return total + (digit ?? 0);
}

/** An independent reader of Chinese numerals up to 万亿, for round trips. */
function parseNumeral(text: string): number {
  const yi = text.indexOf('亿');
  if (yi >= 0) return parseNumeral(text.slice(0, yi)) * 1e8 + (yi + 1 < text.length ? parseNumeral(text.slice(yi + 1)) : 0);
  const wan = text.indexOf('万');
  if (wan >= 0) return parseGroup(text.slice(0, wan)) * 1e4 + parseGroup(text.slice(wan + 1));
  return parseGroup(text);
}

describe('chineseNumeral', () => {
  it('writes the numbers headings use', () => {
    const cases: [number, string][] = [
      [1, '一'], [2, '二'], [10, '十'], [11, '十一'], [19, '十九'], [20, '二十'], [21, '二十一'],
      [100, '一百'], [101, '一百零一'], [110, '一百一十'], [111, '一百一十一'],
      [1000, '一千'], [1005, '一千零五'], [1010, '一千零一十'], [1100, '一千一百'],
      [10000, '一万'], [10010, '一万零一十'], [100000, '十万'], [110000, '十一万'],
      [10001000, '一千万一千'], [10000100, '一千万零一百'], [100000000, '一亿'],
      [100010000, '一亿零一万'], [1000000000000, '一万亿'],
    ];
    for (const [n, words] of cases) expect(chineseNumeral(n), String(n)).toBe(words);
  });

  it('round-trips 1 to 10000 through an independent reader', () => {
    for (let n = 1; n <= 10000; n++) expect(parseNumeral(chineseNumeral(n))).toBe(n);
  });

  it('round-trips large numbers through an independent reader', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), (n) => {
        expect(parseNumeral(chineseNumeral(n))).toBe(n);
      }),
      { numRuns: 2000 },
    );
  });

  it('never writes two 零 in a row nor ends with 零', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), (n) => {
        const words = chineseNumeral(n);
        expect(words).not.toContain('零零');
        expect(words.endsWith('零')).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('throws RangeError for 0, negatives and fractions', () => {
    expect(() => chineseNumeral(0)).toThrow(RangeError);
    expect(() => chineseNumeral(-1)).toThrow(RangeError);
    expect(() => chineseNumeral(1.5)).toThrow(RangeError);
  });
});
