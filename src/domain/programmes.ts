import type { AidPeriod, Stage, StandardUnit } from '../schema/enums.js';

/**
 * The aid programmes (学生资助项目): how each is named, how its payment
 * reads, what its figures count and what it is checked against. The schema's
 * enum, the facts' totals and checks, the view's sentences and the property
 * tests' arbitraries all read this one table.
 */

/**
 * What a programme gives, which decides the totals it joins:
 * - `grant`: money paid to the student or family (助学金, 补助, 资助资金);
 * - `waiver`: fees not charged (免学费, 免保育教育费);
 * - `inKind`: goods (免费教科书), counted in students or copies, with at most a 折合 value;
 * - `loan`: a loan arranged (助学贷款), money the student repays.
 * The headline “资助学生N人次、发放资助资金X元” sums grants and waivers only.
 */
export type ProgrammeKind = 'grant' | 'waiver' | 'inKind' | 'loan';

export interface ProgrammeRule {
  /** The printed name, also the enum's label: “国家助学金”. */
  label: string;
  /** A stage where the programme is called otherwise: 学前教育的免学费 is 免保育教育费. */
  labels?: Partial<Record<Stage, string>>;
  kind: ProgrammeKind;
  /** How the payment reads after “为N名学生”: “发放国家助学金”, “免除学费”. */
  verb: string;
  /** The verb at a stage where it differs. */
  verbs?: Partial<Record<Stage, string>>;
  /** What stands before the amount: nothing for money paid, “，折合资金” for goods valued. */
  amountLead: string;
  /** The measure word of what a row's `copies` count (免费教科书: 册); a row's `students` are always persons (名, 人次). */
  copies: string;
  /**
   * Whether a semester's recipients are counted against the stage's enrolment
   * (more aided than enrolled is a warning). Loans and 雨露计划 reach students
   * who study outside the organisation's schools, so they are not.
   */
  withinEnrolment: boolean;
  /** Whether every enrolled student is eligible (营养改善计划, 免费教科书), so coverage is counted against enrolment. */
  universal: boolean;
  /** The schema's note on the code, after the label. */
  note?: string;
}

export const PROGRAMMES = {
  preschoolAid: { label: '学前教育资助', kind: 'grant', verb: '发放资助资金', amountLead: '', copies: '册', withinEnrolment: true, universal: false },
  tuitionWaiver: {
    label: '免学费',
    labels: { preschool: '免保育教育费' },
    kind: 'waiver',
    verb: '免除学费',
    verbs: { preschool: '免除保育教育费' },
    amountLead: '',
    copies: '册',
    withinEnrolment: true,
    universal: false,
    note: '学前为免保育教育费',
  },
  nationalGrant: { label: '国家助学金', kind: 'grant', verb: '发放国家助学金', amountLead: '', copies: '册', withinEnrolment: true, universal: false },
  boardingSubsidy: { label: '寄宿生生活补助', kind: 'grant', verb: '发放生活补助', amountLead: '', copies: '册', withinEnrolment: true, universal: false },
  nutrition: { label: '营养改善计划', kind: 'grant', verb: '发放营养膳食补助', amountLead: '', copies: '册', withinEnrolment: true, universal: true },
  freeTextbooks: {
    label: '免费教科书',
    kind: 'inKind',
    verb: '免费提供教科书',
    amountLead: '，折合资金',
    copies: '册',
    withinEnrolment: true,
    universal: true,
    note: '可按人数或册数（copies）填写，金额为折合资金，可不填；不计入资助资金合计',
  },
  studentLoan: {
    label: '生源地信用助学贷款',
    kind: 'loan',
    verb: '办理生源地信用助学贷款',
    amountLead: '',
    copies: '册',
    withinEnrolment: false,
    universal: false,
    note: '不计入资助资金合计，另行印出',
  },
  yulu: { label: '雨露计划', kind: 'grant', verb: '发放雨露计划补助', amountLead: '', copies: '册', withinEnrolment: false, universal: false },
  freshmanAid: { label: '新生入学资助', kind: 'grant', verb: '发放新生入学资助', amountLead: '', copies: '册', withinEnrolment: false, universal: false },
  custom: { label: '其他资助', kind: 'grant', verb: '发放', amountLead: '', copies: '册', withinEnrolment: true, universal: false, note: '须填 name；verb 可写发放的说法' },
} as const satisfies Record<string, ProgrammeRule>;

export type Programme = keyof typeof PROGRAMMES;

/** The code → label map the schema's enum is made from. */
export const PROGRAMME_LABELS = Object.fromEntries(Object.entries(PROGRAMMES).map(([code, rule]) => [code, rule.label])) as {
  [P in Programme]: (typeof PROGRAMMES)[P]['label'];
};

/** The schema's description of the programme codes. */
export const PROGRAMME_DESCRIPTION = `资助项目：${Object.entries(PROGRAMMES)
  .map(([code, rule]: [string, ProgrammeRule]) => `${code} ${rule.label}${rule.note ? `（${rule.note}）` : ''}`)
  .join('、')}`;

/** The rule of a programme code. */
export function programmeRule(programme: Programme): ProgrammeRule {
  return PROGRAMMES[programme];
}

/** The programme's printed name at a stage: the row's own name, else the stage's or the programme's label. */
export function programmeName(programme: Programme, stage: Stage, own?: string): string {
  const rule: ProgrammeRule = PROGRAMMES[programme];
  return own ?? rule.labels?.[stage] ?? rule.label;
}

/**
 * How a payment reads after “为N名学生”: the row's own verb, else the
 * stage's or the programme's; a custom programme pays out its own name
 * (“发放春蕾助学金”).
 */
export function programmeVerb(programme: Programme, stage: Stage, name: string, own?: string): string {
  if (own) return own;
  const rule: ProgrammeRule = PROGRAMMES[programme];
  if (programme === 'custom') return `${rule.verb}${name}`;
  return rule.verbs?.[stage] ?? rule.verb;
}

/** A per-student standard's default unit: per semester for a semester's payment, per year for a year's. */
export function defaultStandardUnit(period: AidPeriod): StandardUnit {
  return period === 'year' ? 'year' : 'semester';
}
