import { floorDiv, roundDiv, trimmedDecimal } from './fixed';
import { toFen } from './money';

/** The units an amount prints in (GB/T 15835: 万, 亿 and 万亿 as word units). */
export type AmountUnit = '元' | '万元' | '亿元' | '万亿元';

export interface FormatAmountOptions {
  /**
   * Print a round figure with 余: the value is cut down to an integer in
   * its unit and 余 added when something was cut ("930万余元"). An exact
   * integer gets no 余. No 余 ever follows a decimal, and 约 is never added.
   */
  approx?: boolean;
  /** Force a unit (table columns): rounding and approx apply in that unit. */
  unit?: AmountUnit;
}

const FEN_PER: Record<AmountUnit, number> = {
  元: 100,
  万元: 1_000_000,
  亿元: 10_000_000_000,
  万亿元: 100_000_000_000_000,
};

/** The next unit up, where rounding to two decimals reaches 10000 of this one. */
const NEXT: Partial<Record<AmountUnit, AmountUnit>> = { 万元: '亿元', 亿元: '万亿元' };

/** The unit chosen by size: below 1万 元, below 1亿 万元, below 1万亿 亿元, else 万亿元. */
function unitFor(fen: number): AmountUnit {
  if (fen >= FEN_PER.万亿元) return '万亿元';
  if (fen >= FEN_PER.亿元) return '亿元';
  if (fen >= FEN_PER.万元) return '万元';
  return '元';
}

/** "930" + 万元 + 余 → "930万余元": 余 sits between the word unit and 元. */
function withUnit(number: string, unit: AmountUnit, suffix = ''): string {
  return `${number}${unit.slice(0, -1)}${suffix}元`;
}

/**
 * An amount given in integer 分, printed as {@link formatAmount} does.
 * Used where the 分 are already at hand (year-over-year differences).
 *
 * @throws {RangeError} when `fen` is not a non-negative safe integer
 * @example formatFen(2940000) → "2.94万元"
 * @example formatFen(450000) → "4500元"
 */
export function formatFen(fen: number, options: FormatAmountOptions = {}): string {
  if (!Number.isSafeInteger(fen) || fen < 0) {
    throw new RangeError(`formatAmount: expected a non-negative amount, received ${fen}分`);
  }
  if (fen === 0) return '0元';
  let unit = options.unit ?? unitFor(fen);
  const perUnit = FEN_PER[unit];
  if (options.approx) {
    const whole = floorDiv(fen, perUnit);
    // Below 1 in the unit there is no round figure to speak of: print exactly.
    if (whole > 0) return withUnit(String(whole), unit, fen % perUnit === 0 ? '' : '余');
  }
  let hundredths = roundDiv(fen, perUnit / 100);
  // 99999999.99元 rounds to 10000万元: say 1亿元 instead (and 10000亿元 is 1万亿元).
  const next = NEXT[unit];
  if (!options.unit && next && hundredths >= 1_000_000) {
    unit = next;
    hundredths = roundDiv(fen, FEN_PER[next] / 100);
  }
  return withUnit(trimmedDecimal(hundredths, 2), unit);
}

/**
 * An amount in 元 as printed in a summary (GB/T 15835): below 10000 in 元,
 * from 10000 in 万元, from 1亿 in 亿元, from 1万亿 in 万亿元; at most two decimals, rounded
 * half-up on integer 分, trailing zeros dropped.
 *
 * @throws {RangeError} for a negative amount (print differences with
 *   formatAmountChange) and for anything {@link toFen} rejects
 * @example formatAmount(4500) → "4500元"
 * @example formatAmount(375.5) → "375.5元"
 * @example formatAmount(29400) → "2.94万元"
 * @example formatAmount(418000) → "41.8万元"
 * @example formatAmount(4500000) → "450万元"
 * @example formatAmount(12345) → "1.23万元"; formatAmount(12355) → "1.24万元"
 * @example formatAmount(120000000) → "1.2亿元"
 * @example formatAmount(1e12) → "1万亿元"
 * @example formatAmount(9306000, { approx: true }) → "930万余元"
 * @example formatAmount(4500000, { approx: true }) → "450万元"
 * @example formatAmount(4500, { unit: '万元' }) → "0.45万元"
 * @example formatAmount(0) → "0元"
 */
export function formatAmount(yuan: number, options: FormatAmountOptions = {}): string {
  return formatFen(toFen(yuan), options);
}
