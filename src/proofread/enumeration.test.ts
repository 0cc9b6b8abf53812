import { describe, expect, it } from 'vitest';
import { termsForYear } from '../compose/terms.js';
import { enumeration } from './enumeration.js';

const context = { year: 2025, period: 'year' as const, terms: termsForYear(2025), field: 'measures' };
const check = (text: string) => enumeration(text, context);

describe('enumeration', () => {
  it.each([
    ['1、摸清底数。\n2、落实政策。\n3。跟踪帮扶，帮助学生提高成绩。'],
    ['一是摸清底数。2。落实政策到人。'],
    ['三。强化宣传引导'],
  ])('finds an item number closed with 。 in “%s”', (text) => {
    const [finding] = check(text);
    expect(finding?.code).toBe('enumeration_mark');
    expect(finding?.zh).toContain('序号后用了句号，应为“、”');
  });

  it.each(['受助学生共计3。', '义务教育阶段班级数为2。学前班级2个。', '1、摸清底数。\n2.落实政策。', '2025年。全县'])('leaves “%s” alone', (text) => {
    expect(check(text)).toEqual([]);
  });
});
