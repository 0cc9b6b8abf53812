import { describe, expect, it } from 'vitest';
import { termsForYear } from '../compose/terms.js';
import { percent } from './percent.js';

const context = { year: 2025, period: 'year' as const, terms: termsForYear(2025), field: 'highlights' };
const check = (text: string) => percent(text, context);

describe('percent', () => {
  it.each(['适龄儿童入学率达到100，巩固率稳步提高。', '毕业生就业率达到了85。', '残疾儿童入学率为92.5以上。', '巩固率提高了3。'])('finds the rate without its unit in “%s”', (text) => {
    const [finding] = check(text);
    expect(finding?.code).toBe('percent_missing');
    expect(finding?.zh).toContain('比率后缺少“%”');
  });

  it.each(['适龄儿童入学率达到100%。', '巩固率达98.16%以上。', '资助覆盖率提高了3个百分点。', '出勤率保持在99％。', '就业率提高到原来的2倍。', '小升初比例为1:1。'])('leaves “%s” alone', (text) => {
    expect(check(text)).toEqual([]);
  });
});
