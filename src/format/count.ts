import { assertCount, floorDiv, roundDiv, trimmedDecimal } from './fixed';

export interface FormatCountOptions {
  /**
   * Print a round figure with 余 ("8000余份"). Rule: keep the leading
   * `significant` digits (default 2), cut the rest to zeros, and add 余 only
   * if something was cut. Counts below 10 stay exact; from 10 the step is at
   * least 10 (47 → "40余"). A count that is already round gets no 余
   * (8000 → "8000份"). 约 is never added.
   */
  approx?: boolean;
  /** Leading digits kept by `approx`; default 2 (8346 → "8300余"). */
  significant?: number;
  /**
   * From 10万 print in 万 (and from 1亿 in 亿) with at most two decimals,
   * rounded half-up: 123456 → "12.35万人". Without it counts stay whole
   * Arabic numbers at any size.
   */
  wan?: boolean;
}

const WAN = 10_000;
const YI = 100_000_000;

function approxStep(n: number, significant: number): number {
  if (n < 10) return 1;
  return 10 ** Math.max(1, String(n).length - significant);
}

function inWan(n: number, unit: string, approx: boolean): string {
  let [word, scale] = n >= YI ? ['亿', YI] as const : ['万', WAN] as const;
  if (approx) {
    return `${floorDiv(n, scale)}${word}${n % scale === 0 ? '' : '余'}${unit}`;
  }
  let hundredths = roundDiv(n, scale / 100);
  // 99999999 rounds to 10000万: say 1亿 instead.
  if (word === '万' && hundredths >= 1_000_000) {
    [word, scale] = ['亿', YI];
    hundredths = roundDiv(n, scale / 100);
  }
  return `${trimmedDecimal(hundredths, 2)}${word}${unit}`;
}

/**
 * A count with its measure word, in half-width Arabic digits without
 * thousands separators (office style; GB/T 15835 allows none).
 *
 * @throws {RangeError} when `n` is not a non-negative integer, or
 *   `significant` is not a positive integer
 * @example formatCount(147, '人') → "147人"
 * @example formatCount(771, '人次') → "771人次"
 * @example formatCount(10051, '平方米') → "10051平方米"
 * @example formatCount(58426, '人') → "58426人"
 * @example formatCount(8046, '份', { approx: true }) → "8000余份"
 * @example formatCount(8000, '份', { approx: true }) → "8000份"
 * @example formatCount(123456, '人') → "123456人"
 * @example formatCount(123456, '人', { wan: true }) → "12.35万人"
 * @example formatCount(123456, '人', { wan: true, approx: true }) → "12万余人"
 */
export function formatCount(n: number, unit: string, options: FormatCountOptions = {}): string {
  assertCount(n, 'formatCount');
  const { approx = false, significant = 2, wan = false } = options;
  if (!Number.isInteger(significant) || significant < 1) {
    throw new RangeError(`formatCount: significant must be a positive integer, received ${significant}`);
  }
  if (wan && n >= 10 * WAN) return inWan(n, unit, approx);
  if (!approx) return `${n}${unit}`;
  const step = approxStep(n, significant);
  const round = floorDiv(n, step) * step;
  return `${round}${round < n ? '余' : ''}${unit}`;
}
