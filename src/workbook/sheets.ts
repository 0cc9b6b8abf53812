/**
 * The workbook as one declarative table: which sheet, which column (its
 * header, with the unit), which field of the stats, what kind of cell. The
 * writer, the reader, the 说明 sheet and the cell references in messages
 * all come from here, so a field added to the schema is one line below.
 *
 * Four layouts:
 * - table: one row per item of a list (资助发放: `aid[]`); a 合计 row may hold stated totals;
 *   or, grouped, several rows per item, each adding to the item's own lists (各校情况: `schools[]`).
 * - form: one row per field, label | value | hint (单位信息).
 * - lists: one column per list of paragraphs, one paragraph per cell (文字材料).
 * - record: one row per key of a record keyed by a vocabulary (标题改写: `headings`).
 */
import {
  ACTIVITY_STATUS_LABELS,
  AID_PERIOD_LABELS,
  AUDIENCE_LABELS,
  DIVISION_LABELS,
  DROPOUT_ACTION_LABELS,
  GROUP_LABELS,
  ORG_KIND_LABELS,
  PROGRAMME_LABELS,
  PROJECT_KIND_LABELS,
  PROJECT_STATUS_LABELS,
  RATE_LABELS,
  REPORT_PERIOD_LABELS,
  SECTION_LABELS,
  SEMESTER_LABELS,
  STAGE_LABELS,
  STANDARD_UNIT_LABELS,
  DATA_SECTIONS,
} from '../schema/enums.js';
import type { CellType } from './cells.js';

export interface Column {
  /** The header the clerk sees, with the unit: 金额（元）. */
  header: string;
  /** The field: relative to the row's item in a table (`backPay.year`), absolute elsewhere (`organisation.name`). */
  field: string;
  type: CellType;
  /** One line for the 说明 sheet and the form's hint column. */
  hint?: string;
}

interface SheetBase {
  name: string;
  /** What the sheet holds, for the 说明 sheet. */
  about: string;
}
export interface TableSheet extends SheetBase {
  layout: 'table';
  /** The list each row is an item of: `aid`, `dropout.reasons`. */
  path: string;
  columns: Column[];
  /** A 合计 row (the label in the first column): its cells are the stated totals at these paths. */
  total?: { label: string; fields: Record<string, string> };
  /**
   * Rows with the same value in this column are one item (a school over several rows). Its
   * other columns fill lists of the item, spelled `aid[].stage` or `highlights[]`: each row
   * adds one entry to each list it has a cell for.
   */
  groupBy?: string;
}
export interface FormSheet extends SheetBase {
  layout: 'form';
  fields: Column[];
}
export interface ListsSheet extends SheetBase {
  layout: 'lists';
  /** Each column a list of paragraphs (`highlights`), or one text whose paragraphs are its cells (`opening`). */
  columns: (Column & { many: boolean })[];
}
export interface RecordSheet extends SheetBase {
  layout: 'record';
  path: string;
  key: Column & { type: Extract<CellType, { kind: 'enum' }> };
  value: Column;
}
export type Sheet = TableSheet | FormSheet | ListsSheet | RecordSheet;

// ————— cell types, one word each —————
const text: CellType = { kind: 'text' };
const long: CellType = { kind: 'text', long: true };
const list: CellType = { kind: 'list' };
const date: CellType = { kind: 'date' };
const yesNo: CellType = { kind: 'boolean' };
const year: CellType = { kind: 'number', unit: '年', integer: true, year: true };
const count = (unit: string): CellType => ({ kind: 'number', unit, integer: true });
const roughCount = (unit: string): CellType => ({ kind: 'number', unit, integer: true, rough: true });
const amount: CellType = { kind: 'number', unit: '元', money: true };
const roughAmount: CellType = { kind: 'number', unit: '元', money: true, rough: true };
const roughArea: CellType = { kind: 'number', unit: '平方米', rough: true };
const roughPercent: CellType = { kind: 'number', unit: '%', percent: true, rough: true };
const roughQuantity: CellType = { kind: 'number', unit: '', rough: true };
const oneOf = (labels: Readonly<Record<string, string>>): Extract<CellType, { kind: 'enum' }> => ({ kind: 'enum', labels });

const col = (header: string, field: string, type: CellType, hint?: string): Column => ({ header, field, type, ...(hint ? { hint } : {}) });

const STAGES = Object.entries(STAGE_LABELS);
const DATA_SECTION_LABELS = Object.fromEntries(DATA_SECTIONS.map((s) => [s, SECTION_LABELS[s]]));

export const SHEETS: Sheet[] = [
  {
    layout: 'form',
    name: '单位信息',
    about: '填报单位、年度与落款',
    fields: [
      col('报告年度', 'year', year, '四位数，如 2025；学年报告填学年开始的年份'),
      col('单位名称', 'organisation.name', text, '如“云溪县石桥镇中心小学”“云溪县教育局”'),
      col('单位类型', 'organisation.kind', oneOf(ORG_KIND_LABELS), '从下拉列表选择'),
      col('所在地区', 'organisation.region', text, '如“某某省某某市云溪县”'),
      col('上级主管部门', 'organisation.parent', text, '如“云溪县教育局”'),
      col('县级行政区', 'organisation.division', oneOf(DIVISION_LABELS), '县、区或市（县级市）：决定“全县/全区/全市”的说法；可不填'),
      col('报告期间', 'period', oneOf(REPORT_PERIOD_LABELS), '缺省为年度'),
      col('标题', 'title', text, '不填则按单位、年度自动生成'),
      col('副标题', 'subtitle', text),
      col('作为报告上报', 'report', yesNo, '填“是”则结尾加“特此报告。”'),
      col('落款单位', 'signature.issuer', text, '缺省为单位名称'),
      col('成文日期', 'signature.date', date, '如 2025-12-26 或 2025年12月26日'),
    ],
  },
  {
    layout: 'table',
    name: '办学规模',
    about: '各学段的学校、班级和学生；“合计”行填本单位统计的总数，用于核对各学段之和',
    path: 'enrolment.stages',
    columns: [
      col('学段', 'stage', oneOf(STAGE_LABELS), '从下拉列表选择；最后一行可填“合计”'),
      col('学校数（所）', 'schools', count('所')),
      col('教学点数（个）', 'teachingPoints', count('个'), '其中教学点'),
      col('班级数（个）', 'classes', count('个')),
      col('在校学生数（人）', 'students', count('人'), '幼儿园填在园幼儿数'),
    ],
    total: { label: '合计', fields: { schools: 'enrolment.totalSchools', students: 'enrolment.totalStudents' } },
  },
  {
    layout: 'table',
    name: '受助群体',
    about: '脱贫家庭、监测对象等群体的人数，按学段或只填合计',
    path: 'aidedGroups',
    columns: [
      col('受助群体', 'group', oneOf(GROUP_LABELS), '从下拉列表选择'),
      col('群体名称', 'name', text, '受助群体选“其他”时必填'),
      col('学期', 'semester', oneOf(SEMESTER_LABELS), '可不填'),
      ...STAGES.map(([stage, label]) => col(`${label}（人）`, `byStage.${stage}`, count('人'))),
      col('合计（人）', 'students', count('人'), '不分学段时填写；与各学段同时填写时用于核对'),
      col('户数（户）', 'households', count('户')),
      col('其中县外就读（人）', 'outOfCounty', count('人')),
    ],
  },
  {
    layout: 'table',
    name: '资助发放',
    about: '每行一条：一个学段、一个资助项目、一个学期（或全年）的人数和金额',
    path: 'aid',
    columns: [
      col('学段', 'stage', oneOf(STAGE_LABELS), '从下拉列表选择'),
      col('资助项目', 'programme', oneOf(PROGRAMME_LABELS), '从下拉列表选择'),
      col('项目名称', 'name', text, '资助项目选“其他资助”时必填；也可改写默认名称'),
      col('发放说法', 'verb', text, '如“减免住宿费”；可不填'),
      col('学期', 'period', oneOf(AID_PERIOD_LABELS), '按年发放的项目（如助学贷款）选“全年”'),
      col('受助学生（人）', 'students', count('人')),
      col('金额（元）', 'amount', amount, '免费教科书等未折算金额的可不填'),
      col('数量（册）', 'copies', count('册'), '免费教科书等实物的数量'),
      col('资助标准（元）', 'standard', amount),
      col('标准计量', 'standardUnit', oneOf(STANDARD_UNIT_LABELS), '缺省：按学期发放的为每生每学期'),
      col('受助群体', 'group', oneOf(GROUP_LABELS), '全部受助学生属于一个群体时填写'),
      ...Object.entries(GROUP_LABELS).map(([group, label]) => col(`其中${label}（人）`, `byGroup.${group}`, count('人'))),
      col('补发年度', 'backPay.year', year, '本行是补发时填写被补发的年度和学期'),
      col('补发学期', 'backPay.semester', oneOf(SEMESTER_LABELS)),
      col('备注', 'note', long, '原样印在该项说明之后'),
    ],
  },
  {
    layout: 'table',
    name: '培训',
    about: '每行一项培训（已举办、正在进行或计划中）',
    path: 'trainings',
    columns: [
      col('培训对象', 'audience', oneOf(AUDIENCE_LABELS), '从下拉列表选择'),
      col('对象名称', 'audienceName', text, '培训对象选“其他”时必填'),
      col('培训主题', 'title', text),
      col('期数（期）', 'sessions', count('期')),
      col('参训人次（人次）', 'participants', count('人次')),
      col('进展', 'status', oneOf(ACTIVITY_STATUS_LABELS), '缺省为已完成'),
      col('日期', 'date', date, '开始日期'),
    ],
  },
  {
    layout: 'table',
    name: '项目',
    about: '改薄、维修改造、新建等项目，每行一项；可涉及一所、多所或未列名的学校',
    path: 'projects',
    columns: [
      col('项目学校', 'school', text, '一所学校时填写'),
      col('多所学校', 'schools', list, '多所学校用顿号“、”分隔或每行一所'),
      col('涉及学校数（所）', 'schoolCount', count('所'), '学校未逐一列出时填写'),
      col('项目类型', 'kind', oneOf(PROJECT_KIND_LABELS), '从下拉列表选择'),
      col('项目名称', 'name', text, '缺省用项目类型'),
      col('所属专项', 'programme', text, '如“全面改薄”“校舍维修改造”'),
      col('建设面积（平方米）', 'area', roughArea, '可填约数，如 1万余'),
      col('中央资金（元）', 'funding.central', amount),
      col('省级资金（元）', 'funding.provincial', amount),
      col('市级资金（元）', 'funding.municipal', amount),
      col('县级资金（元）', 'funding.county', amount, '区级、县级市资金也填这里'),
      col('乡镇资金（元）', 'funding.township', amount),
      col('其他资金（元）', 'funding.other', amount, '社会捐赠等'),
      col('总投资（元）', 'investment', roughAmount, '缺省为各来源之和；可填约数，如 930多万'),
      col('项目进度', 'status', oneOf(PROJECT_STATUS_LABELS), '从下拉列表选择'),
      col('起始年份', 'since', year, '多年累计的项目填写'),
      col('日期', 'date', date, '开工或验收日期'),
    ],
  },
  {
    layout: 'form',
    name: '控辍保学',
    about: '控辍保学的核查与劝返；排查出的情况逐项填在“控辍保学明细”',
    fields: [
      col('核查适龄儿童少年数（人）', 'dropout.checked', count('人')),
      col('核查疑似失辍学家庭数（户）', 'dropout.households', count('户')),
      col('排查出疑似失辍学学生数（人）', 'dropout.found', count('人'), '为 0 时印“未发现失学辍学学生”'),
      col('所涉家庭数（户）', 'dropout.foundHouseholds', count('户')),
      col('劝返复学人数（人）', 'dropout.returned', count('人')),
      col('送教上门人数（人）', 'dropout.homeTaught', count('人')),
      col('无学生因贫失学辍学', 'dropout.noneForPoverty', yesNo, '经核实无学生因贫失学辍学时填“是”'),
    ],
  },
  {
    layout: 'table',
    name: '控辍保学明细',
    about: '排查出的学生按情况分列，每行一类',
    path: 'dropout.reasons',
    columns: [
      col('情况', 'reason', text, '如“重复统计”“已在外地就读”'),
      col('人数（人）', 'students', count('人')),
      col('处置', 'action', oneOf(DROPOUT_ACTION_LABELS), '可不填'),
    ],
  },
  {
    layout: 'form',
    name: '结对帮扶',
    about: '教师结对帮扶与家访',
    fields: [
      col('结对帮扶教师数（人）', 'pairing.teachers', roughCount('人'), '可填约数，如 1800余'),
      col('结对帮扶学生数（人）', 'pairing.students', roughCount('人')),
      col('结对帮扶家庭数（户）', 'pairing.households', count('户')),
      col('家访（人次）', 'pairing.homeVisits', roughCount('人次')),
      col('结对方式', 'pairing.arrangement', text, '如“带课教师每人帮扶一名脱贫家庭学生”，原样印出'),
    ],
  },
  {
    layout: 'form',
    name: '选派支教',
    about: '选派教师支教',
    fields: [
      col('选派支教教师数（人）', 'supportTeaching.teachers', roughCount('人')),
      col('支教教师姓名', 'supportTeaching.names', list, '用顿号“、”分隔'),
      col('支教地点', 'supportTeaching.destinations', list, '用顿号“、”分隔'),
    ],
  },
  {
    layout: 'form',
    name: '教师招聘',
    about: '教师招聘与公费师范生',
    fields: [
      col('招聘教师数（人）', 'recruitment.teachers', count('人')),
      col('进展', 'recruitment.status', oneOf(ACTIVITY_STATUS_LABELS), '缺省为已完成'),
      col('其中分配到农村学校（人）', 'recruitment.rural', count('人')),
      col('接收公费师范毕业生（人）', 'recruitment.publicFundedGraduates', count('人')),
      col('上报公费师范生需求计划（人）', 'recruitment.publicFundedPlan', count('人')),
    ],
  },
  {
    layout: 'form',
    name: '定向招生',
    about: '定向招生、专项招生',
    fields: [
      col('招收脱贫家庭子女接受中职教育（人）', 'targetedEnrolment.vocational', count('人')),
      col('高校专项计划录取（人）', 'targetedEnrolment.specialPlan', count('人')),
      col('说明', 'targetedEnrolment.note', long),
    ],
  },
  {
    layout: 'form',
    name: '宣传',
    about: '政策宣传',
    fields: [
      col('发放宣传材料（份）', 'publicity.materials', roughCount('份'), '可填约数，如 8000余'),
      col('材料种类', 'publicity.kinds', list, '用顿号“、”分隔，如“明白纸、致家长的一封信”'),
      col('宣传渠道', 'publicity.channels', list, '用顿号“、”分隔，如“家长会、微信群”'),
    ],
  },
  {
    layout: 'form',
    name: '捐资助学',
    about: '社会捐资助学',
    fields: [
      col('捐资助学金额（元）', 'donations.amount', roughAmount, '可填约数，如 930多万'),
      col('其中助学金（元）', 'donations.grants', roughAmount),
      col('受益学生（人次）', 'donations.students', roughCount('人次')),
      col('捐赠方', 'donations.donors', list, '用顿号“、”分隔'),
      col('基金或活动名称', 'donations.fund', text, '如“爱心助学基金”'),
      col('起始年份', 'donations.since', year, '多年累计时填写'),
    ],
  },
  {
    layout: 'table',
    name: '主要指标',
    about: '入学率、巩固率等比率，每行一项',
    path: 'rates',
    columns: [
      col('指标', 'rate', oneOf(RATE_LABELS), '从下拉列表选择'),
      col('指标名称', 'name', text, '指标选“其他”时必填，如“小升初比例”'),
      col('学段', 'stage', oneOf(STAGE_LABELS)),
      col('数值（%）', 'value', roughPercent, '如 98.16'),
      col('年份', 'year', year, '缺省为报告年度'),
    ],
  },
  {
    layout: 'table',
    name: '历年成效',
    about: '多年累计或整体的成效，如“2018年以来装备学校图书7.3万册”',
    path: 'achievements',
    columns: [
      col('成效事项', 'item', text, '如“装备学校图书”'),
      col('数值', 'value', roughQuantity),
      col('单位', 'unit', text, '如“册”“平方米”“元”'),
      col('起始年份', 'since', year),
    ],
  },
  {
    layout: 'table',
    name: '主要做法',
    about: '每行一条做法：标题和内容；或在“数据部分”选一个由数据生成的部分，按行的顺序排列',
    path: 'measures',
    columns: [
      col('标题', 'title', text, '如“健全工作机制”'),
      col('内容', 'text', long, '一段或几段文字，原样印出'),
      col('数据部分', 'section', oneOf(DATA_SECTION_LABELS), '在此处放入由数据生成的部分时选择，此时“内容”不填'),
    ],
  },
  {
    layout: 'lists',
    name: '文字材料',
    about: '开头、成效、问题、打算：每格一段，原样印出',
    columns: [
      { ...col('开头', 'opening', long, '政策背景与总体情况'), many: false },
      { ...col('工作成效', 'highlights', long), many: true },
      { ...col('存在问题', 'problems', long), many: true },
      { ...col('下一步打算', 'plans', long), many: true },
      { ...col('结尾', 'closing', long, '如“总之，……”'), many: false },
    ],
  },
  {
    layout: 'record',
    name: '标题改写',
    about: '改写某一部分的标题（不写序号）',
    path: 'headings',
    key: { ...col('部分', '*', oneOf(SECTION_LABELS)), type: oneOf(SECTION_LABELS) },
    value: col('标题', '*', text, '如“对策与建议”'),
  },
  {
    layout: 'table',
    name: '各校情况',
    about: '汇总中各校的受助人次、资助金额和工作亮点（zongjie aggregate 生成）；一所学校占一行或几行：每行一个学段，或一条亮点',
    path: 'schools',
    groupBy: 'name',
    columns: [
      col('学校名称', 'name', text, '同一学校的几行填同一名称'),
      col('学段', 'aid[].stage', oneOf(STAGE_LABELS), '从下拉列表选择'),
      col('受助人次（人次）', 'aid[].students', count('人次'), '该校该学段各项资助人数之和'),
      col('资助金额（元）', 'aid[].amount', amount, '该校该学段各项资助金额之和'),
      col('工作亮点', 'highlights[]', long, '每格一段，原样印在附件中'),
    ],
  },
  {
    layout: 'form',
    name: '上年数据',
    about: '上年的数据，用于同比',
    fields: [
      col('上年资助学生（人次）', 'previousYear.aidStudents', count('人次')),
      col('上年资助金额（元）', 'previousYear.aidAmount', amount),
      col('上年培训（人次）', 'previousYear.trainingParticipants', count('人次')),
      col('上年项目投资（元）', 'previousYear.projectInvestment', amount),
    ],
  },
];

/** A grouped table's column field as the list it fills and the field of an entry: `aid[].stage` → [aid, stage], `highlights[]` → [highlights, '']. */
export function listField(field: string): [list: string, field: string] | undefined {
  const m = /^(\w+)\[\](?:\.(.+))?$/.exec(field);
  return m ? [m[1]!, m[2] ?? ''] : undefined;
}

/** Fields of the stats the workbook does not hold, and why. */
export const NOT_IN_WORKBOOK: Record<string, string> = {
  $schema: 'an editor hint of a stats.json',
};

/** The sheets each kind of workbook starts with; any other sheet is added when the stats have data for it. */
export const KIND_SHEETS: Record<'school' | 'bureau', string[]> = {
  school: ['单位信息', '办学规模', '受助群体', '资助发放', '培训', '控辍保学', '控辍保学明细', '结对帮扶', '宣传', '捐资助学', '主要做法', '文字材料'],
  bureau: SHEETS.map((s) => s.name).filter((n) => n !== '历年成效' && n !== '标题改写' && n !== '各校情况'),
};

export const GUIDE_SHEET = '说明';
export const OPTIONS_SHEET = '选项';
