import type { HelperOptions } from 'handlebars';
import * as f from '../format/index.js';

/**
 * The helpers templates may call. Each takes positional arguments and
 * Handlebars' options object last; the wrapper drops that object so optional
 * parameters of the format functions are not filled with it.
 */
function plain<A extends unknown[]>(fn: (...args: A) => unknown) {
  return (...args: unknown[]) => fn(...(args.slice(0, -1) as A));
}

function isOptions(x: unknown): x is HelperOptions {
  return typeof x === 'object' && x !== null && 'hash' in x && 'data' in x;
}

/** A measure word is required: {{count x}} would print "43577undefined". */
function unit(helper: string, value: unknown): string {
  if (typeof value !== 'string' || value === '') {
    throw new TypeError(`needs a unit, as in {{${helper} x "人"}}; received ${value === undefined ? 'none' : JSON.stringify(value)}`);
  }
  return value;
}

export const HELPERS: Record<string, (...args: unknown[]) => unknown> = {
  /** {{amount 418000}} → 41.8万元 */
  amount: plain((yuan: number) => f.formatAmount(yuan)),
  /** {{amountApprox 9306000}} → 930万余元 */
  amountApprox: plain((yuan: number) => f.formatAmount(yuan, { approx: true })),
  /** {{count 147 "人"}} → 147人 */
  count: plain((n: number, measure: unknown) => f.formatCount(n, unit('count', measure))),
  /** {{countApprox 8046 "份"}} → 8000余份 */
  countApprox: plain((n: number, measure: unknown) => f.formatCount(n, unit('countApprox', measure), { approx: true })),
  /** {{roughCount r "份"}} → 8000余份 ({ value, approx } from a rough field) */
  roughCount: plain((r: f.RoughValue & { approx?: f.ApproxWord | null }, measure: unknown) => f.formatRoughCount({ value: r.value, ...(r.approx ? { approx: r.approx } : {}) }, unit('roughCount', measure))),
  /** {{roughAmount r}} → 930多万元 */
  roughAmount: plain((r: f.RoughValue) => f.formatRoughAmount(r)),
  /** {{fen 4180000}} → 41.8万元: an amount in 分, as the view gives money */
  fen: plain((fen: number) => f.formatFen(fen)),
  /** {{roughFen r}} → 930多万元 ({ fen, approx } from the view) */
  roughFen: plain((r: { fen: number; approx: f.ApproxWord | null }) => f.formatRoughAmount({ value: r.fen / 100, ...(r.approx ? { approx: r.approx } : {}) })),
  /** {{roughQuantity r "册"}} → 7.3万册, 1万多平方米; unit 元 prints an amount */
  roughQuantity: plain((r: f.RoughValue & { approx?: f.ApproxWord | null }, measure: unknown) =>
    f.formatRoughQuantity({ value: r.value, ...(r.approx ? { approx: r.approx } : {}) }, unit('roughQuantity', measure)),
  ),
  /** {{roughPercent r}} → 98.16%, 30%多 */
  roughPercent: plain((r: f.RoughValue & { approx?: f.ApproxWord | null }) => f.formatRoughPercent({ value: r.value, ...(r.approx ? { approx: r.approx } : {}) })),
  /** {{either headings.plans "下一步工作打算"}} → the first that is given */
  either: (...args: unknown[]) => args.slice(0, -1).find((a) => a !== null && a !== undefined && a !== '' && a !== false) ?? '',
  /**
   * {{h depth}} → "##" for depth 2; {{h depth 1}} → "###": the heading mark
   * of a level relative to the section a partial is placed at.
   */
  h: plain((depth: number, plus?: number) => {
    const level = depth + (typeof plus === 'number' ? plus : 0);
    if (!Number.isInteger(level) || level < 1 || level > 4) throw new RangeError(`heading level ${level} is outside 1–4`);
    return '#'.repeat(level);
  }),
  /** {{roughSmall r "名"}} → 两名 for an exact 2, 近百名, 12名: a small exact count in words, as prose beside names wants */
  roughSmall: plain((r: f.RoughValue & { approx?: f.ApproxWord | null }, measure: unknown) => {
    const word = unit('roughSmall', measure);
    return !r.approx && r.value >= 1 && r.value <= 10 ? f.smallCount(r.value, word) : f.formatRoughCount({ value: r.value, ...(r.approx ? { approx: r.approx } : {}) }, word);
  }),
  /** {{small 3 "所"}} → 三所; 12 → 12所 */
  small: plain((n: number, measure: unknown) => f.smallCount(n, unit('small', measure))),
  /** {{percent 1016 1035}} → 98.16% */
  percent: plain((part: number, whole: number) => f.formatPercent(part, whole)),
  /** {{area 10051}} → 10051平方米 */
  area: plain((m2: number) => f.formatArea(m2)),
  /** {{date "2026-11-29"}} → 2026年11月29日 */
  date: plain((d: string) => f.formatDate(d)),
  /** {{yearText 2026}} → 2026年 */
  yearText: plain((y: number) => f.formatYear(y)),
  /** {{schoolYear 2025}} → 2025—2026学年 */
  schoolYear: plain((y: number) => f.formatSchoolYear(y)),
  /** {{list names}} → 甲、乙、丙; {{list names "和"}} → 甲、乙和丙 */
  list: (...args: unknown[]) => {
    const [items, last] = args.filter((a) => !isOptions(a)) as [unknown, string | undefined];
    // A text is not a list: joining its characters would take a user text apart.
    if (!Array.isArray(items)) throw new TypeError(`expects a list (such as supportTeaching.names), received ${typeof items === 'string' ? 'a text' : String(items)}`);
    return f.joinList(items as string[], last ? { last } : {});
  },
  /** {{numeral 11}} → 十一 */
  numeral: plain((n: number) => f.chineseNumeral(n)),
  eq: plain((a: unknown, b: unknown) => a === b),
  ne: plain((a: unknown, b: unknown) => a !== b),
  gt: plain((a: number, b: number) => a > b),
  not: plain((a: unknown) => !a),
  and: (...args: unknown[]) => args.slice(0, -1).every(Boolean),
  or: (...args: unknown[]) => args.slice(0, -1).some(Boolean),
};
