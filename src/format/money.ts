/**
 * Exact money. Amounts arrive as 元 numbers with at most two decimals and
 * become integer 分 before any arithmetic: 24.67万元 + 17.13万元 summed in
 * floats is 41.800000000000004万元, in 分 it is exactly 41.8万元.
 */

/** 1元 = 100分. */
export const FEN_PER_YUAN = 100;

/**
 * An amount in 元 as integer 分. Float noise from earlier arithmetic
 * (0.1 + 0.2) is tolerated; a real third decimal is not.
 *
 * @throws {RangeError} for NaN, ±Infinity, a third decimal, or an amount
 *   beyond Number.MAX_SAFE_INTEGER 分
 * @example toFen(4500) → 450000
 * @example toFen(375.5) → 37550
 * @example toFen(0.1 + 0.2) → 30
 * @example toFen(1.234) → throws RangeError
 */
export function toFen(yuan: number): number {
  if (!Number.isFinite(yuan)) {
    throw new RangeError(`toFen: expected a finite amount in 元, received ${yuan}`);
  }
  const scaled = yuan * FEN_PER_YUAN;
  const fen = Math.round(scaled);
  // Noise grows with magnitude: allow a few ulps of the scaled value.
  const noise = 1e-6 + Math.abs(scaled) * Number.EPSILON * 4;
  if (Math.abs(scaled - fen) > noise) {
    throw new RangeError(`toFen: ${yuan}元 has more than 2 decimals`);
  }
  if (!Number.isSafeInteger(fen)) {
    throw new RangeError(`toFen: ${yuan}元 is too large to count exactly in 分`);
  }
  return fen || 0; // never -0
}

/**
 * The exact sum of amounts in 元, added as integer 分.
 *
 * @throws {RangeError} when any value fails {@link toFen} or the total is
 *   not a safe integer in 分
 * @example sumYuan([246700, 171300]) → 418000
 * @example sumYuan([0.1, 0.2]) → 0.3
 * @example sumYuan([]) → 0
 */
export function sumYuan(values: readonly number[]): number {
  let fen = 0;
  for (const value of values) fen += toFen(value);
  if (!Number.isSafeInteger(fen)) {
    throw new RangeError('sumYuan: the total is too large to count exactly in 分');
  }
  return fen / FEN_PER_YUAN || 0;
}
