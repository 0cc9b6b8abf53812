import { z } from 'zod';

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
export const stageSchema = z
  .enum(STAGES as [Stage, ...Stage[]])
  .describe('学段：preschool 学前教育、compulsory 义务教育（不分小学初中时）、primary 小学、junior 初中、senior 普通高中、vocational 中等职业教育、higher 高等教育');

export const SEMESTER_LABELS = { spring: '春季学期', autumn: '秋季学期' } as const;
export type Semester = keyof typeof SEMESTER_LABELS;
export const semesterSchema = z.enum(['spring', 'autumn']).describe('学期：spring 春季学期、autumn 秋季学期');
/** An aid record counts one semester, or the whole year where the programme is paid yearly. */
export const aidPeriodSchema = z.enum(['spring', 'autumn', 'year']).describe('资助期间：spring 春季学期、autumn 秋季学期、year 全年（按年发放的项目，如助学贷款）');
export type AidPeriod = z.infer<typeof aidPeriodSchema>;

export const PROGRAMME_LABELS = {
  preschoolAid: '学前教育资助',
  tuitionWaiver: '免学费',
  nationalGrant: '国家助学金',
  boardingSubsidy: '寄宿生生活补助',
  nutrition: '营养改善计划',
  freeTextbooks: '免费教科书',
  studentLoan: '生源地信用助学贷款',
  yulu: '雨露计划',
  freshmanAid: '新生入学资助',
  custom: '其他资助',
} as const;
export type Programme = keyof typeof PROGRAMME_LABELS;
export const programmeSchema = z
  .enum(Object.keys(PROGRAMME_LABELS) as [Programme, ...Programme[]])
  .describe(
    '资助项目：preschoolAid 学前教育资助、tuitionWaiver 免学费（学前为免保育教育费）、nationalGrant 国家助学金、boardingSubsidy 寄宿生生活补助、nutrition 营养改善计划、freeTextbooks 免费教科书、studentLoan 生源地信用助学贷款、yulu 雨露计划、freshmanAid 新生入学资助、custom 其他（须填 name）',
  );

export const ORG_KIND_LABELS = {
  school: '学校',
  teachingPoint: '教学点',
  kindergarten: '幼儿园',
  centerSchool: '中心校',
  bureau: '教育局',
} as const;
export type OrgKind = keyof typeof ORG_KIND_LABELS;
export const orgKindSchema = z
  .enum(Object.keys(ORG_KIND_LABELS) as [OrgKind, ...OrgKind[]])
  .describe('单位类型：school 学校、teachingPoint 教学点、kindergarten 幼儿园、centerSchool 中心校、bureau 教育局（教体局）');

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
export const aidedGroupSchema = z
  .enum(Object.keys(GROUP_LABELS) as [AidedGroup, ...AidedGroup[]])
  .describe(
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
export const audienceSchema = z
  .enum(Object.keys(AUDIENCE_LABELS) as [Audience, ...Audience[]])
  .describe('培训对象：teachers 中小学教师、principals 校长、kindergartenStaff 幼儿园园长和教师、parents 家长、vocational 职业技能、aidStaff 资助工作人员、custom 其他（须填 audienceName）');

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
export const projectKindSchema = z
  .enum(Object.keys(PROJECT_KIND_LABELS) as [ProjectKind, ...ProjectKind[]])
  .describe('项目类型：renovation 校舍维修改造、newBuilding 新建校舍、playground 运动场、canteen 食堂、dormitory 学生宿舍、teacherHousing 教师周转宿舍、kindergarten 幼儿园、equipment 设施设备、other 其他');

/** Project status in the order a project moves through it. */
export const PROJECT_STATUS_LABELS = {
  planned: '规划建设',
  started: '已开工建设',
  completed: '已完工',
  accepted: '已通过竣工验收',
} as const;
export type ProjectStatus = keyof typeof PROJECT_STATUS_LABELS;
export const projectStatusSchema = z
  .enum(Object.keys(PROJECT_STATUS_LABELS) as [ProjectStatus, ...ProjectStatus[]])
  .describe('项目进度：planned 规划 → started 开工 → completed 完工 → accepted 竣工验收');

export const FUNDING_LABELS = {
  central: '中央资金',
  provincial: '省级资金',
  municipal: '市级资金',
  county: '县级资金',
  other: '其他资金',
} as const;
export type FundingSource = keyof typeof FUNDING_LABELS;
