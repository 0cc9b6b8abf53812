import { describe, expect, it } from 'vitest';
import { termsForYear } from '../compose/terms.js';
import { garbled } from './garbled.js';

const context = { year: 2025, period: 'year' as const, terms: termsForYear(2025), field: 'highlights' };
const check = (text: string) => garbled(text, context);

describe('garbled', () => {
  it.each(['每户掌握1?2门实用技术。', '资助\uFFFD\uFFFD学生。'])('finds the lost character in “%s”', (text) => {
    const [finding] = check(text);
    expect(finding?.code).toBe('character_lost');
  });

  it.each(['每户掌握1～2门实用技术。', '为什么?', 'x?y'])('leaves “%s” alone', (text) => {
    expect(check(text)).toEqual([]);
  });
});
