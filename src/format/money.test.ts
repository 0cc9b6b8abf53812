import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sumYuan, toFen } from './money';

describe('toFen', () => {
  it('converts 元 to integer 分', () => {
    expect(toFen(4500)).toBe(450000);
    expect(toFen(375.5)).toBe(37550);
    expect(toFen(0.01)).toBe(1);
    expect(toFen(-12.34)).toBe(-1234);
  });

  it('tolerates float noise from earlier arithmetic', () => {
    expect(toFen(0.1 + 0.2)).toBe(30);
    expect(toFen(1.1 + 2.2)).toBe(330);
    expect(toFen(123456789012.34)).toBe(12345678901234);
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
