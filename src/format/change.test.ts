import { describe, expect, it } from 'vitest';
import { formatAmountChange, formatChange } from './change';

describe('formatChange', () => {
  it('describes an increase with its rate', () => {
    expect(formatChange(153, 141, '人')).toBe('增加12人（增长8.51%）');
  });

  it('describes a decrease with its rate', () => {
    expect(formatChange(117, 120, '所')).toBe('减少3所（下降2.5%）');
  });

  it('says 持平 when nothing changed', () => {
    expect(formatChange(5, 5, '期')).toBe('持平');
    expect(formatChange(0, 0, '期')).toBe('持平');
  });

  it('leaves out the rate when the previous year is 0', () => {
    expect(formatChange(4, 0, '期')).toBe('增加4期');
  });

  it('leaves out a rate that rounds to 0%', () => {
    expect(formatChange(1000001, 1000000, '人')).toBe('增加1人');
  });

  it('throws RangeError for non-count inputs', () => {
    expect(() => formatChange(-1, 3, '人')).toThrow(RangeError);
    expect(() => formatChange(1.5, 3, '人')).toThrow(RangeError);
  });
});

describe('formatAmountChange', () => {
  it('describes an amount change in 万元 with its rate', () => {
    expect(formatAmountChange(416242.1, 386842.1)).toBe('增加2.94万元（增长7.6%）');
  });

  it('computes the difference exactly in 分', () => {
    expect(formatAmountChange(418000, 246700)).toBe('增加17.13万元（增长69.44%）');
    expect(formatAmountChange(0.3, 0.1)).toBe('增加0.2元（增长200%）');
  });

  it('describes a decrease in 元', () => {
    expect(formatAmountChange(4000, 4500)).toBe('减少500元（下降11.11%）');
  });

  it('says 持平 and leaves out the rate from 0', () => {
    expect(formatAmountChange(4500, 4500)).toBe('持平');
    expect(formatAmountChange(4500, 0)).toBe('增加4500元');
  });

  it('throws RangeError for negative amounts', () => {
    expect(() => formatAmountChange(-1, 0)).toThrow(RangeError);
  });
});
