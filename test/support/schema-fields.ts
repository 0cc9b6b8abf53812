/**
 * The fields of the stats schema, found by walking its JSON Schema — so a
 * field added later is covered by the robustness tests without touching
 * them — and stats in which every one of them is present.
 */
import { statsJsonSchema } from '../../src/schema/json-schema.js';

export type FieldKind = 'amount' | 'area' | 'percent' | 'quantity' | 'count' | 'year' | 'text';

export interface SchemaField {
  /** A concrete path into {@link FULL_STATS}: arrays at index 0, records at key "primary". */
  path: (string | number)[];
  /** As issues print it: "aid[0].amount". */
  where: string;
  kind: FieldKind;
  /** For text: the longest value the schema takes. */
  maxLength?: number;
}

type Node = Record<string, unknown>;

export function schemaFields(): SchemaField[] {
  const out: SchemaField[] = [];
  const seen = new Set<string>();
  const add = (schemaPath: (string | number)[], kind: FieldKind, maxLength?: number) => {
    // A figure that may be rough is a number or { value, approx }: FULL_STATS holds one form, and that one is tested.
    const path = inFullStats(schemaPath);
    if (!path || typeof valueAt(path) !== (kind === 'text' ? 'string' : 'number')) return;
    const where = wherePath(path);
    if (seen.has(where)) return;
    seen.add(where);
    out.push({ path, where, kind, ...(maxLength === undefined ? {} : { maxLength }) });
  };
  const walk = (node: Node | undefined, path: (string | number)[]) => {
    if (!node || typeof node !== 'object') return;
    const description = String(node.description ?? '');
    if (node.type === 'number')
      add(path, description.includes('元，至多两位小数') ? 'amount' : description.includes('平方米') ? 'area' : description.includes('百分数') ? 'percent' : 'quantity');
    if (node.type === 'integer') add(path, node.maximum === 2100 ? 'year' : 'count');
    // Free text: a string that is neither a choice (enum), a date (pattern) nor the $schema link.
    if (node.type === 'string' && !node.enum && !node.pattern && path[0] !== '$schema') add(path, 'text', node.maxLength as number | undefined);
    for (const [key, child] of Object.entries((node.properties ?? {}) as Record<string, Node>)) walk(child, [...path, key]);
    if (node.items) walk(node.items as Node, [...path, 0]);
    if (node.additionalProperties && typeof node.additionalProperties === 'object') walk(node.additionalProperties as Node, [...path, ANY_KEY]);
    for (const k of ['anyOf', 'oneOf', 'allOf'] as const) if (Array.isArray(node[k])) (node[k] as Node[]).forEach((x) => walk(x, path));
  };
  walk(statsJsonSchema(), []);
  return out;
}

/**
 * The schema's path (arrays at index 0) as a path into FULL_STATS: where
 * fields exclude each other (an aid row's group and byGroup, the two kinds of
 * measure), a later item of the list holds the other one.
 */
function valueAt(path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown> | undefined)?.[key], FULL_STATS);
}

/** A record's key in a schema path: any key FULL_STATS has there. */
const ANY_KEY = '*';

function inFullStats(path: readonly (string | number)[]): (string | number)[] | undefined {
  const resolve = (node: unknown, rest: readonly (string | number)[]): (string | number)[] | undefined => {
    if (rest.length === 0) return [];
    const [head, ...tail] = rest;
    if (typeof head === 'number' && Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const found = resolve(node[i], tail);
        if (found) return [i, ...found];
      }
      return undefined;
    }
    if (head === ANY_KEY && node && typeof node === 'object') {
      const key = Object.keys(node)[0];
      return key === undefined ? undefined : resolve(node, [key, ...tail]);
    }
    if (node && typeof node === 'object' && Object.hasOwn(node, head!)) {
      const found = resolve((node as Record<string, unknown>)[head!], tail);
      return found && [head!, ...found];
    }
    return undefined;
  };
  return resolve(FULL_STATS, path);
}

export function wherePath(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** A bureau's stats in which every field of the schema is present, so any path of {@link schemaFields} leads somewhere. */
export const FULL_STATS = {
  year: 2025,
  organisation: { name: '云溪县教育局', kind: 'bureau', region: '某某省某某市云溪县', parent: '某某市教育局', division: 'county' },
  title: '云溪县教育局2025年教育帮扶工作总结',
  subtitle: '巩固成果 衔接振兴',
  period: 'year',
  enrolment: { stages: [{ stage: 'primary', schools: 3, teachingPoints: 1, classes: 12, students: 418 }], totalSchools: 3, totalStudents: 418 },
  aidedGroups: [{ group: 'custom', name: '困境儿童', semester: 'spring', byStage: { primary: 31 }, students: 31, households: 20, outOfCounty: 2 }],
  aid: [
    {
      stage: 'primary',
      programme: 'custom',
      name: '临时救助',
      verb: '发放临时救助金',
      period: 'spring',
      students: 418,
      amount: 209000,
      standard: 500,
      standardUnit: 'semester',
      group: 'relieved',
      note: '按标准足额发放。',
      backPay: { year: 2024, semester: 'autumn' },
    },
    { stage: 'primary', programme: 'nutrition', period: 'autumn', students: 418, amount: 209000, byGroup: { relieved: 18, hardship: 400 } },
    { stage: 'primary', programme: 'freeTextbooks', period: 'autumn', students: 418, copies: 3344 },
  ],
  trainings: [{ audience: 'custom', audienceName: '村干部', title: '资助政策解读', sessions: 1, participants: 40, status: 'done', date: '2025-05-06' }],
  projects: [
    {
      school: '常山小学',
      kind: 'playground',
      name: '运动场建设',
      programme: '全面改薄',
      area: 5200,
      funding: { central: 1, provincial: 2, municipal: 3, county: 4, township: 0, other: 5 },
      investment: 15,
      status: 'accepted',
      date: '2025-09-12',
    },
    { schools: ['沙河小学', '红岩小学'], schoolCount: 15, kind: 'renovation', programme: '校舍维修改造', area: { value: 10000, approx: 'more' }, investment: { value: 7e8, approx: 'about' }, status: 'completed', since: 2018 },
  ],
  dropout: {
    checked: 100,
    households: 1,
    found: 3,
    foundHouseholds: 2,
    returned: 1,
    homeTaught: 1,
    reasons: [{ reason: '因病在家治疗', students: 1, action: 'other' }],
    noneForPoverty: true,
  },
  pairing: { teachers: 1, students: 2, households: 2, homeVisits: 3, arrangement: '带课教师每人帮扶一名学生' },
  supportTeaching: { teachers: { value: 100, approx: 'nearly' }, names: ['潘勇'], destinations: ['西藏'] },
  recruitment: { teachers: 1, status: 'planned', rural: 1, publicFundedGraduates: 1, publicFundedPlan: 1 },
  targetedEnrolment: { vocational: 1, specialPlan: 1, note: '专项计划应报尽报。' },
  publicity: { materials: { value: 100, approx: 'over' }, kinds: ['明白纸'], channels: ['家长会'] },
  donations: { amount: 1000, grants: { value: 2600000, approx: 'nearly' }, students: 10, donors: ['县慈善总会'], fund: '爱心助学基金', since: 2018 },
  rates: [{ rate: 'custom', name: '小升初比例', stage: 'primary', value: 98.16, year: 2025 }],
  achievements: [{ item: '装备学校图书', value: 73000, unit: '册', since: 2018 }],
  opening: '一年来，我局扎实推进教育帮扶各项工作。',
  measures: [{ title: '健全工作机制', text: '成立领导小组，明确责任分工。' }, { section: 'publicity', title: '加强舆论宣传' }],
  highlights: ['资助做到应助尽助。'],
  problems: ['部分家长对政策了解不够。'],
  plans: ['进一步加强政策宣传。'],
  closing: '总之，我局将继续做好教育帮扶工作。',
  headings: { plans: '对策与建议' },
  report: true,
  signature: { issuer: '云溪县教育局', date: '2025-12-20' },
  previousYear: { aidStudents: 1, aidAmount: 1, trainingParticipants: 1, projectInvestment: 1 },
  schools: [{ name: '常山小学', aid: [{ stage: 'primary', students: 418, amount: 209000 }], highlights: ['多名学生在县级比赛中获奖。'] }],
};

/** A deep copy of `stats` with the value at `path` replaced. */
export function withValue<T>(stats: T, path: readonly (string | number)[], value: unknown): T {
  const copy = structuredClone(stats) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path.at(-1)!] = value;
  return copy as T;
}
