
export interface FormatPercentOptions {
  /** Decimals kept, 0 to 2 (default 2); trailing zeros are dropped anyway. */
  digits?: number;
}

function checkDigits(digits: number, operation: string): void {
  if (!Number.isInteger(digits) || digits < 0 || digits > 2) {
    throw new RangeError(`${operation}: digits must be 0, 1 or 2, received ${digits}`);
  }
}

function nearInteger(x: number): boolean {
  return Number.isSafeInteger(Math.round(x)) && Math.abs(x - Math.round(x)) <= 1e-9 * Math.max(1, Math.abs(x));
}

/**
 * Both numbers as integers over one power of ten, when they have at most
 * six decimals (counts, 元 amounts); then the rate is rounded exactly.
 */
function asIntegers(a: number, b: number): [bigint, bigint] | undefined {
  for (let scale = 1; scale <= 1e6; scale *= 10) {
    const x = a * scale;
    const y = b * scale;
    if (nearInteger(x) && nearInteger(y)) return [BigInt(Math.round(x)), BigInt(Math.round(y))];
  }
  return undefined;
}

/** part/whole in 10^-digits percent units, rounded half-up; a bigint, so a huge rate keeps its digits. */
function percentUnits(part: number, whole: number, digits: number): bigint {
  const exact = asIntegers(part, whole);
  if (exact) {
    const [p, w] = exact;
    const numerator = p * 10n ** BigInt(digits + 2);
    return (2n * numerator + w) / (2n * w);
  }
  // Irrational-looking inputs: clear float noise, then round half-up.
  return BigInt(Math.round(Number(((part / whole) * 10 ** (digits + 2)).toPrecision(15))));
}

/** Units of 10^-digits as a decimal, trailing zeros dropped (trimmedDecimal, for any size). */
function trimmedUnits(units: bigint, digits: number): string {
  const scale = 10n ** BigInt(digits);
  const fraction = units % scale;
  if (fraction === 0n) return String(units / scale);
  return `${units / scale}.${String(fraction).padStart(digits, '0').replace(/0+$/, '')}`;
}

/**
 * A rate computed from its parts, e.g. coverage = aided / eligible, with at
 * most two decimals, rounded half-up, trailing zeros dropped.
 *
 * @example formatPercent(704729151761.54, 0.14) → "503377965543957.14%"
 * @throws {RangeError} when `whole` is 0 or negative, `part` is negative,
 *   either is not finite, or `digits` is not 0–2 (the caller decides what
 *   a rate over nothing means)
 * @example formatPercent(1016, 1035) → "98.16%"
 * @example formatPercent(407, 500) → "81.4%"
 * @example formatPercent(35, 35) → "100%"
 * @example formatPercent(1, 3, { digits: 0 }) → "33%"
 */
export function formatPercent(part: number, whole: number, options: FormatPercentOptions = {}): string {
  const { digits = 2 } = options;
  checkDigits(digits, 'formatPercent');
  if (!Number.isFinite(part) || !Number.isFinite(whole) || part < 0 || whole <= 0) {
    throw new RangeError(`formatPercent: expected part ≥ 0 and whole > 0, received ${part}/${whole}`);
  }
  return `${trimmedUnits(percentUnits(part, whole, digits), digits)}%`;
}

/**
 * A fraction already computed (0.9816) as a percentage, same rules as
 * {@link formatPercent}.
 *
 * @throws {RangeError} when `value` is negative or not finite
 * @example formatRatio(0.9816) → "98.16%"
 * @example formatRatio(0.814) → "81.4%"
 * @example formatRatio(1) → "100%"
 * @example formatRatio(0.076, { digits: 0 }) → "8%"
 */
export function formatRatio(value: number, options: FormatPercentOptions = {}): string {
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`formatRatio: expected a non-negative fraction, received ${value}`);
  }
  return formatPercent(value, 1, options);
}
