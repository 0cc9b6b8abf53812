/**
 * A big bureau: 500 schools' projects (a 500-row attachment table) and 2,000
 * aid payments (a 2,000-row attachment table), with prose besides. Every
 * value is made from the index, so the stats are the same on every run.
 */
import type { YearlyStatsInput } from '../../src/schema/stats.js';

const STAGES = ['preschool', 'primary', 'junior', 'senior', 'vocational'] as const;
const PROGRAMMES = { preschool: 'preschoolAid', primary: 'nutrition', junior: 'boardingSubsidy', senior: 'nationalGrant', vocational: 'tuitionWaiver' } as const;
const KINDS = ['renovation', 'playground', 'canteen', 'dormitory', 'teacherHousing', 'equipment'] as const;
const STATUSES = ['planned', 'started', 'completed', 'accepted'] as const;
const TOWNS = [...'石桥沙河红岩常山大柳单庄满白寺青龙白马凤凰'];

export const BIG = { schools: 500, aidRows: 2000 };

function school(i: number): string {
  return `${TOWNS[i % TOWNS.length]}${TOWNS[(i * 7 + 3) % TOWNS.length]}镇第${i + 1}${i % 3 === 0 ? '初级中学' : '小学'}`;
}

export function bigStats(): YearlyStatsInput {
  const aid = Array.from({ length: BIG.aidRows }, (_, i) => {
    const stage = STAGES[i % STAGES.length]!;
    // Each row a custom-named grant of one school and semester: 2,000 distinct rows in the table.
    return {
      stage,
      programme: PROGRAMMES[stage],
      name: `${school(i % BIG.schools)}${PROGRAMMES[stage] === 'nutrition' ? '营养改善计划' : '资助'}`,
      period: i % 2 === 0 ? ('spring' as const) : ('autumn' as const),
      students: 20 + (i % 180),
      amount: (20 + (i % 180)) * 500 + (i % 100) / 100,
    };
  });
  const projects = Array.from({ length: BIG.schools }, (_, i) => ({
    school: school(i),
    kind: KINDS[i % KINDS.length]!,
    programme: i % 2 === 0 ? '全面改薄' : '校舍维修改造',
    area: 300 + ((i * 37) % 4000),
    funding: { central: 100_000 + i * 1_000, county: 20_000 + (i % 50) * 500 },
    status: STATUSES[i % STATUSES.length]!,
  }));
  return {
    year: 2025,
    organisation: { name: '青山县教育局', kind: 'bureau', region: '某某省某某市青山县', parent: '某某市教育局' },
    enrolment: { stages: STAGES.map((stage, i) => ({ stage, schools: 100 + i, students: 20_000 + i * 1_000 })) },
    aidedGroups: [{ group: 'relieved', semester: 'spring', byStage: { preschool: 354, primary: 2033, junior: 1169, senior: 375, vocational: 71 } }],
    aid,
    projects,
    trainings: Array.from({ length: 40 }, (_, i) => ({ audience: 'teachers' as const, title: `第${i + 1}期乡村教师能力提升培训`, sessions: 1 + (i % 3), participants: 40 + i })),
    dropout: { checked: 42_318, found: 25, returned: 5, homeTaught: 14, reasons: [{ reason: '已在外地就读', students: 6 }] },
    pairing: { teachers: 1865, students: 4002, homeVisits: 4230 },
    publicity: { materials: { value: 8000, approx: 'over' }, kinds: ['资助政策明白纸'], channels: ['家长会'] },
    measures: Array.from({ length: 10 }, (_, i) => ({ title: `做法${i + 1}`, text: '按照资助工作要求，逐校逐生核实资助对象，确保资助资金按时足额发放到位。'.repeat(6) })),
    highlights: ['各学段资助做到应助尽助。'],
    problems: Array.from({ length: 20 }, (_, i) => `问题${i + 1}：部分村小和教学点办学条件仍然薄弱。`),
    plans: ['进一步加强政策宣传。'],
    report: true,
    signature: { date: '2025-12-20' },
  };
}
