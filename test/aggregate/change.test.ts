/**
 * Year over year: last year's aggregate gives previousYear for the headline
 * figures, under the rules of docs/aggregate.md, and the county's draft says
 * 较上年增加/减少 N（增长x%）.
 */
import { describe, expect, it } from 'vitest';
import { aggregateStats, composeReport, formatAmountChange, formatChange, renderMarkdown, type AggregateOptions, type YearlyStatsInput } from '../../src/index.js';

const ORG = { name: '云溪县教育局', kind: 'bureau' as const };
const nutrition = (students: number, amount: number) => ({ stage: 'primary' as const, programme: 'nutrition' as const, period: 'spring' as const, students, amount });
const school = (year: number, name: string, rest: Partial<YearlyStatsInput> = {}): YearlyStatsInput => ({ year, organisation: { name, kind: 'school' }, ...rest });

const lastYear = (rest: Partial<YearlyStatsInput> = {}) =>
  aggregateStats(
    [
      school(2024, '甲小学', { aid: [nutrition(100, 50000)], trainings: [{ audience: 'parents', sessions: 1, participants: 40 }], ...rest }),
      school(2024, '乙小学', { aid: [nutrition(41, 20500)] }),
    ],
    { organisation: ORG, year: 2024 },
  ).stats;

const thisYear = (previous: unknown, rest: Partial<YearlyStatsInput> = {}, options: Partial<AggregateOptions> = {}) =>
  aggregateStats(
    [
      school(2025, '甲小学', { aid: [nutrition(110, 55000)], trainings: [{ audience: 'parents', sessions: 2, participants: 30 }], ...rest }),
      school(2025, '乙小学', { aid: [nutrition(43, 21500)] }),
    ],
    { organisation: ORG, year: 2025, previous, previousSource: '2024/', ...options },
  );

describe('year over year', () => {
  it('takes last year from its aggregate and words the changes', () => {
    const { stats, changes, warnings } = thisYear(lastYear());
    expect(stats.previousYear).toEqual({ aidStudents: 141, aidAmount: 70500, trainingParticipants: 40 });
    expect(changes.map((c) => c.text)).toEqual([`资助学生较上年${formatChange(153, 141, '人次')}`, `资助金额较上年${formatAmountChange(76500, 70500)}`, `培训人次较上年${formatChange(30, 40, '人次')}`]);
    expect(changes[0]!.text).toBe('资助学生较上年增加12人次（增长8.51%）');
    expect(warnings).toEqual([]);
    const md = renderMarkdown(composeReport({ ...stats, signature: { date: '2025-12-20' } }).report);
    expect(md).toContain('发放资助资金7.65万元，资金较上年增加6000元（增长8.51%）');
    expect(md).toContain('培训2期、30人次，参训人次较上年减少10人次（下降25%）');
  });

  it('compares nothing with a year that is not the one before, or another period', () => {
    const wrong = aggregateStats([school(2023, '甲小学', { aid: [nutrition(1, 500)] })], { organisation: ORG, year: 2023 }).stats;
    const { stats, changes, warnings } = thisYear(wrong);
    expect(stats.previousYear).toBeUndefined();
    expect(changes).toEqual([]);
    expect(warnings.map((w) => w.message.zh)).toEqual(['previousYear：上年数据是2023年的，不是2024年的；不作同比']);
  });

  it('leaves out a figure that is not a whole total in either year: a missing count, a plan, an estimate', () => {
    const partial = lastYear({ aid: [{ stage: 'primary', programme: 'nutrition', period: 'spring', amount: 50000 }], trainings: [{ audience: 'parents', sessions: 1, participants: 40, status: 'planned' }] });
    const { stats, warnings } = thisYear(partial);
    expect(stats.previousYear).toEqual({ aidAmount: 70500 });
    expect(warnings.map((w) => w.where)).toEqual(['previousYear.aidStudents', 'previousYear.trainingParticipants']);
    expect(warnings[0]!.message.zh).toBe('previousYear.aidStudents：资助学生不作同比：2024年有资助记录未填该项');
    expect(warnings[1]!.message.zh).toContain('2024年含计划中的培训');

    const rough = aggregateStats([school(2024, '甲小学', { projects: [{ kind: 'renovation', status: 'accepted', investment: { value: 1e6, approx: 'about' } }] })], { organisation: ORG, year: 2024 }).stats;
    const now = thisYear(rough, { projects: [{ kind: 'renovation', status: 'accepted', investment: 1.2e6 }] });
    expect(now.stats.previousYear?.projectInvestment).toBeUndefined();
    expect(now.warnings.find((w) => w.where === 'previousYear.projectInvestment')!.message.zh).toContain('2024年含约数');
  });

  it('states no change from nothing', () => {
    const { stats, warnings } = thisYear(lastYear({ trainings: [{ audience: 'parents', sessions: 1, participants: 0 }] }));
    expect(stats.previousYear?.trainingParticipants).toBeUndefined();
    expect(warnings.map((w) => w.message.en)).toEqual(['previousYear.trainingParticipants: training participants: no year-over-year change: last year was 0']);
  });

  it('names the schools counted in one year and not the other, and still compares the county', () => {
    const last = aggregateStats([school(2024, '甲小学', { aid: [nutrition(100, 50000)] }), school(2024, '丙小学', { aid: [nutrition(41, 20500)] })], { organisation: ORG, year: 2024 }).stats;
    const { stats, warnings } = thisYear(last);
    expect(stats.previousYear?.aidStudents).toBe(141);
    expect(warnings.map((w) => w.message.zh)).toEqual([
      'previousYear.trainingParticipants：培训人次不作同比：2024年没有培训',
      'previousYear：两年汇总的学校不同：今年新有乙小学；上年有而今年没有丙小学；同比按全县合计计算',
    ]);
  });

  it("compares aid only where both years count the bureau's own payments, or neither does", () => {
    const loan = { stage: 'higher' as const, programme: 'studentLoan' as const, period: 'year' as const, students: 10, amount: 80000 };
    const bureau = { year: 2025, organisation: ORG, aid: [loan] };
    const { stats, warnings } = thisYear(lastYear(), {}, { bureau });
    expect(stats.previousYear).toEqual({ trainingParticipants: 40 });
    expect(warnings.map((w) => w.message.zh)).toEqual(['previousYear.aidStudents：资助学生不作同比：2025年含本级资助，另一年没有', 'previousYear.aidAmount：资助金额不作同比：2025年含本级资助，另一年没有']);
    // Last year's own file among last year's schools makes the two years alike again.
    const last = aggregateStats(
      [school(2024, '甲小学', { aid: [nutrition(100, 50000)], trainings: [{ audience: 'parents', sessions: 1, participants: 40 }] }), school(2024, '乙小学', { aid: [nutrition(41, 20500)] }), { year: 2024, organisation: ORG, aid: [{ ...loan, students: 9, amount: 72000 }] }],
      { organisation: ORG, year: 2024 },
    ).stats;
    const alike = thisYear(last, {}, { bureau });
    // The summary's aid is money paid and fees waived: the loan is in neither year's headline.
    expect(alike.stats.previousYear).toEqual({ aidStudents: 141, aidAmount: 70500, trainingParticipants: 40 });
    expect(alike.warnings).toEqual([]);
  });

  it("checks the bureau's own previousYear against last year's aggregate, and keeps what it alone states", () => {
    const bureau = { year: 2025, organisation: ORG, previousYear: { aidStudents: 150, projectInvestment: 300000 } };
    const { stats, warnings } = thisYear(lastYear(), {}, { bureau, bureauSource: 'bureau.json' });
    expect(stats.previousYear).toEqual({ aidStudents: 141, aidAmount: 70500, trainingParticipants: 40, projectInvestment: 300000 });
    expect(warnings.map((w) => [w.code, w.message.zh])).toEqual([['stated_total_differs', 'previousYear.aidStudents：bureau.json填报上年为150，上年各校汇总为141；同比采用汇总数']]);
  });
});
