import { z } from 'zod';
import { DATA_SECTIONS, ORG_KIND_DESCRIPTION, ORG_KIND_LABELS, PROGRAMME_DESCRIPTION, PROGRAMME_LABELS, SECTION_LABELS, type DataSection, type OrgKind, type Programme, type Section } from '../domain/index.js';

/**
 * A closed vocabulary from its labels: the keys are the codes a stats file
 * uses, the values the Chinese labels documents print. Every enumerated
 * field of the schema is made here, so how such a field is read is decided
 * in one place: by its code or by its Chinese label (营养改善计划 is
 * `nutrition`, 春季学期 is `spring`), in a stats.json and in a workbook
 * alike, and it always parses to the code. The JSON Schema lists both.
 */
export function labelledEnum<const L extends Record<string, string>>(labels: L, description: string) {
  const codes = Object.keys(labels) as (keyof L & string)[];
  const byLabel = new Map<string, keyof L & string>(codes.map((code) => [labels[code]!, code]));
  const values = [...codes, ...byLabel.keys()] as [keyof L & string, ...(keyof L & string | L[keyof L])[]];
  ENUM_LABELS.set(enumKey(values), labels);
  return z
    .enum(values)
    .transform((value): keyof L & string => byLabel.get(value) ?? (value as keyof L & string))
    .describe(description);
}

/** Each vocabulary's labels by the values its enum accepts, so a message can list the labels (see issues.ts). */
export const ENUM_LABELS = new Map<string, Readonly<Record<string, string>>>();
/** The key of {@link ENUM_LABELS} for the values an enum issue lists. */
export const enumKey = (values: readonly unknown[]) => values.map(String).join('\u0000');

/**
 * The closed vocabularies of the stats, each with its Chinese label.
 * Labels live beside the values so templates, tables and messages agree.
 */

export const STAGE_LABELS = {
  preschool: '学前教育',
  compulsory: '义务教育',
  primary: '小学',
  junior: '初中',
  senior: '普通高中',
  vocational: '中等职业教育',
  higher: '高等教育',
} as const;
export type Stage = keyof typeof STAGE_LABELS;
/** Stages in the order a summary walks through them. */
export const STAGES = Object.keys(STAGE_LABELS) as Stage[];
export const stageSchema = labelledEnum(STAGE_LABELS, '学段：preschool 学前教育、compulsory 义务教育（不分小学初中时）、primary 小学、junior 初中、senior 普通高中、vocational 中等职业教育、higher 高等教育');

export const SEMESTER_LABELS = { spring: '春季学期', autumn: '秋季学期' } as const;
export type Semester = keyof typeof SEMESTER_LABELS;
export const semesterSchema = labelledEnum(SEMESTER_LABELS, '学期：spring 春季学期、autumn 秋季学期');
/** An aid record counts one semester, or the whole year where the programme is paid yearly. */
export const AID_PERIOD_LABELS = { ...SEMESTER_LABELS, year: '全年' } as const;
export type AidPeriod = keyof typeof AID_PERIOD_LABELS;
export const aidPeriodSchema = labelledEnum(AID_PERIOD_LABELS, '资助期间：spring 春季学期、autumn 秋季学期、year 全年（按年发放的项目，如助学贷款）');

// The programmes, organisation kinds and sections live in src/domain, with their rules.
export { DATA_SECTIONS, ORG_KIND_LABELS, PROGRAMME_LABELS, SECTION_LABELS, type DataSection, type OrgKind, type Programme, type Section };
export const programmeSchema = labelledEnum(PROGRAMME_LABELS, PROGRAMME_DESCRIPTION);

export const orgKindSchema = labelledEnum(ORG_KIND_LABELS, ORG_KIND_DESCRIPTION);

/** Aided groups; the printed name of the poverty-related ones follows the report year's terms. */
export const GROUP_LABELS = {
  registeredPoor: '建档立卡家庭学生',
  relieved: '脱贫家庭学生',
  monitored: '监测对象家庭学生',
  lowIncome: '低保家庭学生',
  disabled: '残疾学生',
  orphan: '孤儿',
  leftBehind: '留守儿童',
  hardship: '家庭经济困难学生',
  custom: '其他',
} as const;
export type AidedGroup = keyof typeof GROUP_LABELS;
export const aidedGroupSchema = labelledEnum(
  GROUP_LABELS,
  '受助群体：registeredPoor 建档立卡（2020年及以前）、relieved 脱贫家庭（原建档立卡）、monitored 监测对象（防止返贫致贫对象）、lowIncome 低保、disabled 残疾、orphan 孤儿、leftBehind 留守儿童、hardship 家庭经济困难、custom 其他（须填 name）',
);

export const AUDIENCE_LABELS = {
  teachers: '中小学教师',
  principals: '中小学校长',
  kindergartenStaff: '幼儿园园长和教师',
  parents: '家长',
  vocational: '农村劳动力职业技能',
  aidStaff: '学生资助工作人员',
  custom: '其他',
} as const;
export type Audience = keyof typeof AUDIENCE_LABELS;
export const audienceSchema = labelledEnum(AUDIENCE_LABELS, '培训对象：teachers 中小学教师、principals 校长、kindergartenStaff 幼儿园园长和教师、parents 家长、vocational 职业技能、aidStaff 资助工作人员、custom 其他（须填 audienceName）');

export const PROJECT_KIND_LABELS = {
  renovation: '校舍维修改造',
  newBuilding: '新建校舍',
  playground: '运动场建设',
  canteen: '食堂改造',
  dormitory: '学生宿舍建设',
  teacherHousing: '教师周转宿舍建设',
  kindergarten: '幼儿园建设',
  equipment: '设施设备购置',
  other: '其他项目',
} as const;
export type ProjectKind = keyof typeof PROJECT_KIND_LABELS;
export const projectKindSchema = labelledEnum(PROJECT_KIND_LABELS, '项目类型：renovation 校舍维修改造、newBuilding 新建校舍、playground 运动场、canteen 食堂、dormitory 学生宿舍、teacherHousing 教师周转宿舍、kindergarten 幼儿园、equipment 设施设备、other 其他');

/** Project status in the order a project moves through it. */
export const PROJECT_STATUS_LABELS = {
  planned: '规划建设',
  started: '已开工建设',
  completed: '已完工',
  accepted: '已通过竣工验收',
} as const;
export type ProjectStatus = keyof typeof PROJECT_STATUS_LABELS;
export const projectStatusSchema = labelledEnum(PROJECT_STATUS_LABELS, '项目进度：planned 规划 → started 开工 → completed 完工 → accepted 竣工验收');

export const FUNDING_LABELS = {
  central: '中央资金',
  provincial: '省级资金',
  municipal: '市级资金',
  county: '县级资金',
  township: '乡镇资金',
  other: '其他资金',
} as const;
/** Where the money came from; 县级 reads 区级 or 市级 after the organisation's division. */
export type FundingSource = keyof typeof FUNDING_LABELS;

/**
 * How a figure the clerk has only as an estimate is qualified, as offices
 * write it: 8000余份, 930多万元, 近3000人次, 约1000人.
 */
export const APPROX_LABELS = { over: '余', more: '多', nearly: '近', about: '约' } as const;
export type Approx = keyof typeof APPROX_LABELS;
export const approxSchema = labelledEnum(APPROX_LABELS, '约数：over 余（8000余份）、more 多（930多万元）、nearly 近（近3000人次）、about 约（约1000人）');

/** What span of time a report covers: 全年, one semester, or a school year. */
export const REPORT_PERIOD_LABELS = { year: '年度', spring: '春季学期', autumn: '秋季学期', schoolYear: '学年' } as const;
export type ReportPeriod = keyof typeof REPORT_PERIOD_LABELS;
export const reportPeriodSchema = labelledEnum(REPORT_PERIOD_LABELS, '报告涵盖期间：year 全年（缺省）、spring 春季学期、autumn 秋季学期、schoolYear 学年（year 为学年开始的年份，如 2025 即 2025—2026学年）');

/** The administrative division an organisation serves: 全县/全区/全市, 县级/区级/市级资金. */
export const DIVISION_LABELS = { county: '县', district: '区', city: '市' } as const;
export type Division = keyof typeof DIVISION_LABELS;
export const divisionSchema = labelledEnum(DIVISION_LABELS, '所在（或主管）的县级行政区：county 县、district 区（市辖区）、city 县级市；决定“全县/全区/全市”“县级/区级/市级资金”的说法，缺省按单位名称推断');

/** What a per-student standard is counted per: 每生每学期, 每生每年, 每生每月, 每生每天. */
export const STANDARD_UNIT_LABELS = { semester: '每生每学期', year: '每生每年', month: '每生每月', day: '每生每天' } as const;
export type StandardUnit = keyof typeof STANDARD_UNIT_LABELS;
export const standardUnitSchema = labelledEnum(STANDARD_UNIT_LABELS, '资助标准的计量：semester 每生每学期、year 每生每年、month 每生每月、day 每生每天（缺省：按学期发放的为每学期，按年发放的为每年）');

/** Whether an activity was held, is under way, or is only planned (a target is never reported as done). */
export const ACTIVITY_STATUS_LABELS = { done: '已完成', ongoing: '正在进行', planned: '计划' } as const;
export type ActivityStatus = keyof typeof ACTIVITY_STATUS_LABELS;
export const activityStatusSchema = labelledEnum(ACTIVITY_STATUS_LABELS, '进展：done 已完成（缺省）、ongoing 正在进行、planned 计划（印为“计划……”，不计入已完成的合计）');

/** What became of children found out of school (控辍保学). */
export const DROPOUT_ACTION_LABELS = { returned: '劝返复学', homeTaught: '送教上门', excluded: '核实排除', other: '其他' } as const;
export type DropoutAction = keyof typeof DROPOUT_ACTION_LABELS;
export const dropoutActionSchema = labelledEnum(DROPOUT_ACTION_LABELS, '处置：returned 劝返复学、homeTaught 送教上门、excluded 核实排除（重复统计、已在外地就读等）、other 其他');

/** The rates offices report, with the words they use. */
export const RATE_LABELS = {
  enrolment: '适龄儿童入学率',
  retention: '义务教育巩固率',
  kindergartenEnrolment: '学前三年毛入园率',
  promotion: '升学率',
  aidCoverage: '受助率',
  custom: '其他',
} as const;
export type Rate = keyof typeof RATE_LABELS;
export const rateSchema = labelledEnum(RATE_LABELS, '比率：enrolment 入学率、retention 巩固率、kindergartenEnrolment 入园率、promotion 升学率（如小升初）、aidCoverage 受助率、custom 其他（须填 name）');

/** The sections of a summary a user may reorder (`measures`) or retitle (`headings`); data sections print only when their data is given. */
export const sectionSchema = labelledEnum(
  SECTION_LABELS,
  '总结的部分：' + Object.entries(SECTION_LABELS).map(([code, label]) => `${code} ${label}`).join('、'),
);

export const dataSectionSchema = labelledEnum(
  Object.fromEntries(DATA_SECTIONS.map((s) => [s, SECTION_LABELS[s]])) as { [S in DataSection]: (typeof SECTION_LABELS)[S] },
  '由数据生成的部分：' + DATA_SECTIONS.map((s) => `${s} ${SECTION_LABELS[s]}`).join('、'),
);
