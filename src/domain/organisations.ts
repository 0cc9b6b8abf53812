import type { Division, Stage } from '../schema/enums.js';

/**
 * The kinds of organisation that write summaries, each with its own
 * vocabulary: a kindergarten speaks of 我园, 在园幼儿 and 家长, a bureau of 我局
 * and 全县 (全区 for a district). Schema labels, the view's words and the
 * templates' choice all read this table.
 */
export interface OrgKindRule {
  /** The enum's label: “幼儿园”. */
  label: string;
  /** How the organisation refers to itself: 我校, 我园, 我局, 中心校. */
  self: string;
  /** Its whole scope, “全校”; a bureau's comes from its division (全县, 全区, 全市). */
  scope: string;
  /** Whom it teaches: 学生, 幼儿. */
  person: string;
  /** Enrolled: 在校, 在园. */
  enrolled: string;
  /** Whom publicity reaches: 学生和家长, 家长 (a kindergarten's children do not read 明白纸). */
  audience: string;
  /** The built-in template that fits. */
  template: 'school' | 'bureau';
  /** Whether the organisation oversees schools (a bureau), or is one (its basics count classes). */
  oversees: boolean;
}

export const ORG_KINDS = {
  school: { label: '学校', self: '我校', scope: '全校', person: '学生', enrolled: '在校', audience: '学生和家长', template: 'school', oversees: false },
  // Seed 13, a 教学点, writes 我校 and 全校 of itself, as such offices do.
  teachingPoint: { label: '教学点', self: '我校', scope: '全校', person: '学生', enrolled: '在校', audience: '学生和家长', template: 'school', oversees: false },
  kindergarten: { label: '幼儿园', self: '我园', scope: '全园', person: '幼儿', enrolled: '在园', audience: '家长', template: 'school', oversees: false },
  // A township centre school (seed 2) names itself 中心校 and speaks for the whole township.
  centerSchool: { label: '中心校', self: '中心校', scope: '全镇', person: '学生', enrolled: '在校', audience: '学生和家长', template: 'school', oversees: true },
  bureau: { label: '教育局', self: '我局', scope: '全县', person: '学生', enrolled: '在校', audience: '学生和家长', template: 'bureau', oversees: true },
} as const satisfies Record<string, OrgKindRule>;

export type OrgKind = keyof typeof ORG_KINDS;

export const ORG_KIND_LABELS = Object.fromEntries(Object.entries(ORG_KINDS).map(([code, rule]) => [code, rule.label])) as {
  [K in OrgKind]: (typeof ORG_KINDS)[K]['label'];
};

export const ORG_KIND_DESCRIPTION = `单位类型：${Object.entries(ORG_KINDS)
  .map(([code, rule]) => `${code} ${rule.label}`)
  .join('、')}（教育局含教体局）；决定总结的自称与用语（我校/我园/我局，学生/幼儿）`;

/** The word of a county-level division: 县, 区, 市. */
const DIVISION_WORDS: Record<Division, string> = { county: '县', district: '区', city: '市' };

/**
 * The division an organisation serves: as stated, else read from a bureau's
 * name (“某某区教体局” is a district's; “某某市教育局” without 县 a city's).
 */
export function divisionOf(org: { kind: OrgKind; name: string; division?: Division | undefined }): Division {
  if (org.division) return org.division;
  if (/区/.test(org.name)) return 'district';
  if (/市/.test(org.name) && !/县/.test(org.name)) return 'city';
  return 'county';
}

/** The organisation's words: the rule of its kind, with a bureau's scope from its division. */
export interface Voice {
  self: string;
  scope: string;
  person: string;
  enrolled: string;
  audience: string;
  /** The county level of funding and office: 县级, 区级, 市级. */
  level: string;
  /** The division's word: 县, 区, 市. */
  division: string;
}

export function voiceOf(org: { kind: OrgKind; name: string; division?: Division | undefined }): Voice {
  const rule: OrgKindRule = ORG_KINDS[org.kind];
  const division = DIVISION_WORDS[divisionOf(org)];
  return {
    self: rule.self,
    scope: org.kind === 'bureau' ? `全${division}` : rule.scope,
    person: rule.person,
    enrolled: rule.enrolled,
    audience: rule.audience,
    level: `${division}级`,
    division,
  };
}

/**
 * Whom a stage's aid reaches, in the organisation's words: 幼儿 in
 * preschool (and anywhere in a kindergarten), 学生 elsewhere.
 */
export function personAt(kind: OrgKind, stage: Stage | undefined): string {
  return stage === 'preschool' || kind === 'kindergarten' ? '幼儿' : ORG_KINDS[kind].person;
}

/** A group's name said of the persons at a stage: “脱贫家庭学生” → “脱贫家庭幼儿”. */
export function groupNounAt(name: string, person: string): string {
  return person === '学生' ? name : name.replace(/学生/g, person);
}
