import type { HeadingLevel } from '../model';
import { chineseNumeral } from './numeral';

/**
 * The number of a heading with its punctuation, as GB/T 9704 §7.3.3 orders
 * the levels: "一、", "（一）", "1.", "（1）". Brackets are full-width （）;
 * level 3 takes a half-width period right after the Arabic number ("1."),
 * as printed in official documents; the heading text follows directly.
 *
 * @throws {RangeError} when `level` is not 1–4 or `n` not a positive integer
 * @example headingNumber(1, 1) → "一、"
 * @example headingNumber(1, 11) → "十一、"
 * @example headingNumber(2, 1) → "（一）"
 * @example headingNumber(3, 1) → "1."
 * @example headingNumber(4, 1) → "（1）"
 */
export function headingNumber(level: HeadingLevel, n: number): string {
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new RangeError(`headingNumber: expected a positive integer, received ${n}`);
  }
  switch (level) {
    case 1:
      return `${chineseNumeral(n)}、`;
    case 2:
      return `（${chineseNumeral(n)}）`;
    case 3:
      return `${n}.`;
    case 4:
      return `（${n}）`;
    default:
      throw new RangeError(`headingNumber: level must be 1 to 4, received ${String(level)}`);
  }
}
