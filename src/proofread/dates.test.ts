import { describe, expect, it } from 'vitest';
import { termsForYear } from '../compose/terms.js';
import type { ReportPeriod } from '../schema/enums.js';
import { dates } from './dates.js';

const check = (text: string, { year = 2025, period = 'year' as ReportPeriod, field = 'measures' } = {}) =>
  dates(text, { year, period, terms: termsForYear(year), field });

describe('dates', () => {
  it.each([
    ['2024年3月5日，召开全县资助工作推进会。'],
    ['会议于2024-03-05召开。'],
    ['2026/3/5完成核查。'],
    ['2023.12.20前上报名册。'],
    ['2026年2月1日起开展家访。'],
  ])('finds the date outside 2025 in “%s”', (text) => {
    const [finding] = check(text);
    expect(finding?.code).toBe('date_outside_year');
    expect(finding?.zh).toContain('日期不在报告期（2025年）内');
  });

  it.each([
    ['2025年2月30日召开会议。'],
    ['2月29日召开会议。'],
    ['2025-13-01召开会议。'],
  ])('finds the date that does not exist in “%s”', (text) => {
    const [finding] = check(text);
    expect(finding?.code).toBe('date_invalid');
  });

  it.each([
    ['2025年3月5日召开推进会，3月28日起组织教师听课。'],
    ['2025-12-20'],
    ['（落款）2026年1月8日'],
    ['2018年以来，累计投入资金1.2亿元；2024年9月起实施新标准。'],
    ['全县1169人，2033人；版本3.5.1。'],
    ['第2025-03-05号文件'.replace('2025', '20')],
  ])('leaves “%s” alone in a 2025 report', (text) => {
    expect(check(text)).toEqual([]);
  });

  it('lets plans look ahead, but not back', () => {
    expect(check('2026年3月1日前完成食堂改造。', { field: 'plans' })).toEqual([]);
    expect(check('2024年3月1日前完成食堂改造。', { field: 'plans' })).toEqual([expect.objectContaining({ code: 'date_outside_year' })]);
  });

  it('reads a school year as both of its calendar years', () => {
    expect(check('2026年5月12日开展资助宣传。', { period: 'schoolYear' })).toEqual([]);
    expect(check('2029年5月12日开展资助宣传。', { period: 'schoolYear' })[0]?.zh).toContain('日期不在报告期（2025—2026学年）内');
    // 2月29日 with the year implied falls in 2026 (no leap year) for the 2025—2026 school year.
    expect(check('2月29日开展资助宣传。', { period: 'schoolYear', year: 2023 })).toEqual([]);
  });
});
