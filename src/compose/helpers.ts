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

export const HELPERS: Record<string, (...args: unknown[]) => unknown> = {
  /** {{amount 418000}} → 41.8万元 */
  amount: plain((yuan: number) => f.formatAmount(yuan)),
  /** {{amountApprox 9306000}} → 930万余元 */
  amountApprox: plain((yuan: number) => f.formatAmount(yuan, { approx: true })),
  /** {{count 147 "人"}} → 147人 */
  count: plain((n: number, unit: string) => f.formatCount(n, unit)),
  /** {{countApprox 8046 "份"}} → 8000余份 */
  countApprox: plain((n: number, unit: string) => f.formatCount(n, unit, { approx: true })),
  /** {{roughCount r "份"}} → 8000余份 ({ value, approx } from a rough field) */
  roughCount: plain((r: f.RoughValue, unit: string) => f.formatRoughCount(r, unit)),
  /** {{roughAmount r}} → 930多万元 */
  roughAmount: plain((r: f.RoughValue) => f.formatRoughAmount(r)),
  /** {{small 3 "所"}} → 三所; 12 → 12所 */
  small: plain((n: number, measure: string) => f.smallCount(n, measure)),
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
    const [items, last] = args.filter((a) => !isOptions(a)) as [string[], string | undefined];
    return f.joinList(items ?? [], last ? { last } : {});
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
