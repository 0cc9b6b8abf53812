/**
 * Integer helpers shared by the formatters. Every printed decimal goes
 * through here so that rounding is one rule (half-up) applied to integers,
 * never to floats.
 *
 * Internal: not part of the public barrel.
 */

/** `value / divisor` rounded down, for non-negative safe integers. */
export function floorDiv(value: number, divisor: number): number {
  return (value - (value % divisor)) / divisor;
}

/**
 * `value / divisor` rounded half-up, for non-negative safe integers.
 * `%` is exact on integers, so no float division decides a digit.
 */
export function roundDiv(value: number, divisor: number): number {
  const rest = value % divisor;
  const quotient = (value - rest) / divisor;
  return rest * 2 >= divisor ? quotient + 1 : quotient;
}

/**
 * An integer count of 10^-digits units as a decimal, trailing zeros dropped.
 *
 * @example trimmedDecimal(4180, 2) → "41.8"
 * @example trimmedDecimal(45000, 2) → "450"
 * @example trimmedDecimal(5, 2) → "0.05"
 */
export function trimmedDecimal(units: number, digits: number): string {
  const scale = 10 ** digits;
  const whole = floorDiv(units, scale);
  const fraction = units % scale;
  if (fraction === 0) return String(whole);
  return `${whole}.${String(fraction).padStart(digits, '0').replace(/0+$/, '')}`;
}

/**
 * A non-negative measure (area, range end) printed with at most two
 * decimals, rounded half-up. Float noise is cleared before rounding
 * (1.005 is stored as 1.00499…, but prints "1.01").
 *
 * @throws {RangeError} when `value` is negative, NaN or infinite
 * @example plainDecimal(15000) → "15000"
 * @example plainDecimal(12.345) → "12.35"
 */
export function plainDecimal(value: number, operation: string): string {
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`${operation}: expected a finite non-negative number, received ${value}`);
  }
  const hundredths = Math.round(Number((value * 100).toPrecision(15)));
  if (!Number.isSafeInteger(hundredths)) {
    throw new RangeError(`${operation}: ${value} is too large to print exactly`);
  }
  return trimmedDecimal(hundredths, 2);
}

/**
 * Checks that `n` is a count: a non-negative safe integer.
 *
 * @throws {RangeError} naming the operation and the value
 */
export function assertCount(n: number, operation: string): void {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`${operation}: expected a non-negative integer count, received ${n}`);
  }
}
