import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fenOf, sumYuan, toFen, yuanText } from './money';

describe('toFen', () => {
  it('converts 元 to integer 分', () => {
    expect(toFen(4500)).toBe(450000);
    expect(toFen(375.5)).toBe(37550);
    expect(toFen(0.01)).toBe(1);
    expect(toFen(-12.34)).toBe(-1234);
  });

  it('takes every two-decimal amount exactly, up to 2^53 分', () => {
    expect(toFen(123456789012.34)).toBe(12345678901234);
    expect(toFen(999_999_999_999.99)).toBe(99_999_999_999_999);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (fen) => {
        // fen / 100 is how a figure with two decimals reads; the 分 come back, give or take
        // where a double no longer holds every 分 (above 2^46 分).
        expect(Math.abs(toFen(fen / 100) - fen)).toBeLessThanOrEqual(fen > 2 ** 46 ? 1 : 0);
      }),
      { numRuns: 2000 },
    );
  });

  it('is one exact rule: float noise and a third decimal fail at every magnitude', () => {
    // Earlier, noise was tolerated in proportion to the size, so a third decimal passed when large.
    for (const value of [0.1 + 0.2, 1.1 + 2.2, 0.001, 1.005, 6000000000000.125, 1000000000000.001, 999_999_999_999.995, 4_398_046_511_103.999]) {
      expect(fenOf(value), String(value)).toBeUndefined();
      expect(() => toFen(value), String(value)).toThrow(RangeError);
    }
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e14 }), fc.integer({ min: 1, max: 9 }), (fen, thousandth) => {
        // A third decimal, at any magnitude up to 一万亿元.
        const value = Number(`${(fen - (fen % 100)) / 100}.${String(fen % 100).padStart(2, '0')}${thousandth}`);
        expect(fenOf(value)).toBeUndefined();
      }),
      { numRuns: 2000 },
    );
  });

  it('never returns negative zero', () => {
    expect(Object.is(toFen(-0), 0)).toBe(true);
  });

  it('throws RangeError for NaN, Infinity and a third decimal', () => {
    expect(() => toFen(Number.NaN)).toThrow(RangeError);
    expect(() => toFen(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => toFen(1.234)).toThrow(RangeError);
    expect(() => toFen(1.005)).toThrow(RangeError);
    expect(() => toFen(0.001)).toThrow(/more than 2 decimals/);
  });

  it('throws RangeError beyond safe integer 分', () => {
    expect(() => toFen(1e15)).toThrow(RangeError);
  });
});

describe('yuanText', () => {
  it('prints 分 as exact 元, no float noise', () => {
    expect(yuanText(30)).toBe('0.3元');
    expect(yuanText(1)).toBe('0.01元');
    expect(yuanText(450000)).toBe('4500元');
    expect(yuanText(123456789)).toBe('1234567.89元');
    expect(yuanText(100_000_000_000_000)).toBe('1000000000000元');
  });
});

describe('sumYuan', () => {
  it('sums 24.67万元 and 17.13万元 to exactly 41.8万元', () => {
    expect(sumYuan([246700, 171300])).toBe(418000);
    expect(sumYuan([24.67, 17.13])).toBe(41.8);
  });

  it('avoids the float trap of adding 万元 directly', () => {
    expect(41.1 + 0.7).not.toBe(41.8);
    expect(sumYuan([41.1, 0.7])).toBe(41.8);
    expect(sumYuan([0.1, 0.2])).toBe(0.3);
  });

  it('sums an empty list to 0', () => {
    expect(sumYuan([])).toBe(0);
  });

  it('equals the integer sum of 分 for any amounts', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1e10 }), { maxLength: 50 }), (fens) => {
        const total = fens.reduce((a, b) => a + b, 0);
        expect(toFen(sumYuan(fens.map((f) => f / 100)))).toBe(total);
      }),
    );
  });

  it('throws RangeError when any value has a third decimal', () => {
    expect(() => sumYuan([1, 2.345])).toThrow(RangeError);
  });
});
