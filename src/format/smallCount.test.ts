import { describe, expect, it } from 'vitest';
import { smallCount } from './smallCount';

describe('smallCount', () => {
  it('writes counts up to 10 in Chinese numerals', () => {
    expect(`${smallCount(3, '所')}学校`).toBe('三所学校');
    expect(smallCount(1, '名')).toBe('一名');
    expect(smallCount(10)).toBe('十');
    expect(smallCount(10, '人')).toBe('十人');
  });

  it('writes 两 for 2 before a measure word and 二 alone', () => {
    expect(smallCount(2, '名')).toBe('两名');
    expect(smallCount(2)).toBe('二');
  });

  it('keeps 0 and counts above 10 in Arabic digits', () => {
    expect(smallCount(12, '所')).toBe('12所');
    expect(smallCount(0, '所')).toBe('0所');
  });

  it('throws RangeError for non-counts', () => {
    expect(() => smallCount(-1)).toThrow(RangeError);
    expect(() => smallCount(2.5)).toThrow(RangeError);
  });
});
