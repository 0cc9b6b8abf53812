// Subpath imports: the date-fns root pulls in every function (0.4 s of start-up).
import { format } from 'date-fns/format';
import { getYear } from 'date-fns/getYear';
import { isValid } from 'date-fns/isValid';
import { parseISO } from 'date-fns/parseISO';

/**
 * A date as an ISO string ("2026-11-29", read as a local calendar date) or
 * a Date (read in local time). Prefer strings: `new Date('2026-11-29')` is
 * UTC midnight, which is still the 28th west of Greenwich.
 */
export type DateInput = string | Date;

function toDate(input: DateInput, operation: string): Date {
  const date = typeof input === 'string' ? parseISO(input) : input;
  if (!isValid(date)) {
    throw new RangeError(`${operation}: invalid date ${String(input)}`);
  }
  return date;
}

/**
 * A date in full, Arabic digits without zero padding (GB/T 15835), as in
 * a 落款.
 *
 * @throws {RangeError} for an invalid date
 * @example formatDate('2026-11-29') → "2026年11月29日"
 * @example formatDate('2026-03-05') → "2026年3月5日"
 */
export function formatDate(input: DateInput): string {
  return format(toDate(input, 'formatDate'), 'yyyy年M月d日');
}

/**
 * A month with its year, no zero padding.
 *
 * @throws {RangeError} for an invalid date
 * @example formatMonth('2026-03') → "2026年3月"
 * @example formatMonth('2026-03-15') → "2026年3月"
 */
export function formatMonth(input: DateInput): string {
  return format(toDate(input, 'formatMonth'), 'yyyy年M月');
}

/**
 * A year in full, never abbreviated ("26年" is wrong).
 *
 * @throws {RangeError} for a year that is not a positive integer, or an
 *   invalid date
 * @example formatYear(2026) → "2026年"
 * @example formatYear('2026-11-29') → "2026年"
 */
export function formatYear(input: number | DateInput): string {
  if (typeof input !== 'number') return `${getYear(toDate(input, 'formatYear'))}年`;
  if (!Number.isSafeInteger(input) || input < 1) {
    throw new RangeError(`formatYear: expected a positive integer year, received ${input}`);
  }
  return `${input}年`;
}

/**
 * Whether a date falls in the given calendar year (the report year).
 *
 * @throws {RangeError} for an invalid date
 * @example isWithinYear('2026-11-29', 2026) → true
 * @example isWithinYear('2025-12-31', 2026) → false
 */
export function isWithinYear(input: DateInput, year: number): boolean {
  return getYear(toDate(input, 'isWithinYear')) === year;
}
