import { describe, expect, it } from 'vitest';
import { deriveFacts, formatFen, parseStats } from '../../src/index.js';

const base = { year: 2020, organisation: { name: '某县教体局', kind: 'bureau' } } as const;

describe('deriveFacts', () => {
  it('sums per-semester amounts exactly: 246700元 + 171300元 = 41.8万元', () => {
    const facts = deriveFacts(
      parseStats({
        ...base,
        aid: [
          { stage: 'compulsory', programme: 'boardingSubsidy', period: 'spring', students: 457, amount: 246700 },
          { stage: 'compulsory', programme: 'boardingSubsidy', period: 'autumn', students: 314, amount: 171300 },
        ],
      }),
    );
    expect(facts.aid.total).toMatchObject({ students: 771, fen: 41_800_000, rows: 2, known: { students: true, fen: true } });
    expect(formatFen(facts.aid.total.fen)).toBe('41.8万元');
    expect(facts.aid.bySemester.spring).toMatchObject({ students: 457, fen: 24_670_000 });
    expect(facts.aid.grants).toEqual(facts.aid.total);
  });

  it('adds amounts with 分 exactly where floats would not', () => {
    const aid = Array.from({ length: 10 }, () => ({ stage: 'senior', programme: 'nationalGrant', period: 'spring', students: 1, amount: 0.1 }));
    expect(deriveFacts(parseStats({ ...base, aid })).aid.total.fen).toBe(100);
  });

  it('warns when seed 14 states 4005 students while its stages add up to 4002', () => {
    const facts = deriveFacts(
      parseStats({
        ...base,
        aidedGroups: [
          { group: 'registeredPoor', semester: 'spring', students: 4005, byStage: { preschool: 354, primary: 2033, junior: 1169, senior: 375, vocational: 71 } },
        ],
      }),
    );
    expect(facts.groups[0]!.students).toBe(4002);
    expect(facts.warnings).toHaveLength(1);
    expect(facts.warnings[0]).toMatchObject({ code: 'parts_do_not_add_up', where: 'aidedGroups[0].students' });
    expect(facts.warnings[0]!.message.zh).toContain('4005');
    expect(facts.warnings[0]!.message.en).toContain('4002');
  });

  it('warns about more aided than enrolled, funding that does not add up, dates outside the year and standards', () => {
    const facts = deriveFacts(
      parseStats({
        ...base,
        enrolment: { stages: [{ stage: 'primary', students: 100 }] },
        aid: [{ stage: 'primary', programme: 'nutrition', period: 'spring', students: 120, amount: 100, standard: 1 }],
        projects: [{ school: '甲小学', kind: 'renovation', funding: { central: 100, county: 50 }, investment: 200, status: 'accepted', date: '2019-12-01' }],
        trainings: [{ audience: 'teachers', title: '培训', sessions: 1, participants: 10, date: '2021-01-01' }],
      }),
    );
    expect(facts.warnings.map((w) => `${w.code} ${w.where}`)).toEqual([
      'aided_exceeds_enrolled aid[0].students',
      'amount_differs_from_standard aid[0].amount',
      'funding_does_not_add_up projects[0].funding',
      'date_outside_year trainings[0].date',
      'date_outside_year projects[0].date',
    ]);
  });

  it('gives no warnings for consistent stats', () => {
    const facts = deriveFacts(parseStats({ ...base, aid: [{ stage: 'senior', programme: 'nationalGrant', period: 'spring', students: 2, amount: 2300, standard: 1150 }] }));
    expect(facts.warnings).toEqual([]);
  });

  it('computes coverage from its parts and year-over-year changes', () => {
    const facts = deriveFacts(
      parseStats({
        ...base,
        aidedGroups: [{ group: 'registeredPoor', semester: 'spring', byStage: { senior: 50 } }],
        aid: [{ stage: 'senior', programme: 'nationalGrant', period: 'spring', students: 49, amount: 49000, group: 'registeredPoor' }],
        previousYear: { aidAmount: 40000 },
      }),
    );
    expect(facts.coverage).toEqual([{ stage: 'senior', semester: 'spring', group: 'registeredPoor', aided: 49, eligible: 50 }]);
    expect(facts.change.aidFen).toEqual({ current: 4_900_000, previous: 4_000_000 });
  });

  it('totals projects by source and trainings by audience', () => {
    const facts = deriveFacts(
      parseStats({
        ...base,
        projects: [
          { school: '甲', kind: 'playground', area: 100.5, funding: { provincial: 1250000 }, status: 'accepted' },
          { school: '乙', kind: 'playground', area: 99.5, funding: { provincial: 1540000, county: 460000 }, status: 'started' },
        ],
        trainings: [
          { audience: 'teachers', title: 'a', sessions: 2, participants: 30 },
          { audience: 'teachers', title: 'b', sessions: 1, participants: 20 },
        ],
      }),
    );
    expect(facts.projects).toMatchObject({ count: 2, schools: 2, area: 200, investmentFen: 325_000_000, bySourceFen: { provincial: 279_000_000, county: 46_000_000 } });
    expect(facts.trainings).toMatchObject({ sessions: 3, participants: 50, byAudience: { teachers: { sessions: 3, participants: 50 } } });
  });

  it('keeps aid money, loans and goods apart, and states a total only where every row gives its part', () => {
    const facts = deriveFacts(
      parseStats({
        ...base,
        aid: [
          { stage: 'senior', programme: 'nationalGrant', period: 'spring', students: 43, amount: 64500 },
          { stage: 'senior', programme: 'tuitionWaiver', period: 'spring', students: 2 },
          { stage: 'primary', programme: 'freeTextbooks', period: 'autumn', students: 418, copies: 3344, amount: 37620 },
          { stage: 'higher', programme: 'studentLoan', period: 'year', students: 10, amount: 80000 },
        ],
      }),
    );
    const { grants, inKind, loans } = facts.aid;
    // The waiver gives no amount: 人次 are known, the money is not a total of every row.
    expect(grants).toMatchObject({ students: 45, fen: 6_450_000, rows: 2, known: { students: true, fen: false } });
    expect(inKind).toMatchObject({ students: 418, copies: 3344, fen: 3_762_000, rows: 1 });
    expect(loans).toMatchObject({ students: 10, fen: 8_000_000, rows: 1 });
    expect(facts.aid.total.students).toBe(473);
  });

  it('attributes students to groups only as the rows do, one group or several', () => {
    const facts = deriveFacts(
      parseStats({
        ...base,
        aid: [
          { stage: 'senior', programme: 'nationalGrant', period: 'autumn', students: 8, amount: 8000, byGroup: { relieved: 3, hardship: 5 } },
          { stage: 'senior', programme: 'nationalGrant', period: 'spring', students: 4, amount: 4000, group: 'relieved' },
          { stage: 'senior', programme: 'nationalGrant', period: 'spring', students: 2, amount: 2000 },
        ],
      }),
    );
    const p = facts.aid.stages[0]!.programmes[0]!;
    expect(p.periods.autumn).toMatchObject({ groups: [{ group: 'relieved', students: 3 }, { group: 'hardship', students: 5 }] });
    expect(p.periods.autumn!.group).toBeUndefined();
    // One row names its group, the other none: the payment is not the group's.
    expect(p.periods.spring).toMatchObject({ students: 6, groups: [{ group: 'relieved', students: 4 }] });
    expect(p.periods.spring!.group).toBeUndefined();
  });

  it('never counts a planned training as held, nor sums projects with estimates or a since', () => {
    const facts = deriveFacts(
      parseStats({
        ...base,
        trainings: [
          { audience: 'teachers', sessions: 2, participants: 80 },
          { audience: 'vocational', participants: 6000, status: 'planned' },
        ],
        projects: [
          { school: '甲', kind: 'playground', area: 100, investment: 50000, status: 'accepted' },
          { schools: ['乙', '丙'], schoolCount: 15, kind: 'renovation', area: { value: 10000, approx: 'more' }, investment: { value: 7e8, approx: 'about' }, status: 'completed', since: 2018 },
        ],
      }),
    );
    expect(facts.trainings).toMatchObject({ sessions: 2, participants: 80, byStatus: { planned: { participants: 6000 } } });
    expect(facts.projects).toMatchObject({ schools: 16, current: { count: 1, area: 100, investmentFen: 5_000_000 }, since: [1] });
    expect(facts.projects!.area).toBeUndefined();
    expect(facts.projects!.investmentFen).toBeUndefined();
  });
});

describe('amounts in warnings', () => {
  it('float noise such as 0.1 + 0.2 is refused by the schema, naming the field, not carried into a warning', () => {
    const aid = [{ stage: 'preschool', programme: 'preschoolAid', period: 'spring', students: 3, standard: 0.1, amount: 0.1 + 0.2 }];
    expect(() => parseStats({ ...base, aid })).toThrow(/aid\[0\]\.amount/);
  });

  it('print amounts as documents do: exact 元, no float noise, no exponent', () => {
    const facts = deriveFacts(
      parseStats({
        ...base,
        aid: [
          { stage: 'preschool', programme: 'preschoolAid', period: 'spring', students: 3, standard: 0.1, amount: 0.31 },
          { stage: 'senior', programme: 'nationalGrant', period: 'spring', students: 1, standard: 1e12, amount: 999999999999.99 },
        ],
        projects: [{ school: '甲校', kind: 'playground', investment: 0.3, funding: { central: 0.1, provincial: 0.1 }, status: 'accepted' }],
      }),
    );
    const text = facts.warnings.map((w) => `${w.message.zh}\n${w.message.en}`).join('\n');
    expect(text).toContain('3人 × 0.1元 = 0.3元，填报金额为0.31元');
    expect(text).toContain('1人 × 1000000000000元 = 1000000000000元，填报金额为999999999999.99元');
    expect(text).toContain('各来源资金合计0.2元，与总投资0.3元不符');
    expect(text).not.toMatch(/\d\.\d{3,}|e\+|yuan\b/);
  });
});
