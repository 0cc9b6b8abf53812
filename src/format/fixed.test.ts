import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { floorDiv, roundDiv, trimmedDecimal } from './fixed';

describe('roundDiv', () => {
  it('rounds halves up', () => {
    expect(roundDiv(12345, 10)).toBe(1235);
    expect(roundDiv(12344, 10)).toBe(1234);
    expect(roundDiv(5, 10)).toBe(1);
    expect(roundDiv(7, 1)).toBe(7);
  });

  it('matches exact BigInt rounding on large integers', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.constantFrom(1, 100, 10_000, 1e8), (v, d) => {
        const exact = (2n * BigInt(v) + BigInt(d)) / (2n * BigInt(d));
        expect(BigInt(roundDiv(v, d))).toBe(exact);
        expect(BigInt(floorDiv(v, d))).toBe(BigInt(v) / BigInt(d));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('trimmedDecimal', () => {
  it('drops trailing zeros', () => {
    expect(trimmedDecimal(4180, 2)).toBe('41.8');
    expect(trimmedDecimal(45000, 2)).toBe('450');
    expect(trimmedDecimal(5, 2)).toBe('0.05');
    expect(trimmedDecimal(7, 0)).toBe('7');
  });
});
