import { z } from 'zod';
import { approxSchema, type Approx } from './enums.js';

/**
 * A figure that may be an estimate. Offices often have only a round figure
 * (8000余份, 930多万元, 近3000人次); entering it as exact would print a false
 * precision, and dropping the 余 would change what the office states. So a
 * field that takes a rough figure accepts either a plain number (exact) or
 * `{ value, approx }`, and always parses to `{ value, approx? }`.
 *
 * @example rough(count('份'), '发放材料').parse(8000) //=> { value: 8000 }
 * @example rough(count('份'), '发放材料').parse({ value: 8000, approx: 'over' }) //=> { value: 8000, approx: 'over' }
 */
export interface Rough {
  value: number;
  approx?: Approx;
}

/**
 * 余 and 多 say “more than this round figure”, so they follow a whole number
 * in the unit the figure prints in (8000余份, 930万余元, 1万多平方米), never a
 * decimal (“110.53万余元”, “5200.5多平方米” are wrong, domain.md): such an
 * estimate is refused, with 约 or a round value as the way out.
 */
function wholeBeforeApprox(unitOf: (value: number) => number, printsIn: 'amount' | 'number') {
  return (v: Rough, ctx: z.RefinementCtx) => {
    if ((v.approx === 'over' || v.approx === 'more') && v.value % unitOf(v.value) !== 0) {
      ctx.addIssue({ code: 'custom', path: ['value'], input: v.value, params: { zongjie: 'approx_decimal', approx: v.approx, printsIn }, message: 'approx after a decimal' });
    }
  };
}

export const rough = (base: z.ZodType<number, number>, description: string) =>
  roughOf(base, description).superRefine(wholeBeforeApprox(() => 1, 'number'));

function roughOf(base: z.ZodType<number, number>, description: string) {
  return z
    .union([
      base,
      z
        .strictObject({
          value: base,
          approx: approxSchema,
        })
        .describe('约数：{ "value": 8000, "approx": "over" } 印为“8000余”'),
    ])
    .transform((v): Rough => (typeof v === 'number' ? { value: v } : v))
    .describe(`${description}；只有约数时写作 { "value": 数值, "approx": "over|more|nearly|about" }（余、多、近、约）`);
}

/** The size an amount in 元 prints in, as formatAmount chooses it: 元, 万元 or 亿元. */
function unitOf(yuan: number): number {
  return yuan >= 1e8 ? 1e8 : yuan >= 1e4 ? 1e4 : 1;
}

/** An amount that may be an estimate: 余 and 多 only after a value whole in 元, 万元 or 亿元 as it prints (930万余元). */
export const roughAmount = (base: z.ZodType<number, number>, description: string) => roughOf(base, description).superRefine(wholeBeforeApprox(unitOf, 'amount'));
