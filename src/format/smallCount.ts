import { assertCount } from './fixed';
import { chineseNumeral } from './numeral';

/**
 * A small count in Chinese numerals, for running prose where style wants
 * words: "全镇三所学校", "两名教师". Counts from 1 to 10 become words (2 is 两
 * before a measure word, 二 alone); 0 and counts above 10 stay Arabic.
 *
 * Templates use it for counts of schools, classes or persons written inside
 * a sentence, where the count is at most 10. Statistics, tables, amounts,
 * percentages and any count that is compared or summed use formatCount.
 *
 * @throws {RangeError} when `n` is not a non-negative integer
 * @example smallCount(3, '所') → "三所"
 * @example smallCount(2, '名') → "两名"
 * @example smallCount(10) → "十"
 * @example smallCount(12, '所') → "12所"
 */
export function smallCount(n: number, measure = ''): string {
  assertCount(n, 'smallCount');
  if (n < 1 || n > 10) return `${n}${measure}`;
  const words = n === 2 && measure !== '' ? '两' : chineseNumeral(n);
  return `${words}${measure}`;
}
