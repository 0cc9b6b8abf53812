/**
 * The checks across files: each fires on an input made for it, names the
 * files concerned, and stays silent on clean schools.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { aggregateStats, AggregateError, StatsError, type AggregateOptions, type AggregateWarning, type YearlyStatsInput } from '../../src/index.js';

const EXAMPLE: YearlyStatsInput = JSON.parse(readFileSync(new URL('../../examples/school.json', import.meta.url), 'utf8'));
const BUREAU = { name: '云溪县教育局', kind: 'bureau' as const };
const OPTIONS: AggregateOptions = { organisation: BUREAU, year: 2025, bureauSource: 'bureau.json' };

/** The example school under another name, changed by `edit`. */
function school(name: string, edit: (s: any) => void = () => {}): YearlyStatsInput {
  const s = structuredClone(EXAMPLE) as any;
  delete s.$schema;
  s.organisation.name = name;
  edit(s);
  return s;
}

const CLEAN = [
  { source: 'a.json', stats: school('云溪县甲小学') },
  { source: 'b.json', stats: school('云溪县乙小学') },
  { source: 'c.json', stats: school('云溪县丙小学') },
];

const codes = (warnings: AggregateWarning[]) => warnings.map((w) => w.code);
const only = (warnings: AggregateWarning[], code: AggregateWarning['code']) => warnings.filter((w) => w.code === code);

describe('checks across files', () => {
  it('find nothing in clean schools', () => {
    const { warnings, skipped, totals } = aggregateStats(CLEAN, OPTIONS);
    expect(warnings).toEqual([]);
    expect(skipped).toEqual([]);
    expect(totals.schools).toBe(3);
  });

  it('count the same school once, naming both files (spaces and full-width letters do not make another school)', () => {
    const twice = [...CLEAN, { source: 'd.json', stats: school('云溪县 甲小学') }];
    const { warnings, skipped, totals } = aggregateStats(twice, OPTIONS);
    expect(codes(warnings)).toEqual(['duplicate_school']);
    expect(warnings[0]!.files).toEqual(['a.json', 'd.json']);
    expect(warnings[0]!.message.zh).toBe('a.json和d.json是同一所学校“云溪县 甲小学”；只计入a.json');
    expect(skipped).toEqual([{ source: 'd.json', code: 'duplicate_school' }]);
    expect(totals).toEqual(aggregateStats(CLEAN, OPTIONS).totals);
  });

  it('leave out a school of another year or period, naming it', () => {
    const other = [...CLEAN, { source: 'old.json', stats: school('云溪县丁小学', (s) => (s.year = 2024)) }, { source: 'spring.json', stats: school('云溪县戊小学', (s) => (s.period = 'spring')) }];
    const { warnings, skipped, totals } = aggregateStats(other, OPTIONS);
    expect(codes(warnings)).toEqual(['other_year', 'other_year']);
    expect(warnings[0]!.message.zh).toBe('old.json（云溪县丁小学）是2024年的数据，汇总的是2025年；未计入');
    expect(warnings[1]!.message.en).toBe('spring.json (云溪县戊小学) is for 2025 (spring), the aggregate for 2025; not counted');
    expect(skipped.map((s) => s.source)).toEqual(['old.json', 'spring.json']);
    expect(totals.schools).toBe(3);
  });

  it("leave out the bureau's own file found among the schools", () => {
    const bureau = { year: 2025, organisation: BUREAU };
    const { warnings, totals } = aggregateStats([...CLEAN, { source: 'county.json', stats: { year: 2025, organisation: BUREAU } }], { ...OPTIONS, bureau });
    expect(codes(warnings)).toEqual(['bureau_among_schools']);
    expect(warnings[0]!.files).toEqual(['county.json']);
    expect(totals.schools).toBe(3);
  });

  it('find aid in a stage the school has no pupils in — not for loans and 雨露计划, paid to students elsewhere', () => {
    const odd = school('云溪县丁小学', (s) => {
      s.aid.push({ stage: 'junior', programme: 'boardingSubsidy', period: 'autumn', students: 3, amount: 1875 });
      s.aid.push({ stage: 'higher', programme: 'studentLoan', period: 'year', students: 2, amount: 16000 });
      s.aid.push({ stage: 'vocational', programme: 'yulu', period: 'spring', students: 1, amount: 1500 });
    });
    const { warnings } = aggregateStats([...CLEAN, { source: 'd.json', stats: odd }], OPTIONS);
    expect(codes(warnings)).toEqual(['aid_without_enrolment']);
    expect(warnings[0]!.where).toBe('d.json: aid[7]');
    expect(warnings[0]!.files).toEqual(['d.json']);
    expect(warnings[0]!.message.zh).toContain('填报了初中寄宿生生活补助，但该校初中没有在校学生');
  });

  it('take 义务教育 enrolment to cover 小学 and 初中 aid, and the reverse', () => {
    const undivided = school('云溪县丁小学', (s) => (s.enrolment.stages[1].stage = 'compulsory'));
    const split = school('云溪县戊小学', (s) => s.aid.forEach((a: any) => a.stage === 'primary' && (a.stage = 'compulsory')));
    expect(aggregateStats([{ source: 'd.json', stats: undivided }, { source: 'e.json', stats: split }], OPTIONS).warnings).toEqual([]);
  });

  it('find more pupils aided by one programme in one period than the school has, once, counting its rows together', () => {
    const over = school('云溪县丁小学', (s) => {
      s.aid[4].students = 500; // nutrition, primary, spring: 418 enrolled
      s.aid.push({ stage: 'primary', programme: 'boardingSubsidy', period: 'autumn', students: 410, amount: 205000 }); // 11 + 410 > 418
    });
    const { warnings } = aggregateStats([...CLEAN, { source: 'd.json', stats: over }], OPTIONS);
    expect(codes(warnings)).toEqual(['aid_exceeds_enrolment', 'aid_exceeds_enrolment']);
    expect(warnings.map((w) => w.where)).toEqual(['d.json: aid[4].students', 'd.json: aid[3].students']);
    expect(warnings[0]!.message.zh).toBe('d.json: aid[4].students：小学营养改善计划春季学期受助500人，多于该校小学在校学生418人');
    expect(warnings[1]!.message.zh).toContain('受助421人');
  });

  it("set the bureau's stated totals against the schools' sums, naming its file (the seeds' 4005 against 4002)", () => {
    const stated = {
      year: 2025,
      organisation: BUREAU,
      enrolment: { stages: [{ stage: 'primary', schools: 3, students: 1250 }], totalStudents: 1400 },
      aidedGroups: [{ group: 'relieved', students: 4005 }],
      dropout: { found: 2 },
      publicity: { materials: 1380 },
    };
    const { warnings, stats } = aggregateStats(CLEAN, { ...OPTIONS, bureau: stated });
    const differ = only(warnings, 'stated_total_differs');
    expect(differ.map((w) => w.where)).toEqual(['enrolment.stages[1].students', 'enrolment.totalStudents', 'aidedGroups[0].students', 'dropout.found']);
    expect(differ.every((w) => w.files[0] === 'bureau.json')).toBe(true);
    expect(differ[0]!.message.zh).toBe('enrolment.stages[1].students：bureau.json填报1250人，各校相加为1254人，相差4人；汇总采用各校之和');
    expect(differ[2]!.message.en).toBe('aidedGroups[0].students: bureau.json states 4005, the schools add up to 111; the sum of the schools is used');
    // What no school gives comes from the bureau (schools per stage); the sums stand where they are whole.
    expect(stats.enrolment!.stages[1]).toEqual({ stage: 'primary', schools: 3, classes: 36, students: 1254 });
    expect(stats.publicity!.materials).toBe(1380);
    expect(warnings.length).toBe(differ.length);
  });

  it('find no difference where the bureau states what the schools add up to', () => {
    const agreeing = { year: 2025, organisation: BUREAU, enrolment: { stages: [{ stage: 'primary', students: 1254 }], totalStudents: 1392 }, publicity: { materials: 1380 } };
    expect(aggregateStats(CLEAN, { ...OPTIONS, bureau: agreeing }).warnings).toEqual([]);
  });

  it('refuse invalid schools, naming every one, and count nothing', () => {
    const bad = [...CLEAN, { source: 'x.json', stats: { year: 2025 } }, { source: 'y.json', stats: school('云溪县丁小学', (s) => (s.aid[0].amount = -1)) }];
    let error: unknown;
    try {
      aggregateStats(bad, OPTIONS);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AggregateError);
    const failures = (error as AggregateError).failures;
    expect(failures.map((f) => f.source)).toEqual(['x.json', 'y.json']);
    expect(failures[1]!.error).toBeInstanceOf(StatsError);
    expect((failures[1]!.error as StatsError).issues[0]!.where).toBe('aid[0].amount');
    expect((error as AggregateError).zh).toBe('2份学校数据无效：x.json、y.json');
  });
});
