/**
 * Random valid school stats for the aggregation tests: every section the
 * county sums, with optional counts sometimes left out, estimates (余/多/近/约)
 * sometimes given, standards and groups that sometimes agree and sometimes
 * not. Amounts reuse the property tests' `amount` (odd 分, unit edges),
 * kept below 1亿元 a record so thousands of schools stay within the schema.
 */
import fc from 'fast-check';
import type { YearlyStatsInput } from '../../src/schema/stats.js';
import { amount as anyAmount, line } from '../property/arbitraries.js';

const opt = <T>(arb: fc.Arbitrary<T>, freq = 4) => fc.option(arb, { nil: undefined, freq });
/** Drops the keys whose value is undefined, as JSON would. */
export function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

const count = fc.nat({ max: 3000 });
const amount = anyAmount.filter((a) => a < 1e8);
const APPROX = ['over', 'more', 'nearly', 'about'] as const;
/** A count, sometimes an estimate. */
const roughCount = fc.oneof({ weight: 4, arbitrary: count }, { weight: 1, arbitrary: fc.record({ value: count, approx: fc.constantFrom(...APPROX) }) });
/** An amount, sometimes an estimate: 余 and 多 only after whole 万元, as the schema wants. */
const roughAmount = fc.oneof(
  { weight: 4, arbitrary: amount },
  { weight: 1, arbitrary: fc.record({ value: fc.integer({ min: 1, max: 900 }).map((n) => n * 10_000), approx: fc.constantFrom(...APPROX) }) },
  { weight: 1, arbitrary: fc.record({ value: amount, approx: fc.constantFrom('nearly' as const, 'about' as const) }) },
);

const STAGES = ['preschool', 'primary', 'junior', 'senior'] as const;
const PROGRAMMES = ['preschoolAid', 'boardingSubsidy', 'nutrition', 'freeTextbooks', 'nationalGrant', 'custom'] as const;
const GROUPS = ['relieved', 'monitored', 'hardship'] as const;

const enrolment = fc
  .uniqueArray(
    fc.record({ stage: fc.constantFrom(...STAGES), schools: opt(fc.constant(1), 2), classes: opt(fc.nat({ max: 60 }), 6), students: count }).map(compact),
    { minLength: 1, maxLength: 3, selector: (s) => s.stage },
  )
  .map((stages) => ({ stages }));

const aidedGroup = fc
  .record({
    group: fc.constantFrom(...GROUPS),
    semester: opt(fc.constantFrom('spring' as const, 'autumn' as const), 1),
    byStage: opt(fc.dictionary(fc.constantFrom(...STAGES), count, { minKeys: 1, maxKeys: 2 }), 6),
    students: count,
    households: opt(count),
  })
  .map((g) => compact({ ...g, students: g.byStage ? undefined : g.students }));

const aid = fc
  .record({
    stage: fc.constantFrom(...STAGES),
    programme: fc.constantFrom(...PROGRAMMES),
    period: fc.constantFrom('spring' as const, 'autumn' as const, 'year' as const),
    students: opt(count, 12),
    amount: opt(amount, 12),
    copies: opt(count, 1),
    standard: opt(fc.constantFrom(375, 500, 1000), 2),
    who: fc.oneof(fc.constant(undefined), fc.constantFrom(...GROUPS), fc.dictionary(fc.constantFrom(...GROUPS), count, { minKeys: 1, maxKeys: 2 })),
    backPay: opt(fc.record({ year: fc.constant(2024), semester: fc.constant('autumn' as const) }), 1),
    note: opt(line(8), 1),
  })
  .map(({ who, ...a }) =>
    compact({
      ...a,
      name: a.programme === 'custom' ? '临时救助' : undefined,
      group: typeof who === 'string' ? who : undefined,
      byGroup: typeof who === 'object' ? who : undefined,
      // One of students, amount, copies: an entry with none states nothing.
      copies: a.students === undefined && a.amount === undefined ? (a.copies ?? 100) : a.copies,
    }),
  );

const training = fc
  .record({
    audience: fc.constantFrom('teachers' as const, 'parents' as const, 'aidStaff' as const),
    title: opt(fc.constantFrom('资助政策解读', '家庭教育'), 1),
    sessions: opt(fc.nat({ max: 20 }), 8),
    participants: opt(count, 8),
    status: opt(fc.constantFrom('done' as const, 'planned' as const), 1),
  })
  .map((t) => compact({ ...t, sessions: t.sessions === undefined && t.participants === undefined && t.title === undefined ? 1 : t.sessions }));

const project = fc
  .record({
    school: opt(fc.constantFrom('常山小学', '沙河小学'), 1),
    kind: fc.constantFrom('renovation' as const, 'playground' as const, 'equipment' as const),
    area: opt(fc.oneof(fc.nat({ max: 20_000 }), fc.record({ value: fc.nat({ max: 20_000 }), approx: fc.constantFrom(...APPROX) })), 2),
    investment: opt(roughAmount, 2),
    funding: opt(fc.record({ central: amount, county: opt(amount) }).map(compact), 2),
    status: fc.constantFrom('planned' as const, 'started' as const, 'accepted' as const),
  })
  .map(compact);

const dropout = fc
  .record({
    checked: opt(count, 8),
    found: opt(fc.nat({ max: 5 }), 8),
    returned: opt(fc.nat({ max: 3 }), 4),
    homeTaught: opt(fc.nat({ max: 2 }), 2),
    reasons: opt(fc.array(fc.record({ reason: fc.constantFrom('因病在家治疗', '重复统计'), students: fc.nat({ max: 3 }) }), { maxLength: 2 }), 2),
    noneForPoverty: opt(fc.constant(true), 6),
  })
  .map(compact);

const pairing = fc
  .record({ teachers: opt(roughCount, 8), students: opt(roughCount, 8), homeVisits: opt(roughCount, 4) })
  .map((p) => compact({ ...p, teachers: Object.keys(compact(p)).length === 0 ? 10 : p.teachers }));

const publicity = fc
  .record({ materials: opt(roughCount, 8), kinds: opt(fc.uniqueArray(fc.constantFrom('明白纸', '致家长的一封信', '宣传册'), { maxLength: 3 }), 2) })
  .map((p) => compact({ ...p, materials: p.materials === undefined && !p.kinds?.length ? 100 : p.materials }));

const donations = fc.record({ amount: roughAmount, students: opt(roughCount, 4), donors: opt(fc.constant(['县慈善总会']), 1) }).map(compact);

/** One school of `year`, named later (names must differ between schools). */
export const school = (year: number): fc.Arbitrary<YearlyStatsInput> =>
  fc
    .record({
      enrolment: opt(enrolment, 8),
      aidedGroups: opt(fc.array(aidedGroup, { maxLength: 2 })),
      aid: fc.array(aid, { maxLength: 6 }),
      trainings: opt(fc.array(training, { maxLength: 3 })),
      projects: opt(fc.array(project, { maxLength: 2 })),
      dropout: opt(dropout),
      pairing: opt(pairing),
      publicity: opt(publicity),
      donations: opt(donations, 2),
      highlights: opt(fc.array(line(10, 40), { minLength: 1, maxLength: 2 }), 2),
    })
    .map((s) => compact({ year, organisation: { name: '', kind: 'school' as const }, ...s }) as YearlyStatsInput);

/** N schools of `year`, each with a name of its own. */
export const schools = (year: number, maxLength = 25, minLength = 1) =>
  fc.array(school(year), { minLength, maxLength }).map((list) => list.map((s, i) => ({ ...s, organisation: { ...s.organisation, name: `云溪县第${i + 1}小学` } })));
