/**
 * Exact money. Amounts arrive as 元 numbers with at most two decimals and
 * become integer 分 before any arithmetic: 24.67万元 + 17.13万元 summed in
 * floats is 41.800000000000004万元, in 分 it is exactly 41.8万元.
 */

/** 1元 = 100分. */
export const FEN_PER_YUAN = 100;

/**
 * Largest amount in 元 one field takes: 一万亿元 (10^12). Up to about 4.4×10^12
 * a double tells every two-decimal amount from every amount with a third
 * decimal, so below this bound the two-decimal rule is exact.
 */
export const MAX_AMOUNT_YUAN = 1e12;

/**
 * The amount as integer 分, or undefined when it is not an amount of at most
 * two decimals: the one rule the schema and every conversion apply. A value
 * passes when it is exactly the number a two-decimal figure is read as
 * ("4500.5" → 4500.5), at any magnitude; float noise (0.1 + 0.2 =
 * 0.30000000000000004) and a third decimal (6000000000000.125) do not.
 *
 * @example fenOf(375.5) → 37550
 * @example fenOf(0.1 + 0.2) === undefined → true
 */
export function fenOf(yuan: number): number | undefined {
  if (!Number.isFinite(yuan)) return undefined;
  const near = Math.round(yuan * FEN_PER_YUAN);
  // Past 2^46 分 the product itself may be off by one 分: the neighbours are the candidates too.
  for (const fen of [near, near - 1, near + 1]) {
    if (Number.isSafeInteger(fen) && fen / FEN_PER_YUAN === yuan) return fen || 0; // never -0
  }
  return undefined;
}

/**
 * An amount in 元 as integer 分, by the rule of {@link fenOf}.
 *
 * @throws {RangeError} for NaN, ±Infinity, a third decimal or float noise,
 *   or an amount beyond Number.MAX_SAFE_INTEGER 分
 * @example toFen(4500) → 450000
 * @example toFen(375.5) → 37550
 * @example toFen(1.234) → throws RangeError
 * @example toFen(0.1 + 0.2) → throws RangeError
 */
export function toFen(yuan: number): number {
  if (!Number.isFinite(yuan)) {
    throw new RangeError(`toFen: expected a finite amount in 元, received ${yuan}`);
  }
  if (!Number.isSafeInteger(Math.round(yuan * FEN_PER_YUAN))) {
    throw new RangeError(`toFen: ${yuan}元 is too large to count exactly in 分`);
  }
  const fen = fenOf(yuan);
  if (fen === undefined) throw new RangeError(`toFen: ${yuan}元 has more than 2 decimals`);
  return fen;
}

/**
 * An amount in 分 as exact 元, every 分 shown, no float noise and no unit
 * change: what a warning that compares two amounts prints.
 *
 * @example yuanText(30) → "0.3元"
 * @example yuanText(123456789) → "1234567.89元"
 */
export function yuanText(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const cents = abs % FEN_PER_YUAN;
  const whole = (abs - cents) / FEN_PER_YUAN;
  return `${sign}${whole}${cents ? `.${String(cents).padStart(2, '0').replace(/0$/, '')}` : ''}元`;
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
