import { describe, expect, it } from 'vitest';
import { formatArea } from './area';

describe('formatArea', () => {
  it('writes square metres as 平方米 with at most two decimals', () => {
    expect(formatArea(15000)).toBe('15000平方米');
    expect(formatArea(326.456)).toBe('326.46平方米');
    expect(formatArea(1.005)).toBe('1.01平方米');
    expect(formatArea(0)).toBe('0平方米');
  });

  it('throws RangeError for negative or non-finite areas', () => {
    expect(() => formatArea(-1)).toThrow(RangeError);
    expect(() => formatArea(Number.NaN)).toThrow(RangeError);
  });
});
