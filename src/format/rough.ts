import { formatFen } from './amount';
import { formatCount } from './count';
import { toFen } from './money';

/** How an estimate is qualified: 余, 多, 近, 约 (schema/enums.ts, APPROX_LABELS). */
export type ApproxWord = 'over' | 'more' | 'nearly' | 'about';

/** A figure as the schema parses it: exact, or an estimate with its qualifier. */
export interface RoughValue {
  value: number;
  approx?: ApproxWord;
}

/**
 * A count that may be an estimate, worded as offices write it: 余 and 多
 * after the number, 近 and 约 before it. The value is printed as given (the
 * clerk's round figure), never rounded again.
 *
 * @throws {RangeError} when the value is not a non-negative integer
 * @example formatRoughCount({ value: 8000, approx: 'over' }, '份') → "8000余份"
 * @example formatRoughCount({ value: 40, approx: 'more' }, '名') → "40多名"
 * @example formatRoughCount({ value: 3000, approx: 'nearly' }, '人次') → "近3000人次"
 * @example formatRoughCount({ value: 1000, approx: 'about' }, '人') → "约1000人"
 * @example formatRoughCount({ value: 147 }, '人') → "147人"
 */
export function formatRoughCount(figure: RoughValue, unit: string): string {
  const exact = formatCount(figure.value, unit);
  return qualify(exact, figure.approx, exact.length - unit.length);
}

/**
 * An amount in 元 that may be an estimate: 余 between the word unit and 元
 * (930万余元); 多 after a number ending in 0 (930多万元) and after the word
 * unit otherwise (7亿多元, as Chinese puts 多 after a single digit's measure);
 * 近 and 约 before the number. The schema refuses 余 and 多 after a decimal.
 *
 * @throws {RangeError} for an amount {@link formatAmount} refuses
 * @example formatRoughAmount({ value: 9300000, approx: 'over' }) → "930万余元"
 * @example formatRoughAmount({ value: 9300000, approx: 'more' }) → "930多万元"
 * @example formatRoughAmount({ value: 700000000, approx: 'more' }) → "7亿多元"
 * @example formatRoughAmount({ value: 500000, approx: 'nearly' }) → "近50万元"
 * @example formatRoughAmount({ value: 2600000, approx: 'about' }) → "约260万元"
 * @example formatRoughAmount({ value: 4500 }) → "4500元"
 */
export function formatRoughAmount(figure: RoughValue): string {
  const exact = formatFen(toFen(figure.value));
  if (figure.approx === 'over') return exact.replace(/元$/, '余元');
  const digits = /^[\d.]+/.exec(exact)![0];
  if (figure.approx === 'more' && !digits.endsWith('0') && /^\d+[万亿]元$/.test(exact)) return exact.replace(/元$/, '多元');
  return qualify(exact, figure.approx, digits.length);
}

/** `text` with the qualifier put after its leading `digits` characters (余, 多) or before them (近, 约). */
function qualify(text: string, approx: ApproxWord | undefined, digits: number): string {
  switch (approx) {
    case undefined:
      return text;
    case 'over':
      return `${text.slice(0, digits)}余${text.slice(digits)}`;
    case 'more':
      return `${text.slice(0, digits)}多${text.slice(digits)}`;
    case 'nearly':
      return `近${text}`;
    case 'about':
      return `约${text}`;
  }
}
