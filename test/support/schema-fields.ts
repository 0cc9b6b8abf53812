/**
 * The fields of the stats schema, found by walking its JSON Schema — so a
 * field added later is covered by the robustness tests without touching
 * them — and stats in which every one of them is present.
 */
import { statsJsonSchema } from '../../src/schema/json-schema.js';

export type FieldKind = 'amount' | 'area' | 'count' | 'year' | 'text';

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
  const add = (path: (string | number)[], kind: FieldKind, maxLength?: number) =>
    out.push({ path, where: wherePath(path), kind, ...(maxLength === undefined ? {} : { maxLength }) });
  const walk = (node: Node | undefined, path: (string | number)[]) => {
    if (!node || typeof node !== 'object') return;
    const description = String(node.description ?? '');
    if (node.type === 'number') add(path, description.includes('元，至多两位小数') ? 'amount' : 'area');
    if (node.type === 'integer') add(path, node.maximum === 2100 ? 'year' : 'count');
    // Free text: a string that is neither a choice (enum), a date (pattern) nor the $schema link.
    if (node.type === 'string' && !node.enum && !node.pattern && path[0] !== '$schema') add(path, 'text', node.maxLength as number | undefined);
    for (const [key, child] of Object.entries((node.properties ?? {}) as Record<string, Node>)) walk(child, [...path, key]);
    if (node.items) walk(node.items as Node, [...path, 0]);
    if (node.additionalProperties && typeof node.additionalProperties === 'object') walk(node.additionalProperties as Node, [...path, 'primary']);
    for (const k of ['anyOf', 'oneOf', 'allOf'] as const) if (Array.isArray(node[k])) (node[k] as Node[]).forEach((x) => walk(x, path));
  };
  walk(statsJsonSchema(), []);
  return out;
}

export function wherePath(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** A bureau's stats in which every field of the schema is present, so any path of {@link schemaFields} leads somewhere. */
export const FULL_STATS = {
  year: 2025,
  organisation: { name: '云溪县教育局', kind: 'bureau', region: '某某省某某市云溪县', parent: '某某市教育局' },
  title: '云溪县教育局2025年教育帮扶工作总结',
  subtitle: '巩固成果 衔接振兴',
  semesters: ['spring', 'autumn'],
  enrolment: { stages: [{ stage: 'primary', schools: 3, teachingPoints: 1, classes: 12, students: 418 }], totalSchools: 3, totalStudents: 418 },
  aidedGroups: [{ group: 'custom', name: '困境儿童', semester: 'spring', byStage: { primary: 31 }, statedTotal: 31, outOfCounty: 2 }],
  aid: [
    { stage: 'primary', programme: 'custom', name: '临时救助', period: 'spring', students: 418, amount: 209000, standard: 500, note: '按标准足额发放。', backPay: { year: 2024, semester: 'autumn' } },
    { stage: 'primary', programme: 'nutrition', period: 'autumn', students: 418, amount: 209000 },
  ],
  trainings: [{ audience: 'custom', audienceName: '村干部', title: '资助政策解读', sessions: 1, participants: 40, date: '2025-05-06' }],
  projects: [
    {
      school: '常山小学',
      kind: 'playground',
      name: '运动场建设',
      programme: '全面改薄',
      area: 5200,
      funding: { central: 1, provincial: 2, municipal: 3, county: 4, other: 5 },
      investment: 15,
      status: 'accepted',
      date: '2025-09-12',
    },
  ],
  dropout: { checked: 100, households: 1, found: 3, returned: 1, homeTaught: 1, reasons: [{ reason: '因病在家治疗', students: 1 }], noneForPoverty: true },
  pairing: { teachers: 1, students: 2, homeVisits: 3 },
  supportTeaching: { teachers: 1, names: ['潘勇'], destinations: ['西藏'] },
  recruitment: { teachers: 1, rural: 1, publicFundedGraduates: 1, publicFundedPlan: 1 },
  targetedEnrolment: { vocational: 1, specialPlan: 1, note: '专项计划应报尽报。' },
  publicity: { materials: 100, approximate: false, kinds: ['明白纸'], channels: ['家长会'] },
  donations: { amount: 1000, students: 10, donors: ['县慈善总会'] },
  opening: '一年来，我局扎实推进教育帮扶各项工作。',
  measures: [{ title: '健全工作机制', text: '成立领导小组，明确责任分工。' }],
  highlights: ['资助做到应助尽助。'],
  problems: ['部分家长对政策了解不够。'],
  plans: ['进一步加强政策宣传。'],
  report: true,
  signature: { issuer: '云溪县教育局', date: '2025-12-20' },
  previousYear: { aidStudents: 1, aidAmount: 1, trainingParticipants: 1, projectInvestment: 1 },
};

/** A deep copy of `stats` with the value at `path` replaced. */
export function withValue<T>(stats: T, path: readonly (string | number)[], value: unknown): T {
  const copy = structuredClone(stats) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path.at(-1)!] = value;
  return copy as T;
}
