import type { Voice } from '../domain/organisations.js';
import type { Approx, DataSection, OrgKind, ReportPeriod, Section, Stage } from '../schema/enums.js';
import type { Terms } from './terms.js';

/**
 * The view a template renders: the contract between zongjie and every
 * template, built-in or custom. Built from the stats and their facts by
 * `buildView` (src/compose/view.ts); a test pins its shape.
 *
 * Rules a template may rely on:
 * - Every key is present. What the data does not give is `null` (a single
 *   value or a section) or `[]` (a list), never 0 and never undefined: a
 *   template tests `{{#if x}}` and prints what is there. A count or amount
 *   the data gives as 0 is `null` too, so no sentence prints “0人” or “0元”.
 * - Money is in integer 分 (fields named `fen`); print it with the `fen` or
 *   `roughFen` helper. Counts are plain numbers; print them with `count`,
 *   `roughCount` and friends. Templates do no arithmetic: every total is here.
 * - A figure the office has only as an estimate is `{ value, approx }` (or
 *   `{ fen, approx }`), approx one of over 余, more 多, nearly 近, about 约, or
 *   null when exact.
 * - User text is printed as written; it reaches the template as opaque
 *   tokens (src/compose/vault.ts), so it can be printed but not parsed.
 */
export interface TemplateView {
  /** The report year; for a school year, the year it starts. */
  year: number;
  /** The user's title and subtitle, if given. */
  title: string | null;
  subtitle: string | null;
  period: PeriodView;
  org: OrgView;
  /** The organisation's words: 我校/我园/我局, 全校/全园/全县, 学生/幼儿, 在校/在园, 县级/区级. */
  voice: Voice;
  /** The words of the report year's policy period (教育扶贫 / 教育帮扶 …) and the groups' names. */
  terms: Terms;
  /** The user's opening, one string a paragraph. */
  opening: string[];
  /** The opening already ends with the lead-in “……如下：”. */
  openingHasLead: boolean;
  /** The lead-in after the user's opening, in the genre the title names (现将有关情况总结如下： / 报告如下： / 汇报如下：); null for a survey report. */
  lead: string | null;
  enrolment: EnrolmentView | null;
  /** Rates offices report (入学率, 巩固率 …), as given. */
  rates: RatesView | null;
  /** The aided groups counted (基本情况). */
  groups: GroupView[];
  aid: AidView | null;
  dropout: DropoutView | null;
  projects: ProjectsView | null;
  recruitment: RecruitmentView | null;
  supportTeaching: SupportTeachingView | null;
  trainings: TrainingsView | null;
  pairing: PairingView | null;
  targetedEnrolment: TargetedEnrolmentView | null;
  publicity: PublicityView | null;
  donations: DonationsView | null;
  achievements: AchievementsView | null;
  /**
   * The measures (主要做法) in the user's order: free-text measures and data
   * sections ({ section }) as listed, then the data sections with data the
   * user did not list (aid, rates and achievements excepted: they have homes
   * of their own in the template).
   */
  measures: MeasureView[];
  /** Data sections with a home of their own that the user placed among the measures: the template leaves them out of their home. */
  placed: { aid: boolean; rates: boolean; achievements: boolean };
  /** The user's heading for a section, or null: the template's own heading stands. */
  headings: Record<Section, string | null>;
  /** Free text, one string a paragraph (a line break the user typed starts a new one). */
  highlights: string[];
  problems: string[];
  plans: string[];
  /** The closing paragraph(s) (“总之，……”), printed after the plans. */
  closing: string[];
  /** Sent upward as a report: end with 特此报告。 */
  report: boolean;
  /** Prebuilt tables, as `@block` lines to print on a line of their own, or null. */
  tables: ViewTables;
  /** Prebuilt charts, as `@block` lines, or null: placed in an attachment beside their table. */
  charts: ViewCharts;
}

export interface ViewTables {
  aid: string | null;
  projects: string | null;
  trainings: string | null;
  /** A county's aggregate: the per-school table. */
  schools: string | null;
  /** A county's aggregate: each school's highlights (headings and paragraphs), one `@block` a line. */
  schoolHighlights: string | null;
}

export interface ViewCharts {
  /** 各学段学生资助资金, where two stages or more have aid. */
  fundsByStage: string | null;
}

/**
 * User text printed as a sentence after generated ones, as written; `stop`
 * is the 。 to add when the text does not end a sentence itself.
 */
export interface UserSentence {
  text: string;
  stop: string;
}

/** A figure that may be an estimate. */
export interface RoughNumber {
  value: number;
  approx: Approx | null;
}

/** An amount in 分 that may be an estimate. */
export interface RoughMoney {
  fen: number;
  approx: Approx | null;
}

export interface PeriodView {
  kind: ReportPeriod;
  /** As a title names it: “2025年”, “2025年春季学期”, “2025—2026学年”. */
  label: string;
  /** The whole period in running text: 全年, 本学期, 本学年. */
  whole: string;
  isYear: boolean;
}

export interface OrgView {
  name: string;
  kind: OrgKind;
  /** 学校, 教学点, 幼儿园, 中心校, 教育局. */
  kindLabel: string;
  isBureau: boolean;
  region: string | null;
  parent: string | null;
}

export interface EnrolmentView {
  /** Totals of the stages, where every stage gives the figure. */
  schools: number | null;
  classes: number | null;
  /** All students and children. */
  students: number | null;
  /** 在园幼儿 and 在校学生 of the other stages, as a bureau counts them apart. */
  preschool: number | null;
  beyondPreschool: number | null;
  /** More than one stage: the parts are worth listing. */
  /** More than one stage with students. */
  several: boolean;
  /** The stages with students. */
  stages: {
    stage: Stage;
    /** 学前教育, 小学 … */
    label: string;
    /** What a bureau calls the stage's schools: 幼儿园, 小学, 中等职业学校 … */
    schoolLabel: string;
    isPreschool: boolean;
    schools: number | null;
    teachingPoints: number | null;
    classes: number | null;
    students: number | null;
  }[];
  /** The stages that give their schools (幼儿园48所、小学62所). */
  schoolStages: { schoolLabel: string; schools: number; teachingPoints: number | null }[];
  /** The stages other than preschool that give students: 在校学生, as a bureau counts them. */
  studentStages: { label: string; students: number }[];
}

export interface RatesView {
  items: {
    /** 小学适龄儿童入学率, 义务教育巩固率, or the user's name (小升初比例). */
    name: string;
    value: RoughNumber;
    /** A year other than the report's. */
    year: number | null;
  }[];
}

export interface GroupView {
  /** The group's name in the report year's terms, said of the persons it counts: 脱贫家庭学生, 脱贫家庭幼儿. */
  label: string;
  /** 春季学期, or null. */
  semester: string | null;
  students: number | null;
  households: number | null;
  stages: { label: string; students: number }[];
  several: boolean;
  outOfCounty: number | null;
}

export interface AidView {
  /** More than one stage: “各学段”. */
  several: boolean;
  /** Grants and waivers, back-payments included: “资助学生N人次，发放资助资金X元”. Null when there are none. */
  grants: { students: number | null; fen: number | null } | null;
  /** Loans arranged (生源地信用助学贷款): never part of the aid money. */
  loans: { students: number | null; fen: number | null } | null;
  /** Free textbooks: students or copies, and the value where given (折合资金). */
  inKind: { students: number | null; copies: number | null; fen: number | null } | null;
  /** Compared with the previous year's aid money and students (same definition as `grants`). */
  change: string | null;
  studentsChange: string | null;
  stages: AidStageView[];
}

export interface AidStageView {
  stage: Stage;
  /** 学前教育, 义务教育 … */
  label: string;
  /** Only one programme: its text can run in with the stage's heading. */
  single: boolean;
  programmes: ProgrammeView[];
  /** Coverage computed from its parts: “春季学期脱贫家庭幼儿资助实现全覆盖”. */
  coverage: string[];
}

export interface ProgrammeView {
  /** As a heading names it: 国家助学金, 免保育教育费, the user's own name. */
  label: string;
  /** As printed right before an amount (a name ending in a digit is quoted). */
  name: string;
  /** 发放国家助学金, 免除学费, 免费提供教科书, the user's own verb. */
  verb: string;
  /** What stands between the verb and the amount: “” for money paid, “，折合资金” for goods. */
  amountLead: string;
  /** The measure word of `copies`: 册. */
  copiesUnit: string;
  /** The periods in order (spring, autumn, year), then back-payments. */
  payments: PaymentView[];
  /** Over all payments, when there is more than one and a figure is known for all. */
  total: { students: number | null; copies: number | null; fen: number | null } | null;
  /** The rows' notes, printed as written after the programme's text. */
  notes: UserSentence[];
}

export interface PaymentView {
  /** A back-payment (补发) of an earlier semester. */
  backPay: boolean;
  /** 春季学期, 全年, 本学年, or the semester back-paid: 2024年秋季学期. */
  label: string;
  students: number | null;
  /** Whom the payment reached: the one group every row names (脱贫家庭幼儿), else 学生 / 幼儿. */
  noun: string;
  /** Every row names that one group, so the noun is worth printing without a count. */
  grouped: boolean;
  copies: number | null;
  fen: number | null;
  /** The per-student standard, when every row gives the same: “每生每学期”, 37500 分. */
  standard: { unit: string; fen: number } | null;
  /** Students per group where the rows name several (其中…): 脱贫家庭学生3名、其他家庭经济困难学生5名. */
  shares: { label: string; students: number }[];
}

export interface DropoutView {
  checked: number | null;
  households: number | null;
  found: number | null;
  /** Found is given as 0: “未发现失学辍学学生”. */
  noneFound: boolean;
  foundHouseholds: number | null;
  returned: number | null;
  homeTaught: number | null;
  reasons: { reason: string; students: number; action: string | null }[];
  /** Stated by the office: no student out of school for poverty. */
  noneForPoverty: boolean;
}

export interface SchoolsView {
  /** The schools named. */
  named: string[];
  /** All the schools covered, named or not. */
  count: number;
  /** 学校, or 幼儿园 where every project builds one. */
  noun: string;
  /** One school, named. */
  one: boolean;
  /** Every school named, and few enough to list (up to five). */
  listed: boolean;
  /** Some named, more covered: “甲、乙等15所学校”. */
  sample: boolean;
}

export interface ProjectView {
  /** “2018年以来” for a multi-year project, else null. */
  since: number | null;
  /** Null for a programme's money not tied to schools. */
  schools: SchoolsView | null;
  /** What was built: 运动场建设项目, 校舍维修改造项目, the user's name. */
  what: string;
  /** 已通过竣工验收, 已完工, 已开工建设, 已列入建设规划. */
  status: string;
  area: RoughNumber | null;
  investment: RoughMoney | null;
  sources: { label: string; fen: number }[];
}

/** Totals of a set of projects: each only where every project gives its figure exactly. */
export interface ProjectTotals {
  /** Projects: null where an entry covers several schools (entries are then not projects). */
  count: number | null;
  schools: number | null;
  /** 学校, or 幼儿园 where every project builds one. */
  schoolNoun: string;
  area: number | null;
  fen: number | null;
  sources: { label: string; fen: number }[];
}

export interface ProjectGroupView extends ProjectTotals {
  /** 全面改薄项目, or the kind's name where projects name no programme. */
  title: string;
  /**
   * Where the group has several projects whose figures sum exactly: its
   * progress, one line per status and kind (“常山小学、沙河小学和大柳初中三所学校
   * 运动场建设项目已通过竣工验收”); else null, and `items` states each project
   * with its own figures.
   */
  progress: { schools: SchoolsView | null; what: string; status: string }[] | null;
  items: ProjectView[];
}

export interface ProjectsView {
  /** The year's projects over all groups, stated when there are several groups; null otherwise. */
  total: ProjectTotals | null;
  /** The year's projects by programme (or kind). */
  groups: ProjectGroupView[];
  /** More than one group: each runs in under its title. */
  several: boolean;
  /** Projects counted since an earlier year, each on its own. */
  multiYear: ProjectView[];
}

export interface RecruitmentView {
  teachers: number | null;
  /** 计划 or 正在, null when done: a plan is never reported as done. */
  status: string | null;
  rural: number | null;
  publicFundedGraduates: number | null;
  publicFundedPlan: number | null;
}

export interface SupportTeachingView {
  teachers: RoughNumber | null;
  /** The teachers named, if any. */
  names: string[];
  /** More teachers than named: “潘勇等12名教师”. */
  sample: boolean;
  destinations: string[];
}

export interface TrainingItemView {
  audience: string;
  title: string | null;
  sessions: number | null;
  participants: number | null;
}

export interface TrainingsView {
  /** Trainings held: the total (when every one gives it) and each of them. */
  held: { sessions: number | null; participants: number | null; change: string | null; items: TrainingItemView[]; several: boolean } | null;
  ongoing: TrainingItemView[];
  planned: TrainingItemView[];
}

export interface PairingView {
  teachers: RoughNumber | null;
  students: RoughNumber | null;
  households: number | null;
  homeVisits: RoughNumber | null;
  /** How pairing is arranged, as written (“带课教师每人帮扶一名学生”). */
  arrangement: UserSentence | null;
}

export interface TargetedEnrolmentView {
  vocational: number | null;
  specialPlan: number | null;
  note: UserSentence | null;
}

export interface PublicityView {
  materials: RoughNumber | null;
  kinds: string[];
  channels: string[];
}

export interface DonationsView {
  since: number | null;
  donors: string[];
  fund: string | null;
  amount: RoughMoney | null;
  grants: RoughMoney | null;
  students: RoughNumber | null;
}

export interface AchievementsView {
  /** By starting year (null: no year given), in the order given. */
  /** `money`: the unit is 元, so the value prints as an amount (7亿多元). */
  groups: { since: number | null; items: { item: string; value: RoughNumber; unit: string; money: boolean }[] }[];
}

export interface MeasureView {
  title: string;
  /** The user's paragraphs: a free-text measure's, or those placed with a data section (printed before its data). */
  paragraphs: string[];
  /** The data section placed here (its partial has the section's name), or null. */
  section: DataSection | null;
}
