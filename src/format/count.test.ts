import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCount } from './count';

describe('formatCount', () => {
  it('prints a count with its measure word', () => {
    expect(formatCount(147, '人')).toBe('147人');
    expect(formatCount(771, '人次')).toBe('771人次');
    expect(formatCount(3, '所')).toBe('3所');
    expect(formatCount(12, '期')).toBe('12期');
    expect(formatCount(10051, '平方米')).toBe('10051平方米');
    expect(formatCount(0, '人')).toBe('0人');
  });

  it('writes large counts in Arabic digits without separators', () => {
    expect(formatCount(58426, '人')).toBe('58426人');
    expect(formatCount(123456, '人')).toBe('123456人');
  });

  it('prints counts from 10万 in 万 when asked', () => {
    expect(formatCount(123456, '人', { wan: true })).toBe('12.35万人');
    expect(formatCount(100000, '人', { wan: true })).toBe('10万人');
    expect(formatCount(99999, '人', { wan: true })).toBe('99999人');
    expect(formatCount(99999999, '人', { wan: true })).toBe('1亿人');
    expect(formatCount(123456789, '人', { wan: true })).toBe('1.23亿人');
  });

  it('prints a round figure with 余 when the count was cut down', () => {
    expect(formatCount(8046, '份', { approx: true })).toBe('8000余份');
    expect(formatCount(8346, '份', { approx: true })).toBe('8300余份');
    expect(formatCount(8346, '份', { approx: true, significant: 1 })).toBe('8000余份');
    expect(formatCount(147, '人', { approx: true })).toBe('140余人');
    expect(formatCount(47, '名', { approx: true })).toBe('40余名');
    expect(formatCount(123456, '人', { wan: true, approx: true })).toBe('12万余人');
  });

  it('adds no 余 to a count that is already round or below 10', () => {
    expect(formatCount(8000, '份', { approx: true })).toBe('8000份');
    expect(formatCount(40, '名', { approx: true })).toBe('40名');
    expect(formatCount(7, '名', { approx: true })).toBe('7名');
    expect(formatCount(200000, '人', { wan: true, approx: true })).toBe('20万人');
  });

  it('throws RangeError for negative or fractional counts', () => {
    expect(() => formatCount(-1, '人')).toThrow(RangeError);
    expect(() => formatCount(1.5, '人')).toThrow(RangeError);
    expect(() => formatCount(Number.NaN, '人')).toThrow(RangeError);
    expect(() => formatCount(10, '人', { approx: true, significant: 0 })).toThrow(RangeError);
  });

  it('never overstates a count with 余', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), (n) => {
        const text = formatCount(n, '人', { approx: true });
        const round = Number(/^\d+/.exec(text)![0]);
        expect(round).toBeLessThanOrEqual(n);
        expect(text.includes('余')).toBe(round < n);
      }),
    );
  });
});
