import { plainDecimal } from './fixed';

/**
 * The one joiner for ranges of numbers: the wave dash ～ (U+FF5E), which
 * GB/T 15834-2011 §4.13 gives for numeric ranges and GB/T 15835 uses in
 * "15%～30%". Every range in a document uses it.
 */
export const RANGE_JOINER = '～';

function checkOrder(a: number, b: number, operation: string): void {
  if (a > b) throw new RangeError(`${operation}: the range ${a}–${b} runs backwards`);
}

/**
 * A range of numbers sharing one unit, written once at the end. Values keep
 * at most two decimals. Where the unit would be ambiguous on the first
 * number (%, 万, 亿) use formatPercentRange or write both units.
 *
 * @throws {RangeError} when a value is negative or not finite, or a > b
 * @example formatRange(5, 10, '户') → "5～10户"
 * @example formatRange(1.5, 2, '小时') → "1.5～2小时"
 * @example formatRange(5, 10, '户', '至') → "5至10户"
 */
export function formatRange(a: number, b: number, unit: string, joiner: string = RANGE_JOINER): string {
  checkOrder(a, b, 'formatRange');
  return `${plainDecimal(a, 'formatRange')}${joiner}${plainDecimal(b, 'formatRange')}${unit}`;
}

/**
 * A range of percentages, given in percent (15 means 15%). The % sign is
 * kept on both ends (GB/T 15835): "15～30%" would read as 15 and 30%.
 *
 * @throws {RangeError} when a value is negative or not finite, or a > b
 * @example formatPercentRange(15, 30) → "15%～30%"
 * @example formatPercentRange(2.5, 7.25) → "2.5%～7.25%"
 */
export function formatPercentRange(a: number, b: number): string {
  checkOrder(a, b, 'formatPercentRange');
  return `${plainDecimal(a, 'formatPercentRange')}%${RANGE_JOINER}${plainDecimal(b, 'formatPercentRange')}%`;
}
