import { describe, expect, it } from 'vitest';
import { termsForYear } from '../compose/terms.js';
import { doubled } from './doubled.js';

const context = { year: 2025, period: 'year' as const, terms: termsForYear(2025), field: 'problems' };
const check = (text: string) => doubled(text, context);

describe('doubled', () => {
  it.each(['资金已全部发放到位。。', '摸清底数，，建立台账。', '家访、、谈心', '加强宣传，。', '怎么办？？', '效果很好！！'])('finds the doubled mark in “%s”', (text) => {
    const [finding] = check(text);
    expect(finding?.code).toBe('doubled_punctuation');
    expect(finding?.zh).toContain('标点重复');
  });

  it.each(['他说：“资助到位了。”', '真的吗？！', '学生、家长和教师……', '现将有关情况总结如下：'])('leaves “%s” alone', (text) => {
    expect(check(text)).toEqual([]);
  });
});
