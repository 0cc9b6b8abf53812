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
    expect(facts.aid.total).toEqual({ students: 771, fen: 41_800_000 });
    expect(formatFen(facts.aid.total.fen)).toBe('41.8万元');
    expect(facts.aid.bySemester.spring).toEqual({ students: 457, fen: 24_670_000 });
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
});
