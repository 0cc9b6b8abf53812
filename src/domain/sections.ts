/**
 * The parts of a summary a user may reorder (`measures`) or retitle
 * (`headings`). Each has the label the schema's enum prints and, for a part
 * built from data, the heading it gets among the measures and where it
 * stands when the user does not place it.
 */
export interface SectionRule {
  /** The enum's label, as a clerk names the part: “政策宣传”. */
  label: string;
  /** The heading a data part gets among the measures, unless the user titles it. */
  title?: string;
  /**
   * Where an unplaced data part stands: `measures` appends it to the measures
   * (a warning when the user ordered them); `own` lets the template place it
   * (the aid section, the rates in 基本情况, achievements in 工作成效).
   */
  home?: 'measures' | 'own';
}

export const SECTIONS = {
  basics: { label: '基本情况' },
  aid: { label: '资助政策落实情况', title: '落实学生资助政策', home: 'own' },
  measures: { label: '主要做法' },
  dropout: { label: '控辍保学', title: '做好控辍保学', home: 'measures' },
  projects: { label: '改善办学条件', title: '改善办学条件', home: 'measures' },
  recruitment: { label: '教师招聘', title: '补充教师队伍', home: 'measures' },
  supportTeaching: { label: '选派教师支教', title: '选派教师支教', home: 'measures' },
  trainings: { label: '教师培训', title: '加强教师培训', home: 'measures' },
  pairing: { label: '结对帮扶', title: '开展结对帮扶', home: 'measures' },
  targetedEnrolment: { label: '定向招生和专项招生', title: '落实定向招生和专项招生计划', home: 'measures' },
  publicity: { label: '政策宣传', title: '加强政策宣传', home: 'measures' },
  donations: { label: '社会捐资助学', title: '引导社会捐资助学', home: 'measures' },
  rates: { label: '主要指标', title: '主要指标', home: 'own' },
  achievements: { label: '历年成效', title: '历年成效', home: 'own' },
  results: { label: '工作成效' },
  problems: { label: '存在问题' },
  plans: { label: '下一步工作打算' },
} as const satisfies Record<string, SectionRule>;

export type Section = keyof typeof SECTIONS;

export const SECTION_LABELS = Object.fromEntries(Object.entries(SECTIONS).map(([code, rule]) => [code, rule.label])) as {
  [S in Section]: (typeof SECTIONS)[S]['label'];
};

/** The parts built from data, in the order they follow one another when the user does not order them. */
export const DATA_SECTIONS = [
  'aid',
  'dropout',
  'projects',
  'recruitment',
  'supportTeaching',
  'trainings',
  'pairing',
  'targetedEnrolment',
  'publicity',
  'donations',
  'rates',
  'achievements',
] as const satisfies readonly Section[];
export type DataSection = (typeof DATA_SECTIONS)[number];

/** A training audience that is staff of schools: a list of only these is 教师培训. */
export const STAFF_AUDIENCES = ['teachers', 'principals', 'kindergartenStaff', 'aidStaff'] as const;
