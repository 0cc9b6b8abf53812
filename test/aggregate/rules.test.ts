/**
 * The rules every sum follows, one by one: estimates stay estimates, a
 * missing figure is never read as 0, standards are kept only where the
 * schools agree, free text is not merged, the bureau fills in what no school
 * gives, and the county's figures print as the rules say.
 */
import { describe, expect, it } from 'vitest';
import { aggregateStats, composeReport, formatRoughAmount, renderMarkdown, type AggregateOptions, type YearlyStatsInput } from '../../src/index.js';
import { combineApprox, Total } from '../../src/aggregate/total.js';

const OPTIONS: AggregateOptions = { organisation: { name: '云溪县教育局', kind: 'bureau' }, year: 2025 };
const school = (name: string, rest: Partial<YearlyStatsInput>): YearlyStatsInput => ({ year: 2025, organisation: { name, kind: 'school' }, ...rest });
const run = (...schools: Partial<YearlyStatsInput>[]) => aggregateStats(schools.map((s, i) => ({ source: `${i + 1}.json`, stats: school(`第${i + 1}小学`, s) })), OPTIONS);

describe('estimates', () => {
  it('keep a bound only where every estimate bounds the sum the same way', () => {
    expect(combineApprox(new Set())).toBeUndefined();
    expect(combineApprox(new Set(['over']))).toBe('over');
    expect(combineApprox(new Set(['more']))).toBe('more');
    expect(combineApprox(new Set(['over', 'more']))).toBe('over');
    expect(combineApprox(new Set(['nearly']))).toBe('nearly');
    expect(combineApprox(new Set(['over', 'nearly']))).toBe('about');
    expect(combineApprox(new Set(['about', 'over']))).toBe('about');
  });

  it('turn 余 and 多 after a decimal amount into 约, as the schema demands', () => {
    expect(combineApprox(new Set(['over']), 930_000_000)).toBe('over'); // 930万元
    expect(combineApprox(new Set(['more']), 930_450_000)).toBe('about'); // 930.45万元
    expect(combineApprox(new Set(['over']), 450_000)).toBe('over'); // 4500元
  });

  it('make a sum with any estimate in it an estimate, printed as one', () => {
    const { stats } = run({ publicity: { materials: { value: 8000, approx: 'over' } } }, { publicity: { materials: 147 } }, { publicity: { materials: 300 } });
    expect(stats.publicity!.materials).toEqual({ value: 8447, approx: 'over' });
    const { stats: money } = run({ donations: { amount: { value: 9_300_000, approx: 'more' } } }, { donations: { amount: 4500 } });
    expect(money.donations!.amount).toEqual({ value: 9_304_500, approx: 'about' });
    expect(formatRoughAmount(money.donations!.amount as { value: number; approx: 'about' })).toBe('约930.45万元');
    const { stats: exact } = run({ pairing: { teachers: 3 } }, { pairing: { teachers: 4 } });
    expect(exact.pairing!.teachers).toBe(7);
  });
});

describe('missing figures', () => {
  it('are never read as 0: the sum is left out and a warning says what the others add up to', () => {
    const { stats, warnings } = run({ trainings: [{ audience: 'parents', sessions: 2, participants: 60 }] }, { trainings: [{ audience: 'parents', sessions: 1 }] });
    expect(stats.trainings).toEqual([{ audience: 'parents', sessions: 3 }]);
    expect(warnings.map((w) => w.message.zh)).toEqual(['trainings[0].participants：家长培训（已完成），2处中有1处未填报（2.json）；其余1处相加为60人次，不作为合计印出']);
    expect(warnings[0]!.files).toEqual(['2.json']);
  });

  it('take a school that found no one out of school to have returned and taught at home no one', () => {
    const { stats, warnings } = run({ dropout: { checked: 300, found: 0 } }, { dropout: { checked: 200, found: 1, foundHouseholds: 1, returned: 1, homeTaught: 0 } });
    expect(stats.dropout).toMatchObject({ checked: 500, found: 1, returned: 1, homeTaught: 0 });
    expect(warnings).toEqual([]);
  });

  it('count only the files that report a section: a school without pairing adds nothing and hides nothing', () => {
    const { stats, warnings } = run({ pairing: { teachers: 5, homeVisits: 20 } }, {}, { pairing: { teachers: 2, homeVisits: 8 } });
    expect(stats.pairing).toEqual({ teachers: 7, homeVisits: 28 });
    expect(warnings).toEqual([]);
  });

  it('are taken from the bureau where it states them, and a record left with no figure is dropped with the warning', () => {
    const bureau = { year: 2025, organisation: OPTIONS.organisation, aidedGroups: [{ group: 'relieved' as const, students: 50, outOfCounty: 12 }] };
    const { stats, warnings } = aggregateStats(
      [
        { source: '1.json', stats: school('第1小学', { aidedGroups: [{ group: 'relieved', students: 30, outOfCounty: 2 }], aid: [{ stage: 'primary', programme: 'freeTextbooks', period: 'autumn', copies: 300 }] }) },
        { source: '2.json', stats: school('第2小学', { aidedGroups: [{ group: 'relieved', students: 20 }], aid: [{ stage: 'primary', programme: 'freeTextbooks', period: 'autumn', students: 40 }] }) },
      ],
      { ...OPTIONS, bureau, bureauSource: 'bureau.json' },
    );
    expect(stats.aidedGroups).toEqual([{ group: 'relieved', students: 50, outOfCounty: 12 }]);
    expect(warnings.find((w) => w.where === 'aidedGroups[0].outOfCounty')!.message.zh).toBe(
      'aidedGroups[0].outOfCounty：2处中有1处未填报（2.json）；其余1处相加为2人；采用bureau.json填报的12人',
    );
    expect(stats.aid).toBeUndefined();
    expect(warnings.filter((w) => w.where === 'aid.students' || w.where === 'aid.copies').length).toBe(2);
  });
});

describe('aid records', () => {
  const row = (rest: object) => ({ stage: 'primary' as const, programme: 'boardingSubsidy' as const, period: 'spring' as const, ...rest });

  it('keep a standard the schools agree on, a unit only where it is not the default', () => {
    const { stats } = run({ aid: [row({ students: 2, amount: 1000, standard: 500 })] }, { aid: [row({ students: 3, amount: 1500, standard: 500, standardUnit: 'semester' })] }, { aid: [row({ students: 1, amount: 500 })] });
    expect(stats.aid).toEqual([row({ students: 6, amount: 3000, standard: 500 })]);
  });

  it('drop a standard the schools differ on, naming the files of each', () => {
    const { stats, warnings } = run({ aid: [row({ students: 2, amount: 1000, standard: 500 })] }, { aid: [row({ students: 3, amount: 1800, standard: 600 })] });
    expect(stats.aid![0]!.standard).toBeUndefined();
    expect(warnings.map((w) => [w.code, w.where, w.files])).toEqual([['standard_differs', 'aid[0].standard', ['1.json', '2.json']]]);
    expect(warnings[0]!.message.zh).toBe('aid[0].standard：小学寄宿生生活补助春季学期，各校的资助标准不同：每生每学期500元（1.json）；每生每学期600元（2.json）；汇总不写标准');
  });

  it('keep whom the students were: one group, a mix, or nothing once a school does not say', () => {
    const one = run({ aid: [row({ students: 2, amount: 1000, group: 'relieved' })] }, { aid: [row({ students: 3, amount: 1500, group: 'relieved' })] });
    expect(one.stats.aid![0]!.group).toBe('relieved');
    const mix = run({ aid: [row({ students: 2, amount: 1000, group: 'relieved' })] }, { aid: [row({ students: 3, amount: 1500, byGroup: { relieved: 1, hardship: 2 } })] });
    expect(mix.stats.aid![0]!.byGroup).toEqual({ relieved: 3, hardship: 2 });
    const unknown = run({ aid: [row({ students: 2, amount: 1000, group: 'relieved' })] }, { aid: [row({ students: 3, amount: 1500 })] });
    expect(unknown.stats.aid![0]).toEqual(row({ students: 5, amount: 2500 }));
  });

  it('keep back-payments and periods apart, and never merge notes', () => {
    const { stats, warnings } = run(
      { aid: [row({ students: 2, amount: 1000, note: '按时发放。' }), row({ students: 1, amount: 500, backPay: { year: 2024, semester: 'autumn' } })] },
      { aid: [row({ period: 'autumn', students: 3, amount: 1500 })] },
    );
    expect(stats.aid!.map((a) => [a.period, a.backPay?.year, a.students])).toEqual([['spring', undefined, 2], ['spring', 2024, 1], ['autumn', undefined, 3]]);
    expect(stats.aid!.some((a) => 'note' in a)).toBe(false);
    expect(warnings.map((w) => w.code)).toEqual(['not_aggregated']);
  });

  it('add the bureau’s own payments as one more part, with a row of its own in the table and its note kept', () => {
    const loan = { stage: 'higher' as const, programme: 'studentLoan' as const, period: 'year' as const, students: 10, amount: 80000, note: '由县学生资助管理中心办理。' };
    const bureau = { year: 2025, organisation: OPTIONS.organisation, aid: [loan, row({ students: 1, amount: 500, note: '本级补助。' })] };
    const { stats, totals, warnings } = aggregateStats([school('第1小学', { aid: [row({ students: 2, amount: 1000 })] })], { ...OPTIONS, bureau });
    expect(stats.schools!.map((s) => s.name)).toEqual(['云溪县教育局', '第1小学']);
    expect(totals.aid).toEqual({ students: 13, amount: 81500 });
    // Its note stands where the record is its alone; beside a school's figures it would describe their sum.
    expect(stats.aid!.map((a) => a.note)).toEqual([undefined, '由县学生资助管理中心办理。']);
    expect(warnings).toEqual([]);
  });

  it("take the organisation's own file among the others as its own part when no bureau file is given", () => {
    const own = { year: 2025, organisation: OPTIONS.organisation, aid: [{ stage: 'higher' as const, programme: 'studentLoan' as const, period: 'year' as const, students: 10, amount: 80000 }], opening: '不用。' };
    const { stats, totals, skipped } = aggregateStats([school('第1小学', { aid: [row({ students: 2, amount: 1000 })] }), own], OPTIONS);
    expect(totals).toMatchObject({ schools: 1, aid: { students: 12, amount: 81000 } });
    expect([stats.opening, skipped]).toEqual([undefined, []]);
  });
});

describe('free text and bureau-only sections', () => {
  it('take the text from the bureau alone, and say which school sections are not summed', () => {
    const bureau = { year: 2025, organisation: OPTIONS.organisation, opening: '全县坚持……', problems: ['经费不足。'], recruitment: { teachers: 30 } };
    const { stats, warnings } = aggregateStats(
      [school('第1小学', { opening: '我校……', problems: ['校舍陈旧。'], recruitment: { teachers: 2 }, rates: [{ rate: 'enrolment', value: 100 }] })],
      { ...OPTIONS, bureau, bureauSource: 'bureau.json' },
    );
    expect([stats.opening, stats.problems, stats.recruitment, stats.rates]).toEqual(['全县坚持……', ['经费不足。'], { teachers: 30 }, undefined]);
    expect(warnings.map((w) => [w.code, w.where])).toEqual([['not_aggregated', 'recruitment'], ['not_aggregated', 'rates']]);
  });

  it("list each school's highlights only when asked", () => {
    const input = [school('第1小学', { highlights: ['多名学生获奖。'] }), school('第2小学', {})];
    expect(aggregateStats(input, OPTIONS).stats.schools!.map((s) => s.highlights)).toEqual([undefined, undefined]);
    expect(aggregateStats(input, { ...OPTIONS, highlights: true }).stats.schools!.map((s) => s.highlights)).toEqual([['多名学生获奖。'], undefined]);
  });
});

describe('the county drafted', () => {
  it('prints estimates as estimates and sums exactly in 分', () => {
    const { stats } = run(
      { aid: [{ stage: 'primary', programme: 'nutrition', period: 'spring', students: 10, amount: 246700.1 }], publicity: { materials: { value: 8000, approx: 'over' }, kinds: ['明白纸'] } },
      { aid: [{ stage: 'primary', programme: 'nutrition', period: 'spring', students: 10, amount: 171299.9 }], publicity: { materials: 460, kinds: ['明白纸', '一封信'] } },
    );
    const md = renderMarkdown(composeReport({ ...stats, signature: { date: '2025-12-20' } }).report);
    expect(md).toContain('发放资助资金41.8万元');
    expect(md).toContain('发放明白纸、一封信等宣传材料8460余份');
    expect(md).toContain('| 第1小学 | 小学 | 10 | 246700.10 |');
    expect(md).toContain('| **合计** |  | 20 | 418000 |');
  });
});

describe('Total', () => {
  it('is known only when every part is, and keeps what the known parts add up to', () => {
    const t = new Total('fen');
    t.add(0.1, 'a');
    t.add(0.2, 'b');
    expect(t.value).toEqual({ value: 0.3 });
    t.add(undefined, 'c');
    t.add(undefined, 'c');
    expect(t.value).toBeUndefined();
    expect([t.known, t.missing, t.missingFrom, t.partial]).toEqual([2, 2, ['c'], { value: 0.3 }]);
  });
});
