import { describe, expect, it } from 'vitest';
import { formatDate, formatMonth, formatYear, isWithinYear } from './date';

describe('formatDate', () => {
  it('writes a date in full without zero padding', () => {
    expect(formatDate('2026-11-29')).toBe('2026年11月29日');
    expect(formatDate('2026-03-05')).toBe('2026年3月5日');
  });

  it('reads a Date in local time', () => {
    expect(formatDate(new Date(2026, 0, 1))).toBe('2026年1月1日');
  });

  it('throws RangeError for an invalid date', () => {
    expect(() => formatDate('2026-13-01')).toThrow(RangeError);
    expect(() => formatDate('not a date')).toThrow(RangeError);
    expect(() => formatDate(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('formatMonth', () => {
  it('writes a month with its year without zero padding', () => {
    expect(formatMonth('2026-03')).toBe('2026年3月');
    expect(formatMonth('2026-12-31')).toBe('2026年12月');
  });
});

describe('formatYear', () => {
  it('writes the year in full', () => {
    expect(formatYear(2026)).toBe('2026年');
    expect(formatYear('2025-09-01')).toBe('2025年');
  });

  it('throws RangeError for a year that is not a positive integer', () => {
    expect(() => formatYear(26.5)).toThrow(RangeError);
    expect(() => formatYear(0)).toThrow(RangeError);
  });
});

describe('isWithinYear', () => {
  it('tells whether a date falls in the given year', () => {
    expect(isWithinYear('2026-01-01', 2026)).toBe(true);
    expect(isWithinYear('2026-12-31', 2026)).toBe(true);
    expect(isWithinYear('2025-12-31', 2026)).toBe(false);
    expect(isWithinYear(new Date(2027, 0, 1), 2026)).toBe(false);
  });
});
