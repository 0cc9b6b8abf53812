import { describe, expect, it } from 'vitest';
import { RANGE_JOINER, formatPercentRange, formatRange } from './range';

describe('formatRange', () => {
  it('joins two numbers with the one range joiner and the unit once', () => {
    expect(RANGE_JOINER).toBe('\uFF5E');
    expect(formatRange(5, 10, '户')).toBe(`5${RANGE_JOINER}10户`);
    expect(formatRange(1.5, 2, '小时')).toBe('1.5～2小时');
  });

  it('takes another joiner when the caller passes one', () => {
    expect(formatRange(5, 10, '户', '至')).toBe('5至10户');
  });

  it('throws RangeError for a backwards or negative range', () => {
    expect(() => formatRange(10, 5, '户')).toThrow(RangeError);
    expect(() => formatRange(-1, 5, '户')).toThrow(RangeError);
    expect(() => formatRange(1, Number.NaN, '户')).toThrow(RangeError);
  });
});

describe('formatPercentRange', () => {
  it('keeps the % sign on both ends', () => {
    expect(formatPercentRange(15, 30)).toBe('15%～30%');
    expect(formatPercentRange(2.5, 7.25)).toBe('2.5%～7.25%');
  });

  it('throws RangeError for a backwards range', () => {
    expect(() => formatPercentRange(30, 15)).toThrow(RangeError);
  });
});
