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
import { ORG_KINDS as ORG_KIND_RULES, PROGRAMMES as PROGRAMME_RULES } from '../../src/domain/index.js';
import {
  ACTIVITY_STATUS_LABELS,
  APPROX_LABELS,
  AUDIENCE_LABELS,
  DATA_SECTIONS,
  DIVISION_LABELS,
  DROPOUT_ACTION_LABELS,
  GROUP_LABELS,
  PROJECT_KIND_LABELS,
  PROJECT_STATUS_LABELS,
  RATE_LABELS,
  REPORT_PERIOD_LABELS,
  SECTION_LABELS,
  STAGES as STAGE_CODES,
  STANDARD_UNIT_LABELS,
  type ActivityStatus,
  type AidedGroup,
  type Approx,
  type Audience,
  type Division,
  type DropoutAction,
  type OrgKind,
  type Programme,
  type ProjectKind,
  type ProjectStatus,
  type Rate,
  type ReportPeriod,
  type Section,
  type StandardUnit,
} from '../../src/schema/enums.js';
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

// The closed vocabularies, from the registries and the schema's enums: a code added there is drawn here.
const STAGES = STAGE_CODES;
const PROGRAMMES = Object.keys(PROGRAMME_RULES) as Programme[];
const ORG_KINDS = Object.keys(ORG_KIND_RULES) as OrgKind[];
const GROUPS = Object.keys(GROUP_LABELS) as AidedGroup[];
const AUDIENCES = Object.keys(AUDIENCE_LABELS) as Audience[];
const KINDS = Object.keys(PROJECT_KIND_LABELS) as ProjectKind[];
const STATUSES = Object.keys(PROJECT_STATUS_LABELS) as ProjectStatus[];
const ACTIVITY = Object.keys(ACTIVITY_STATUS_LABELS) as ActivityStatus[];
const APPROX = Object.keys(APPROX_LABELS) as Approx[];
const RATES = Object.keys(RATE_LABELS) as Rate[];
const semester = fc.constantFrom('spring' as const, 'autumn' as const);

/** A count that may be an estimate: a plain number, or { value, approx }. */
const roughCount = fc.oneof({ weight: 3, arbitrary: count }, { weight: 2, arbitrary: fc.record({ value: count, approx: fc.constantFrom(...APPROX) }) });

/** An amount that may be an estimate: 余 and 多 only after a value whole in the unit it prints in (the schema refuses the rest). */
const roughAmount = fc.oneof(
  { weight: 3, arbitrary: amount },
  { weight: 1, arbitrary: fc.record({ value: amount, approx: fc.constantFrom('nearly' as const, 'about' as const) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      value: fc.oneof(fc.nat({ max: 9999 }), fc.integer({ min: 1, max: 9999 }).map((n) => n * 10_000), fc.integer({ min: 1, max: 10_000 }).map((n) => n * 1e8)),
      approx: fc.constantFrom('over' as const, 'more' as const),
    }),
  },
);

/** A measure (area, percent, quantity) of at most two decimals that may be an estimate; 余 and 多 after whole numbers only. */
const roughMeasure = (max: number) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.nat({ max: max * 100 }).map((x) => x / 100) },
    { weight: 1, arbitrary: fc.record({ value: fc.nat({ max: max * 100 }).map((x) => x / 100), approx: fc.constantFrom('nearly' as const, 'about' as const) }) },
    { weight: 1, arbitrary: fc.record({ value: fc.nat({ max }), approx: fc.constantFrom('over' as const, 'more' as const) }) },
  );

/** A real calendar day in `year`. */
export const dateIn = (year: number) =>
  fc.integer({ min: 0, max: 364 }).map((d) => new Date(Date.UTC(year, 0, 1 + d)).toISOString().slice(0, 10));

/** An object with at least one of `keys` given: an entry that states nothing is refused by the schema. */
function someOf<T extends object>(arb: fc.Arbitrary<T>, keys: (keyof T)[], fallback: (o: T) => Partial<T>): fc.Arbitrary<T> {
  return arb.map((o) => (keys.some((k) => o[k] !== undefined && !(Array.isArray(o[k]) && (o[k] as unknown[]).length === 0)) ? o : { ...o, ...fallback(o) }));
}

const enrolment = fc.record({
  stages: fc.array(
    someOf(
      fc.record({ stage: fc.constantFrom(...STAGES), schools: opt(count), teachingPoints: opt(count), classes: opt(count), students: fc.option(count, { nil: undefined, freq: 6 }) }),
      ['schools', 'teachingPoints', 'classes', 'students'],
      () => ({ students: 100 }),
    ).map(compact),
    { minLength: 1, maxLength: 4 },
  ),
  totalSchools: opt(count),
  totalStudents: opt(count),
}).map(compact);

const aidedGroup = someOf(
  fc.record({
    group: fc.constantFrom(...GROUPS),
    name: opt(line(4)),
    semester: opt(semester),
    byStage: opt(fc.dictionary(fc.constantFrom(...STAGES), count, { minKeys: 1, maxKeys: 4 })),
    students: opt(count),
    households: opt(count),
    outOfCounty: opt(count),
  }),
  ['byStage', 'students', 'households'],
  () => ({ students: 12 }),
).map((g) => compact({ ...g, name: g.group === 'custom' ? (g.name ?? '其他群体') : g.name }));

const aid = (year: number) =>
  someOf(
    fc.record({
      stage: fc.constantFrom(...STAGES),
      programme: fc.constantFrom(...PROGRAMMES),
      name: opt(line(4)),
      verb: fc.option(line(6), { nil: undefined, freq: 5 }),
      period: fc.constantFrom('spring' as const, 'autumn' as const, 'year' as const),
      students: fc.option(count, { nil: undefined, freq: 6 }),
      amount: fc.option(amount, { nil: undefined, freq: 6 }),
      copies: fc.option(count, { nil: undefined, freq: 4 }),
      standard: opt(amount),
      standardUnit: opt(fc.constantFrom(...(Object.keys(STANDARD_UNIT_LABELS) as StandardUnit[]))),
      // One group, several, or none: group and byGroup exclude each other.
      groups: fc.oneof(
        fc.constant({}),
        fc.constantFrom(...GROUPS).map((group) => ({ group })),
        fc.dictionary(fc.constantFrom(...GROUPS), count, { minKeys: 1, maxKeys: 3 }).map((byGroup) => ({ byGroup })),
      ),
      backPay: opt(fc.record({ year: fc.integer({ min: Math.max(2000, year - 2), max: year }), semester })),
      note: opt(line(20, 200)),
    }),
    ['students', 'amount', 'copies'],
    () => ({ students: 3 }),
  )
    // A name ending in a digit runs into the amount after it ("教4" + "0元" reads "教40元"):
    // a known wording limit of the templates, kept out of the figure checks.
    .map(({ groups, ...a }) => ({ ...a, ...groups, name: a.name && !/\p{Script=Han}$/u.test(a.name) ? `${a.name}补助` : a.name }))
    .map((a) => compact({ ...a, name: a.programme === 'custom' ? (a.name ?? '临时救助') : a.name }));

const training = (year: number) =>
  someOf(
    fc.record({
      audience: fc.constantFrom(...AUDIENCES),
      audienceName: opt(line(4)),
      title: fc.option(line(10), { nil: undefined, freq: 5 }),
      sessions: fc.option(count, { nil: undefined, freq: 5 }),
      participants: fc.option(count, { nil: undefined, freq: 5 }),
      status: opt(fc.constantFrom(...ACTIVITY)),
      date: opt(dateIn(year)),
    }),
    ['title', 'sessions', 'participants'],
    () => ({ title: '资助政策' }),
  ).map((t) => compact({ ...t, audienceName: t.audience === 'custom' ? (t.audienceName ?? '村干部') : t.audienceName }));

const funding = fc.record({ central: opt(amount), provincial: opt(amount), municipal: opt(amount), county: opt(amount), township: opt(amount), other: opt(amount) }).map(compact);

/** One school, several (a sample of a count), only a count, or none (a programme's money). */
const projectSchools = fc.oneof(
  { weight: 4, arbitrary: line(6).map((school) => ({ school })) },
  { weight: 1, arbitrary: fc.record({ schools: fc.array(line(6), { minLength: 1, maxLength: 7 }), schoolCount: opt(count) }).map(compact) },
  { weight: 1, arbitrary: count.map((schoolCount) => ({ schoolCount })) },
  { weight: 1, arbitrary: fc.constant({}) },
);

const project = (year: number) =>
  fc
    .record({
      schools: projectSchools,
      kind: fc.constantFrom(...KINDS),
      name: opt(line(6)),
      programme: opt(fc.constantFrom('全面改薄', '校舍维修改造', '薄弱学校改造')),
      area: opt(roughMeasure(20_000)),
      funding: opt(funding),
      investment: opt(roughAmount),
      status: fc.constantFrom(...STATUSES),
      since: fc.option(fc.integer({ min: 2000, max: year }), { nil: undefined, freq: 5 }),
      date: opt(dateIn(year)),
    })
    .map(({ schools, ...p }) => compact({ ...p, ...schools }));

const dropout = fc
  .record({
    checked: opt(count),
    households: opt(count),
    found: opt(count),
    foundHouseholds: opt(count),
    returned: opt(count),
    homeTaught: opt(count),
    reasons: opt(fc.array(fc.record({ reason: line(8), students: count, action: opt(fc.constantFrom(...(Object.keys(DROPOUT_ACTION_LABELS) as DropoutAction[]))) }).map(compact), { maxLength: 3 })),
    noneForPoverty: opt(fc.boolean()),
  })
  .map(compact);

const words = (max: number) => fc.array(line(5), { maxLength: max });

const measure = fc.oneof(
  { weight: 3, arbitrary: fc.record({ title: line(8), text: prose(2) }) },
  { weight: 2, arbitrary: fc.record({ section: fc.constantFrom(...DATA_SECTIONS), title: opt(line(8)), text: opt(prose(1)) }).map(compact) },
);

/** Random valid stats covering every section (each optional section present about two times in three). */
export const statsInput: fc.Arbitrary<YearlyStatsInput> = fc.integer({ min: 2018, max: 2027 }).chain((year) =>
  fc
    .record({
      year: fc.constant(year),
      organisation: fc
        .record({ name: line(8), kind: fc.constantFrom(...ORG_KINDS), region: opt(line(8)), parent: opt(line(8)), division: opt(fc.constantFrom(...(Object.keys(DIVISION_LABELS) as Division[]))) })
        .map(compact),
      title: fc.option(line(12), { nil: undefined, freq: 4 }),
      subtitle: fc.option(line(12), { nil: undefined, freq: 4 }),
      period: opt(fc.constantFrom(...(Object.keys(REPORT_PERIOD_LABELS) as ReportPeriod[]))),
      enrolment: opt(enrolment),
      aidedGroups: opt(fc.array(aidedGroup, { maxLength: 3 })),
      aid: opt(fc.array(aid(year), { maxLength: 10 })),
      trainings: opt(fc.array(training(year), { maxLength: 5 })),
      projects: opt(fc.array(project(year), { maxLength: 8 })),
      dropout: opt(dropout),
      pairing: opt(
        someOf(
          fc.record({ teachers: opt(roughCount), students: opt(roughCount), households: opt(count), homeVisits: opt(roughCount), arrangement: opt(line(20, 200)) }),
          ['teachers', 'students', 'households', 'homeVisits', 'arrangement'],
          () => ({ teachers: 5 }),
        ).map(compact),
      ),
      supportTeaching: opt(fc.record({ teachers: roughCount, names: opt(words(3)), destinations: opt(words(2)) }).map(compact)),
      recruitment: opt(fc.record({ teachers: count, status: opt(fc.constantFrom(...ACTIVITY)), rural: opt(count), publicFundedGraduates: opt(count), publicFundedPlan: opt(count) }).map(compact)),
      targetedEnrolment: opt(fc.record({ vocational: opt(count), specialPlan: opt(count), note: opt(line(20)) }).map(compact)),
      publicity: opt(
        someOf(fc.record({ materials: opt(roughCount), kinds: opt(words(3)), channels: opt(words(3)) }), ['materials', 'kinds', 'channels'], () => ({ materials: 10 })).map(compact),
      ),
      donations: opt(
        someOf(
          fc.record({ amount: opt(roughAmount), grants: opt(roughAmount), students: opt(roughCount), donors: opt(words(3)), fund: opt(line(8)), since: opt(fc.integer({ min: 2000, max: year })) }),
          ['amount', 'students', 'donors', 'fund'],
          () => ({ amount: 1000 }),
        ).map(compact),
      ),
      rates: opt(
        fc.array(
          fc
            .record({ rate: fc.constantFrom(...RATES), name: opt(line(6)), stage: opt(fc.constantFrom(...STAGES)), value: roughMeasure(100), year: opt(fc.integer({ min: 2000, max: year })) })
            .map((r) => compact({ ...r, name: r.rate === 'custom' ? (r.name ?? '其他比率') : r.name })),
          { maxLength: 3 },
        ),
      ),
      achievements: opt(
        fc.array(fc.record({ item: line(8), value: roughMeasure(1e6), unit: fc.constantFrom('平方米', '册', '件', '所', '个', '元'), since: opt(fc.integer({ min: 2000, max: year })) }).map(compact), { maxLength: 4 }),
      ),
      opening: opt(prose(2)),
      measures: opt(fc.array(measure, { maxLength: 4 })),
      highlights: opt(fc.array(prose(1), { maxLength: 2 })),
      problems: opt(fc.array(prose(1), { maxLength: 3 })),
      plans: opt(fc.array(prose(1), { maxLength: 3 })),
      closing: opt(prose(1)),
      headings: opt(fc.dictionary(fc.constantFrom(...(Object.keys(SECTION_LABELS) as Section[])), line(8), { maxKeys: 3 })),
      report: opt(fc.boolean()),
      signature: opt(fc.record({ issuer: opt(line(8)), date: dateIn(year) }).map(compact)),
      previousYear: opt(fc.record({ aidStudents: opt(count), aidAmount: opt(amount), trainingParticipants: opt(count), projectInvestment: opt(amount) }).map(compact)),
    })
    .map((s) => compact(s) as YearlyStatsInput),
);
