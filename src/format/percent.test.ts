import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPercent, formatRatio } from './percent';

describe('formatPercent', () => {
  it('computes a rate from its parts with at most two decimals', () => {
    expect(formatPercent(1016, 1035)).toBe('98.16%');
    expect(formatPercent(407, 500)).toBe('81.4%');
    expect(formatPercent(35, 35)).toBe('100%');
    expect(formatPercent(0, 35)).toBe('0%');
  });

  it('rounds half-up exactly, even where floats would not', () => {
    expect(formatPercent(19631, 20000)).toBe('98.16%'); // 98.155%
    expect(formatPercent(1, 8, { digits: 0 })).toBe('13%'); // 12.5%
    expect(formatPercent(24.67, 41.8)).toBe('59.02%'); // 元 amounts
  });

  it('keeps fewer digits when asked', () => {
    expect(formatPercent(1, 3, { digits: 0 })).toBe('33%');
    expect(formatPercent(1, 3, { digits: 1 })).toBe('33.3%');
  });

  it('throws RangeError for a zero whole, negative parts and bad digits', () => {
    expect(() => formatPercent(1, 0)).toThrow(RangeError);
    expect(() => formatPercent(-1, 5)).toThrow(RangeError);
    expect(() => formatPercent(1, Number.NaN)).toThrow(RangeError);
    expect(() => formatPercent(1, 3, { digits: 3 })).toThrow(RangeError);
  });

  it('never prints more than two decimals, NaN or undefined', () => {
    fc.assert(
      fc.property(fc.nat(1e9), fc.integer({ min: 1, max: 1e9 }), (part, whole) => {
        expect(formatPercent(part, whole)).toMatch(/^\d+(\.\d{1,2})?%$/);
      }),
    );
  });

  it('agrees with the rate to within half of the last digit', () => {
    fc.assert(
      fc.property(fc.nat(1e6), fc.integer({ min: 1, max: 1e6 }), (part, whole) => {
        const printed = Number(formatPercent(part, whole).slice(0, -1));
        expect(Math.abs(printed - (part / whole) * 100)).toBeLessThanOrEqual(0.005 + 1e-9);
      }),
    );
  });
});

describe('formatRatio', () => {
  it('prints an already computed fraction as a percentage', () => {
    expect(formatRatio(0.9816)).toBe('98.16%');
    expect(formatRatio(0.814)).toBe('81.4%');
    expect(formatRatio(1)).toBe('100%');
    expect(formatRatio(1 / 3)).toBe('33.33%');
  });

  it('throws RangeError for negative or non-finite fractions', () => {
    expect(() => formatRatio(-0.1)).toThrow(RangeError);
    expect(() => formatRatio(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});
