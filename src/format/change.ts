import { formatFen } from './amount';
import { assertCount } from './fixed';
import { toFen } from './money';
import { formatPercent } from './percent';

/**
 * "增加…（增长…%）" from a signed difference already formatted; the rate is
 * left out when there is no base (previous 0) or it rounds to 0%.
 */
function describe(diff: number, previous: number, printed: string): string {
  if (diff === 0) return '持平';
  const up = diff > 0;
  const head = `${up ? '增加' : '减少'}${printed}`;
  if (previous === 0) return head;
  const rate = formatPercent(Math.abs(diff), previous);
  if (rate === '0%') return head;
  return `${head}（${up ? '增长' : '下降'}${rate}）`;
}

/**
 * A year-over-year change of a count, with its rate against the previous
 * year. Full-width brackets; "持平" when equal; no rate when previous is 0.
 *
 * @throws {RangeError} when either count is not a non-negative integer
 * @example formatChange(153, 141, '人') → "增加12人（增长8.51%）"
 * @example formatChange(117, 120, '所') → "减少3所（下降2.5%）"
 * @example formatChange(5, 5, '期') → "持平"
 * @example formatChange(4, 0, '期') → "增加4期"
 */
export function formatChange(current: number, previous: number, unit: string): string {
  assertCount(current, 'formatChange');
  assertCount(previous, 'formatChange');
  const diff = current - previous;
  return describe(diff, previous, `${Math.abs(diff)}${unit}`);
}

/**
 * A year-over-year change of an amount in 元, computed in integer 分 and
 * printed as formatAmount does.
 *
 * @throws {RangeError} when either amount is negative or fails toFen
 * @example formatAmountChange(416242.1, 386842.1) → "增加2.94万元（增长7.6%）"
 * @example formatAmountChange(4000, 4500) → "减少500元（下降11.11%）"
 * @example formatAmountChange(4500, 4500) → "持平"
 */
export function formatAmountChange(current: number, previous: number): string {
  const now = toFen(current);
  const before = toFen(previous);
  if (now < 0 || before < 0) {
    throw new RangeError(`formatAmountChange: expected non-negative amounts, received ${current}元 and ${previous}元`);
  }
  const diff = now - before;
  return describe(diff, before, formatFen(Math.abs(diff)));
}
