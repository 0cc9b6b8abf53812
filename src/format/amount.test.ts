import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatAmount, formatFen } from './amount';
import { sumYuan } from './money';

describe('formatAmount', () => {
  it('prints amounts below 10000 in 元 with up to two decimals', () => {
    expect(formatAmount(4500)).toBe('4500元');
    expect(formatAmount(375.5)).toBe('375.5元');
    expect(formatAmount(0.05)).toBe('0.05元');
    expect(formatAmount(9999.99)).toBe('9999.99元');
  });

  it('prints amounts from 10000 in 万元, trailing zeros dropped', () => {
    expect(formatAmount(10000)).toBe('1万元');
    expect(formatAmount(29400)).toBe('2.94万元');
    expect(formatAmount(418000)).toBe('41.8万元');
    expect(formatAmount(4500000)).toBe('450万元');
  });

  it('prints an exact sum of 246700元 and 171300元 as 41.8万元', () => {
    expect(formatAmount(sumYuan([246700, 171300]))).toBe('41.8万元');
  });

  it('prints amounts from 1亿 in 亿元', () => {
    expect(formatAmount(100000000)).toBe('1亿元');
    expect(formatAmount(120000000)).toBe('1.2亿元');
    expect(formatAmount(1234567890.12)).toBe('12.35亿元');
  });

  it('rounds half-up on 分 integers', () => {
    expect(formatAmount(12345)).toBe('1.23万元');
    expect(formatAmount(12349.99)).toBe('1.23万元');
    expect(formatAmount(12350)).toBe('1.24万元');
    expect(formatAmount(12355)).toBe('1.24万元');
  });

  it('prints amounts from 1万亿 in 万亿元, as Chinese writes them', () => {
    expect(formatAmount(1e12)).toBe('1万亿元');
    expect(formatAmount(1.5e12)).toBe('1.5万亿元');
    expect(formatAmount(999_999_999_999.99)).toBe('1万亿元'); // 10000亿元 after rounding
    expect(formatAmount(999_949_999_999.99)).toBe('9999.5亿元');
    expect(formatAmount(1.3e12, { approx: true })).toBe('1万亿余元');
    expect(formatAmount(1e12, { unit: '亿元' })).toBe('10000亿元');
  });

  it('moves to 亿元 when rounding reaches 10000万元', () => {
    expect(formatAmount(99999999.99)).toBe('1亿元');
    expect(formatAmount(99994999.99)).toBe('9999.5万元');
  });

  it('prints zero as 0元', () => {
    expect(formatAmount(0)).toBe('0元');
    expect(formatAmount(0, { approx: true })).toBe('0元');
  });

  it('adds 余 after a figure cut down to an integer in its unit', () => {
    expect(formatAmount(9306000, { approx: true })).toBe('930万余元');
    expect(formatAmount(1105300, { approx: true })).toBe('110万余元');
    expect(formatAmount(4500.5, { approx: true })).toBe('4500余元');
    expect(formatAmount(130000000, { approx: true })).toBe('1亿余元');
  });

  it('adds no 余 to an exact integer in its unit', () => {
    expect(formatAmount(4500000, { approx: true })).toBe('450万元');
    expect(formatAmount(4500, { approx: true })).toBe('4500元');
  });

  it('prints the exact amount when approx would cut it to 0', () => {
    expect(formatAmount(0.5, { approx: true })).toBe('0.5元');
    expect(formatAmount(4500, { unit: '万元', approx: true })).toBe('0.45万元');
  });

  it('honours a forced unit', () => {
    expect(formatAmount(4500, { unit: '万元' })).toBe('0.45万元');
    expect(formatAmount(29400, { unit: '元' })).toBe('29400元');
    expect(formatAmount(99999999.99, { unit: '万元' })).toBe('10000万元');
    expect(formatAmount(50000000, { unit: '亿元' })).toBe('0.5亿元');
  });

  it('throws RangeError for negative, NaN and three-decimal amounts', () => {
    expect(() => formatAmount(-1)).toThrow(RangeError);
    expect(() => formatAmount(Number.NaN)).toThrow(RangeError);
    expect(() => formatAmount(1.234)).toThrow(RangeError);
  });

  it('never prints more than two decimals, NaN or undefined', () => {
    const printed = /^\d+(\.\d{1,2})?(万|亿|万亿)?元$/;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (fen) => {
        expect(formatFen(fen)).toMatch(printed);
        expect(formatAmount(fen / 100)).toMatch(printed);
      }),
      { numRuns: 2000 },
    );
  });

  it('never puts 余 after a decimal', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e14 }), (fen) => {
        const text = formatFen(fen, { approx: true });
        expect(text).not.toMatch(/\.\d+[万亿]?余/);
        expect(text).not.toContain('约');
      }),
      { numRuns: 2000 },
    );
  });

  it('stays within half a unit of the last printed digit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e14 }), (fen) => {
        const match = /^([\d.]+)(万亿|万|亿)?元$/.exec(formatFen(fen))!;
        const perUnit = match[2] === '万亿' ? 1e14 : match[2] === '亿' ? 1e10 : match[2] === '万' ? 1e6 : 100;
        expect(Math.abs(Number(match[1]) * perUnit - fen)).toBeLessThanOrEqual(perUnit / 200 + 1e-3);
      }),
      { numRuns: 2000 },
    );
  });
});
