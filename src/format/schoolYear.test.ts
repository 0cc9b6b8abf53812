import { describe, expect, it } from 'vitest';
import { type Semester, formatSchoolYear, semesterName } from './schoolYear';

describe('formatSchoolYear', () => {
  it('joins the two years with one em dash', () => {
    const text = formatSchoolYear(2025);
    expect(text).toBe('2025—2026学年');
    expect([...text].filter((c) => c === '\u2014')).toHaveLength(1);
  });

  it('throws RangeError for a year that is not a positive integer', () => {
    expect(() => formatSchoolYear(2025.5)).toThrow(RangeError);
  });
});

describe('semesterName', () => {
  it('names the spring and autumn semesters', () => {
    expect(semesterName('spring')).toBe('春季学期');
    expect(semesterName('autumn')).toBe('秋季学期');
  });

  it('throws RangeError for any other value', () => {
    expect(() => semesterName('summer' as Semester)).toThrow(RangeError);
    expect(() => semesterName('toString' as Semester)).toThrow(RangeError);
  });
});
