import { describe, expect, it } from 'vitest';
import type { HeadingLevel } from '../model';
import { headingNumber } from './heading';

describe('headingNumber', () => {
  it('numbers level 1 with Chinese numerals and 顿号', () => {
    expect([1, 2, 3, 10, 11, 20].map((n) => headingNumber(1, n))).toEqual([
      '一、', '二、', '三、', '十、', '十一、', '二十、',
    ]);
  });

  it('numbers level 2 with Chinese numerals in full-width brackets', () => {
    expect(headingNumber(2, 1)).toBe('（一）');
    expect(headingNumber(2, 12)).toBe('（十二）');
  });

  it('numbers level 3 with an Arabic number and a half-width period', () => {
    expect(headingNumber(3, 1)).toBe('1.');
    expect(headingNumber(3, 12)).toBe('12.');
  });

  it('numbers level 4 with an Arabic number in full-width brackets', () => {
    expect(headingNumber(4, 1)).toBe('（1）');
  });

  it('throws RangeError for a bad level or number', () => {
    expect(() => headingNumber(5 as HeadingLevel, 1)).toThrow(RangeError);
    expect(() => headingNumber(1, 0)).toThrow(RangeError);
    expect(() => headingNumber(3, 1.5)).toThrow(RangeError);
  });
});
