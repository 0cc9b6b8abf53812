/**
 * Random VALID stats for property tests: every section of YearlyStats, with
 * free text drawn from characters the default fonts have (so the PDF can be
 * read back letter for letter) and sprinkled with what looks like markup
 * ("# ", "{{", "<", "&", "|", "@"), amounts from 0 to 1e12 元 with up to two
 * decimals, and the optional fields sometimes left out.
 *
 * Text never contains a backslash or "—": the Markdown normaliser reads a
 * leading backslash as the renderer's escape, and "— 3 —" is a page number.
 */
import fc from 'fast-check';
import type { YearlyStatsInput } from '../../src/schema/stats.js';

/** How many runs a property gets: FUZZ_RUNS when set (npm run test:fuzz), else the default given. */
export function runs(fallback: number): number {
  const n = Number(process.env.FUZZ_RUNS);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

const HAN = [...'教育局学校小学初中高中资助工作经费发放学生家庭困难宣传政策落实帮扶控辍保学培训教师项目建设改造维修县镇村乡中心年月日春秋季明白纸封信微群家长会问题计划加强完善云溪石桥常山沙河红岩满白寺单庄第二级'];
const PUNCT = [...'，。、；：“”（）《》！？'];
const ASCII = [...'ABCXYZabcxyz0123456789'];
/** Fragments that would be structure if user text were not data. */
const MARKUP = ['# ', '## ', '- ', '1. ', '> ', '{{x}}', '{{> p}}', '<b>', '&amp;', 'A&B', '|', '@block 0', '@attachment ', '**', '`'];

const han = fc.constantFrom(...HAN);
const piece = fc.oneof(
  { weight: 12, arbitrary: han },
  { weight: 2, arbitrary: fc.constantFrom(...PUNCT) },
  { weight: 2, arbitrary: fc.constantFrom(...ASCII) },
  { weight: 1, arbitrary: fc.constantFrom(...MARKUP) },
  { weight: 1, arbitrary: fc.constant(' ') },
);

/** One line of text, at most `maxLength` characters: non-empty, no surrounding spaces (the schema trims them). */
export function line(maxPieces = 12, maxLength = 20): fc.Arbitrary<string> {
  return fc
    .tuple(fc.oneof({ weight: 6, arbitrary: han }, { weight: 1, arbitrary: fc.constantFrom(...MARKUP.map((m) => m.trimEnd())) }), fc.array(piece, { maxLength: maxPieces }))
    .map(([first, rest]) => (first + rest.join('')).slice(0, maxLength).trim());
}

/** Free text of one or more paragraphs, separated by line breaks as a user types them. */
export function prose(maxParagraphs = 3): fc.Arbitrary<string> {
  return fc.array(line(40, 400), { minLength: 1, maxLength: maxParagraphs }).map((ps) => ps.join('\n'));
}

const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 2 });

/** Drops the keys whose value is undefined, as JSON would. */
function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

export const count = fc.oneof({ weight: 8, arbitrary: fc.nat({ max: 5000 }) }, { weight: 1, arbitrary: fc.nat({ max: 1e9 }) }, { weight: 1, arbitrary: fc.constantFrom(0, 1, 10, 10_000, 1e9) });

/** 元 with at most two decimals: small and round, odd 分, and the edges of the units (1万, 1亿, 1e12). */
export const amount = fc.oneof(
  { weight: 4, arbitrary: fc.nat({ max: 2_000_000 }) },
  { weight: 4, arbitrary: fc.nat({ max: 1e10 }).map((fen) => fen / 100) },
  { weight: 1, arbitrary: fc.nat({ max: 1e14 }).map((fen) => fen / 100) },
  // Exactly half a step of 万元 with two decimals (50元): where rounding rules part.
  { weight: 1, arbitrary: fc.nat({ max: 1e6 }).map((n) => n * 100 + 50) },
  { weight: 1, arbitrary: fc.constantFrom(0, 0.01, 0.5, 9999.99, 10_000, 12_550, 99_999_999.99, 100_000_000, 1e12) },
);

export const area = fc.oneof(fc.nat({ max: 20_000 }), fc.nat({ max: 1e8 }).map((x) => x / 100));

const STAGES = ['preschool', 'compulsory', 'primary', 'junior', 'senior', 'vocational', 'higher'] as const;
const PROGRAMMES = ['preschoolAid', 'tuitionWaiver', 'nationalGrant', 'boardingSubsidy', 'nutrition', 'freeTextbooks', 'studentLoan', 'yulu', 'freshmanAid', 'custom'] as const;
const GROUPS = ['registeredPoor', 'relieved', 'monitored', 'lowIncome', 'disabled', 'orphan', 'leftBehind', 'hardship', 'custom'] as const;
const AUDIENCES = ['teachers', 'principals', 'kindergartenStaff', 'parents', 'vocational', 'aidStaff', 'custom'] as const;
const KINDS = ['renovation', 'newBuilding', 'playground', 'canteen', 'dormitory', 'teacherHousing', 'kindergarten', 'equipment', 'other'] as const;
const STATUSES = ['planned', 'started', 'completed', 'accepted'] as const;
const ORG_KINDS = ['school', 'teachingPoint', 'kindergarten', 'centerSchool', 'bureau'] as const;
const semester = fc.constantFrom('spring' as const, 'autumn' as const);

/** A real calendar day in `year`. */
export const dateIn = (year: number) =>
  fc.integer({ min: 0, max: 364 }).map((d) => new Date(Date.UTC(year, 0, 1 + d)).toISOString().slice(0, 10));

const enrolment = fc.record({
  stages: fc.array(
    fc.record({ stage: fc.constantFrom(...STAGES), schools: opt(count), teachingPoints: opt(count), classes: opt(count), students: count }).map(compact),
    { minLength: 1, maxLength: 4 },
  ),
  totalSchools: opt(count),
  totalStudents: opt(count),
}).map(compact);

const aidedGroup = fc
  .record({
    group: fc.constantFrom(...GROUPS),
    name: opt(line(4)),
    semester: opt(semester),
    byStage: fc.dictionary(fc.constantFrom(...STAGES), count, { minKeys: 1, maxKeys: 4 }),
    students: opt(count),
    outOfCounty: opt(count),
  })
  .map((g) => compact({ ...g, name: g.group === 'custom' ? (g.name ?? '其他群体') : g.name }));

const aid = (year: number) =>
  fc
    .record({
      stage: fc.constantFrom(...STAGES),
      programme: fc.constantFrom(...PROGRAMMES),
      name: opt(line(4)),
      period: fc.constantFrom('spring' as const, 'autumn' as const, 'year' as const),
      students: count,
      amount,
      standard: opt(amount),
      group: opt(fc.constantFrom(...GROUPS)),
      backPay: opt(fc.record({ year: fc.integer({ min: Math.max(2000, year - 2), max: year }), semester })),
      note: opt(line(20, 200)),
    })
    // A name ending in a digit runs into the amount after it ("教4" + "0元" reads "教40元"):
    // a known wording limit of the templates, kept out of the figure checks.
    .map((a) => ({ ...a, name: a.name && !/\p{Script=Han}$/u.test(a.name) ? `${a.name}补助` : a.name }))
    .map((a) => compact({ ...a, name: a.programme === 'custom' ? (a.name ?? '临时救助') : a.name }));

const training = (year: number) =>
  fc
    .record({ audience: fc.constantFrom(...AUDIENCES), audienceName: opt(line(4)), title: line(10), sessions: count, participants: count, date: opt(dateIn(year)) })
    .map((t) => compact({ ...t, audienceName: t.audience === 'custom' ? (t.audienceName ?? '村干部') : t.audienceName }));

const funding = fc.record({ central: opt(amount), provincial: opt(amount), municipal: opt(amount), county: opt(amount), other: opt(amount) }).map(compact);

const project = (year: number) =>
  fc
    .record({
      school: line(6),
      kind: fc.constantFrom(...KINDS),
      name: opt(line(6)),
      programme: opt(fc.constantFrom('全面改薄', '校舍维修改造', '薄弱学校改造')),
      area: opt(area),

      funding: opt(funding),
      investment: opt(amount),
      status: fc.constantFrom(...STATUSES),
      date: opt(dateIn(year)),
    })
    .map(compact);

const dropout = fc
  .record({
    checked: opt(count),
    households: opt(count),
    found: count,
    returned: count,
    homeTaught: count,
    reasons: opt(fc.array(fc.record({ reason: line(8), students: count }), { maxLength: 3 })),
    noneForPoverty: opt(fc.boolean()),
  })
  .map(compact);

const words = (max: number) => fc.array(line(5), { maxLength: max });

/** Random valid stats covering every section (each optional section present about two times in three). */
export const statsInput: fc.Arbitrary<YearlyStatsInput> = fc.integer({ min: 2018, max: 2027 }).chain((year) =>
  fc
    .record({
      year: fc.constant(year),
      organisation: fc.record({ name: line(8), kind: fc.constantFrom(...ORG_KINDS), region: opt(line(8)), parent: opt(line(8)) }).map(compact),
      title: fc.option(line(12), { nil: undefined, freq: 4 }),
      subtitle: fc.option(line(12), { nil: undefined, freq: 4 }),
      enrolment: opt(enrolment),
      aidedGroups: opt(fc.array(aidedGroup, { maxLength: 3 })),
      aid: opt(fc.array(aid(year), { maxLength: 10 })),
      trainings: opt(fc.array(training(year), { maxLength: 5 })),
      projects: opt(fc.array(project(year), { maxLength: 8 })),
      dropout: opt(dropout),
      pairing: opt(fc.record({ teachers: count, students: count, homeVisits: opt(count) }).map(compact)),
      supportTeaching: opt(fc.record({ teachers: count, names: opt(words(3)), destinations: opt(words(2)) }).map(compact)),
      recruitment: opt(fc.record({ teachers: count, rural: opt(count), publicFundedGraduates: opt(count), publicFundedPlan: opt(count) }).map(compact)),
      targetedEnrolment: opt(fc.record({ vocational: opt(count), specialPlan: opt(count), note: opt(line(20)) }).map(compact)),
      publicity: opt(fc.record({ materials: count, kinds: opt(words(3)), channels: opt(words(3)) }).map(compact)),
      donations: opt(fc.record({ amount, students: opt(count), donors: opt(words(3)) }).map(compact)),
      opening: opt(prose(2)),
      measures: opt(fc.array(fc.record({ title: line(8), text: prose(2) }), { maxLength: 3 })),
      highlights: opt(fc.array(prose(1), { maxLength: 2 })),
      problems: opt(fc.array(prose(1), { maxLength: 3 })),
      plans: opt(fc.array(prose(1), { maxLength: 3 })),
      report: opt(fc.boolean()),
      signature: opt(fc.record({ issuer: opt(line(8)), date: dateIn(year) }).map(compact)),
      previousYear: opt(fc.record({ aidStudents: opt(count), aidAmount: opt(amount), trainingParticipants: opt(count), projectInvestment: opt(amount) }).map(compact)),
    })
    .map((s) => compact(s) as YearlyStatsInput),
);
