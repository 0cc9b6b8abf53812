import { formatFen } from './amount';
import { formatCount } from './count';
import { assertCount, plainDecimal, trimmedDecimal } from './fixed';
import { toFen } from './money';

/** How an estimate is qualified: 余, 多, 近, 约 (schema/enums.ts, APPROX_LABELS). */
export type ApproxWord = 'over' | 'more' | 'nearly' | 'about';

/** A figure as the schema parses it: exact, or an estimate with its qualifier. */
export interface RoughValue {
  value: number;
  approx?: ApproxWord;
}

/** 近百, 近千, 近万: a round hundred, thousand or ten thousand nearly reached is said in words (GB/T 15835 概数). */
const ROUND_WORDS: Record<number, string> = { 100: '百', 1000: '千', 10_000: '万' };

/**
 * A count that may be an estimate, worded as offices write it: 余 and 多
 * after the number, 近 and 约 before it; 近百名 for nearly a hundred; a round
 * figure from 1万 in 万 (1万多平方米, 12万余人, 约2.5万人). The value is
 * printed as given (the clerk's round figure), never rounded again.
 *
 * @throws {RangeError} when the value is not a non-negative integer
 * @example formatRoughCount({ value: 8000, approx: 'over' }, '份') → "8000余份"
 * @example formatRoughCount({ value: 40, approx: 'more' }, '名') → "40多名"
 * @example formatRoughCount({ value: 3000, approx: 'nearly' }, '人次') → "近3000人次"
 * @example formatRoughCount({ value: 100, approx: 'nearly' }, '名') → "近百名"
 * @example formatRoughCount({ value: 1000, approx: 'about' }, '人') → "约1000人"
 * @example formatRoughCount({ value: 10000, approx: 'more' }, '平方米') → "1万多平方米"
 * @example formatRoughCount({ value: 25000, approx: 'about' }, '人') → "约2.5万人"
 * @example formatRoughCount({ value: 147 }, '人') → "147人"
 */
export function formatRoughCount(figure: RoughValue, unit: string): string {
  assertCount(figure.value, 'formatRoughCount');
  if (figure.approx === 'nearly' && ROUND_WORDS[figure.value]) return `近${ROUND_WORDS[figure.value]}${unit}`;
  if (figure.approx) {
    const wan = inWan(figure.value, figure.approx);
    if (wan) return qualify(`${wan}万${unit}`, figure.approx, wan.length + 1);
  }
  const exact = formatCount(figure.value, unit);
  return qualify(exact, figure.approx, exact.length - unit.length);
}

/**
 * A round figure from 1万 in 万, as offices write estimates: whole 万 before
 * 余 and 多 (“5.1万多” is wrong), up to two decimals of 万 after 近 and 约.
 */
function inWan(value: number, approx: ApproxWord): string | undefined {
  if (value < 10_000) return undefined;
  if (approx === 'over' || approx === 'more') return value % 10_000 === 0 ? String(value / 10_000) : undefined;
  return Number.isInteger(value / 100) ? trimmedDecimal(value / 100, 2) : undefined;
}

/**
 * A quantity in a unit the user names (册, 件, 平方米, 个), as the seeds
 * write results: from 1万, a figure whole in hundreds prints in 万 with at
 * most two decimals (73000册 → 7.3万册); anything else as given, with at most
 * two decimals. An amount (unit 元) prints as {@link formatFen} does.
 *
 * @throws {RangeError} when the value is negative or not finite
 * @example formatQuantity(73000, '册') → "7.3万册"
 * @example formatQuantity(92500, '件') → "9.25万件"
 * @example formatQuantity(10051, '平方米') → "10051平方米"
 * @example formatQuantity(89, '个') → "89个"
 * @example formatQuantity(9300000, '元') → "930万元"
 */
export function formatQuantity(value: number, unit: string): string {
  if (unit === '元') return formatFen(toFen(value));
  const printed = plainDecimal(value, 'formatQuantity');
  if (value >= 10_000 && Number.isInteger(value / 100)) return `${trimmedDecimal(value / 100, 2)}万${unit}`;
  return `${printed}${unit}`;
}

/**
 * A quantity that may be an estimate: {@link formatQuantity} qualified as
 * {@link formatRoughCount} qualifies a count (1万多平方米, 近百个, 约7.3万册).
 *
 * @throws {RangeError} when the value is negative or not finite
 * @example formatRoughQuantity({ value: 10000, approx: 'more' }, '平方米') → "1万多平方米"
 * @example formatRoughQuantity({ value: 700000000, approx: 'more' }, '元') → "7亿多元"
 * @example formatRoughQuantity({ value: 5200.5 }, '平方米') → "5200.5平方米"
 */
export function formatRoughQuantity(figure: RoughValue, unit: string): string {
  if (unit === '元') return formatRoughAmount(figure);
  if (figure.approx && Number.isInteger(figure.value)) return formatRoughCount(figure, unit);
  const exact = formatQuantity(figure.value, unit);
  return qualify(exact, figure.approx, exact.length - unit.length);
}

/**
 * A percentage the office states (not computed here), with at most two
 * decimals: 多 after the sign as the seeds write it (30%多), 以上 for 余,
 * 近 and 约 before.
 *
 * @throws {RangeError} when the value is negative or not finite
 * @example formatRoughPercent({ value: 98.16 }) → "98.16%"
 * @example formatRoughPercent({ value: 30, approx: 'more' }) → "30%多"
 * @example formatRoughPercent({ value: 70, approx: 'over' }) → "70%以上"
 * @example formatRoughPercent({ value: 100, approx: 'nearly' }) → "近100%"
 */
export function formatRoughPercent(figure: RoughValue): string {
  const exact = `${plainDecimal(figure.value, 'formatRoughPercent')}%`;
  switch (figure.approx) {
    case 'over':
      return `${exact}以上`;
    case 'more':
      return `${exact}多`;
    default:
      return qualify(exact, figure.approx, exact.length);
  }
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
  if (figure.approx === 'more' && !digits.endsWith('0') && /^\d+(?:万亿|万|亿)元$/.test(exact)) return exact.replace(/元$/, '多元');
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
