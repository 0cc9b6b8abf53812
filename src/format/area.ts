import { plainDecimal } from './fixed';

/**
 * An area in square metres, written out as 平方米 (not m²) with at most
 * two decimals, rounded half-up, no thousands separators.
 *
 * @throws {RangeError} when `m2` is negative or not finite
 * @example formatArea(15000) → "15000平方米"
 * @example formatArea(10051) → "10051平方米"
 * @example formatArea(326.456) → "326.46平方米"
 */
export function formatArea(m2: number): string {
  return `${plainDecimal(m2, 'formatArea')}平方米`;
}
