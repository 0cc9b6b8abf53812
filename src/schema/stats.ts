import { z } from 'zod';
import {
  activityStatusSchema,
  aidedGroupSchema,
  aidPeriodSchema,
  audienceSchema,
  dataSectionSchema,
  divisionSchema,
  dropoutActionSchema,
  orgKindSchema,
  programmeSchema,
  projectKindSchema,
  projectStatusSchema,
  rateSchema,
  reportPeriodSchema,
  SECTION_LABELS,
  sectionSchema,
  type Section,
  semesterSchema,
  stageSchema,
  standardUnitSchema,
} from './enums.js';
import { amount, area, count, isoDate, paragraphs, percent, quantity, text, year } from './primitives.js';
import { rough, roughAmount } from './rough.js';

/**
 * YearlyStats: everything one organisation reports for one year.
 *
 * The schema is the single source of truth: the TypeScript types, the
 * validation with its messages and the JSON Schema editors use all come from
 * here. Objects are strict, so a misspelt field is an error, not silence.
 */

/** A refinement: at least one of `fields` must be given (an entry with none of them states nothing). */
function requireOneOf(...fields: string[]) {
  return (data: Record<string, unknown>, ctx: z.RefinementCtx) => {
    const given = (v: unknown) => v !== undefined && !(Array.isArray(v) && v.length === 0) && !(v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0);
    if (!fields.some((f) => given(data[f]))) {
      ctx.addIssue({ code: 'custom', path: [], input: data, params: { zongjie: 'one_of', fields }, message: `one of ${fields.join(', ')}` });
    }
  };
}

/** A refinement: when `field` is `value`, `nameField` must be given. */
function requireNameFor(field: string, value: string, nameField: string) {
  return (data: Record<string, unknown>, ctx: z.RefinementCtx) => {
    if (data[field] === value && data[nameField] === undefined) {
      ctx.addIssue({ code: 'custom', path: [nameField], input: undefined, params: { zongjie: 'required', when: `${field} = ${value}` }, message: 'required' });
    }
  };
}

const organisation = z
  .strictObject({
    name: text('单位名称，如“青山县教育局”“尼安小学”', 100),
    kind: orgKindSchema,
    region: text('所在地区，如“某某省某某市青山县”', 100).optional(),
    parent: text('上级主管部门，如“青山县教育局”“某某镇中心校”', 100).optional(),
    division: divisionSchema.optional(),
  })
  .describe('填报单位');

const enrolmentStage = z
  .strictObject({
    stage: stageSchema,
    schools: count('学校（园）数，所').optional(),
    teachingPoints: count('其中教学点数，个').optional(),
    classes: count('班级数，个').optional(),
    students: count('在校学生（在园幼儿）数，人').optional(),
  })
  .superRefine(requireOneOf('schools', 'teachingPoints', 'classes', 'students'))
  .describe('某一学段的办学规模');

const enrolment = z
  .strictObject({
    stages: z.array(enrolmentStage).min(1).describe('各学段办学规模'),
    totalSchools: count('单位填报的学校总数（用于核对各学段之和），所').optional(),
    totalStudents: count('单位填报的在校学生总数（用于核对各学段之和），人').optional(),
  })
  .describe('办学规模：班级、学生');

const stageCounts = z
  .partialRecord(stageSchema, count('人数'))
  .describe('各学段人数，键为学段，如 { "primary": 2033, "junior": 1169 }');

const aidedGroupCount = z
  .strictObject({
    group: aidedGroupSchema,
    name: text('群体名称（group 为 custom 时必填）', 50).optional(),
    semester: semesterSchema.optional(),
    byStage: stageCounts.optional(),
    students: count('合计人数，人：不分学段时填写；与各学段同时填写时用于核对各学段之和').optional(),
    households: count('户数，户').optional(),
    outOfCounty: count('其中县外就读，人').optional(),
  })
  .superRefine(requireNameFor('group', 'custom', 'name'))
  .superRefine(requireOneOf('byStage', 'students', 'households'))
  .describe('受助群体的人数（各学段或合计）与户数，如春季学期脱贫家庭学生');

const backPay = z
  .strictObject({
    year: year('被补发的年份'),
    semester: semesterSchema,
  })
  .describe('补发：本条记录补发的是哪一年哪一学期的资金');

const aid = z
  .strictObject({
    stage: stageSchema,
    programme: programmeSchema,
    name: text('项目名称（programme 为 custom 时必填，其余可覆盖默认名称）', 50).optional(),
    verb: text('发放的说法，如“发放爱心助学金”“减免住宿费”（缺省按资助项目）', 30).optional(),
    period: aidPeriodSchema,
    students: count('受助学生数，人（一学期内按人计）').optional(),
    amount: amount('发放金额（免费教科书等未折算金额的可不填）').optional(),
    copies: count('免费教科书等实物的数量，册').optional(),
    standard: amount('资助标准（缺省：按学期发放的为每生每学期，按年发放的为每生每年；见 standardUnit）').optional(),
    standardUnit: standardUnitSchema.optional(),
    group: aidedGroupSchema.optional(),
    byGroup: z
      .partialRecord(aidedGroupSchema, count('人数'))
      .optional()
      .describe('受助学生按群体的构成，如 { "relieved": 3, "hardship": 5 }（脱贫家庭学生3人、其他家庭经济困难学生5人）；各项之和应等于 students'),
    backPay: backPay.optional(),
    note: text('备注，原样印在该项说明之后', 500).optional(),
  })
  .superRefine(requireNameFor('programme', 'custom', 'name'))
  .superRefine(requireOneOf('students', 'amount', 'copies'))
  .superRefine((data, ctx) => {
    if (data.group !== undefined && data.byGroup !== undefined)
      ctx.addIssue({ code: 'custom', path: ['byGroup'], input: data.byGroup, params: { zongjie: 'exclusive', other: 'group' }, message: 'group and byGroup exclude each other' });
  })
  .describe('一个学段、一个资助项目、一个学期的资助：人数与金额');

const training = z
  .strictObject({
    audience: audienceSchema,
    audienceName: text('培训对象名称（audience 为 custom 时必填）', 50).optional(),
    title: text('培训主题，如“新课标与课堂教学能力提升”', 100).optional(),
    sessions: count('期数，期').optional(),
    participants: count('参训人次，人次').optional(),
    status: activityStatusSchema.optional(),
    date: isoDate('培训日期（开始）').optional(),
  })
  .superRefine(requireNameFor('audience', 'custom', 'audienceName'))
  .superRefine(requireOneOf('title', 'sessions', 'participants'))
  .describe('一项培训（已举办、正在进行或计划中）');

const funding = z
  .strictObject({
    central: amount('中央资金').optional(),
    provincial: amount('省级资金').optional(),
    municipal: amount('市级资金').optional(),
    county: amount('县级（区级、县级市）资金').optional(),
    township: amount('乡镇资金').optional(),
    other: amount('其他资金（社会捐赠等）').optional(),
  })
  .describe('按来源的投资，元');

const project = z
  .strictObject({
    school: text('项目学校（一所）', 100).optional(),
    schools: z.array(text('项目学校', 100)).max(10_000).optional().describe('项目涉及的多所学校'),
    schoolCount: count('涉及学校数，所（学校未逐一列出时填写）').optional(),
    kind: projectKindSchema,
    name: text('项目名称，如“运动场建设”（缺省用项目类型）', 100).optional(),
    programme: text('所属专项，如“全面改薄”“校舍维修改造”', 50).optional(),
    area: rough(area('建设面积'), '建设面积').optional(),
    funding: funding.optional(),
    investment: roughAmount(amount('总投资'), '总投资（缺省为各来源之和）').optional(),
    status: projectStatusSchema,
    since: year('起始年份：多年累计的项目填写，印为“2018年以来”').optional(),
    date: isoDate('开工或验收日期').optional(),
  })
  .superRefine((data, ctx) => {
    if (data.school !== undefined && data.schools !== undefined)
      ctx.addIssue({ code: 'custom', path: ['schools'], input: data.schools, params: { zongjie: 'exclusive', other: 'school' }, message: 'school and schools exclude each other' });
  })
  .describe('一个改薄、维修改造或新建项目；可涉及一所、多所或未列名的学校，也可是整个专项');

const dropoutReason = z
  .strictObject({
    reason: text('情况，如“不具有学习能力的重度残疾儿童”“重复统计”', 100),
    students: count('人数，人'),
    action: dropoutActionSchema.optional(),
  })
  .describe('排查出的一类情况、人数及处置');

const dropout = z
  .strictObject({
    checked: count('核查适龄儿童少年数，人').optional(),
    households: count('核查疑似失辍学家庭数，户').optional(),
    found: count('排查出疑似失辍学学生数，人（为0时印“未发现失学辍学学生”）').optional(),
    foundHouseholds: count('排查出的学生分属的家庭数，户').optional(),
    returned: count('劝返复学人数，人').optional(),
    homeTaught: count('送教上门人数，人').optional(),
    reasons: z.array(dropoutReason).max(100).default([]).describe('排查出的学生按情况分列：原因、人数、处置'),
    noneForPoverty: z.boolean().optional().describe('经核实无学生因贫失学辍学时填 true（只有填写才印出）'),
  })
  .describe('控辍保学');

const pairing = z
  .strictObject({
    teachers: rough(count('结对帮扶教师数'), '结对帮扶教师数，人').optional(),
    students: rough(count('结对帮扶学生数'), '结对帮扶学生数，人').optional(),
    households: count('结对帮扶家庭数，户').optional(),
    homeVisits: rough(count('家访人次'), '家访，人次').optional(),
    arrangement: text('结对方式，如“带课教师每人帮扶一名脱贫家庭学生”（原样印出）', 200).optional(),
  })
  .superRefine(requireOneOf('teachers', 'students', 'households', 'homeVisits', 'arrangement'))
  .describe('教师结对帮扶与家访');

const supportTeaching = z
  .strictObject({
    teachers: rough(count('选派支教教师数'), '选派支教教师数，人'),
    names: z.array(text('教师姓名', 20)).max(1000).optional().describe('支教教师姓名'),
    destinations: z.array(text('支教地点或学校', 50)).max(1000).optional().describe('支教地点'),
  })
  .describe('选派教师支教');

const recruitment = z
  .strictObject({
    teachers: count('招聘教师数，人'),
    status: activityStatusSchema.optional(),
    rural: count('其中分配到农村学校，人').optional(),
    publicFundedGraduates: count('接收公费师范毕业生，人').optional(),
    publicFundedPlan: count('上报公费师范生需求计划，人').optional(),
  })
  .describe('教师招聘');

const targetedEnrolment = z
  .strictObject({
    vocational: count('招收脱贫（建档立卡）家庭子女接受中等职业教育，人').optional(),
    specialPlan: count('高校专项计划录取，人').optional(),
    note: text('说明', 500).optional(),
  })
  .describe('定向招生、专项招生');

const publicity = z
  .strictObject({
    materials: rough(count('发放宣传材料'), '发放宣传材料，份').optional(),
    kinds: z.array(text('材料名称，如“明白纸”“致家长的一封信”', 30)).max(50).default([]).describe('材料种类'),
    channels: z.array(text('宣传渠道，如“微信群”“家长会”', 30)).max(50).default([]).describe('宣传渠道'),
  })
  .superRefine(requireOneOf('materials', 'kinds', 'channels'))
  .describe('政策宣传');

const donations = z
  .strictObject({
    amount: roughAmount(amount('社会捐资助学金额'), '社会捐资助学金额').optional(),
    grants: roughAmount(amount('其中助学金'), '其中用于助学金的金额').optional(),
    students: rough(count('受益学生人次'), '受益学生，人次').optional(),
    donors: z.array(text('捐赠单位或个人', 100)).max(1000).default([]).describe('捐赠方'),
    fund: text('助学基金或活动名称，如“爱心扶贫基金”', 50).optional(),
    since: year('起始年份：多年累计时填写，印为“2018年以来”').optional(),
  })
  .superRefine(requireOneOf('amount', 'students', 'donors', 'fund'))
  .describe('社会捐资助学');

const rate = z
  .strictObject({
    rate: rateSchema,
    name: text('比率名称（rate 为 custom 时必填，其余可覆盖默认说法，如“小升初比例”）', 30).optional(),
    stage: stageSchema.optional(),
    value: rough(percent('数值'), '数值，百分数'),
    year: year('年份（缺省为报告年度）').optional(),
  })
  .superRefine(requireNameFor('rate', 'custom', 'name'))
  .describe('一项比率，如农村小学适龄儿童入学率100%');

const achievement = z
  .strictObject({
    item: text('成效事项，如“改扩建学校校舍”“装备学校图书”', 60),
    value: rough(quantity('数值'), '数值'),
    unit: text('单位，如“平方米”“册”“件”“所”“元”（元按金额写法印出）', 10),
    since: year('起始年份，印为“2018年以来”').optional(),
  })
  .describe('多年累计或整体的一项成效，如“2018年以来装备学校图书7.3万册”');

const measure = z
  .union([
    z
      .strictObject({
        title: text('做法标题，如“健全工作机制”', 100),
        text: text('做法内容'),
      })
      .describe('一条工作做法（自由文字）'),
    z
      .strictObject({
        section: dataSectionSchema,
        title: text('该部分的标题（缺省按部分）', 100).optional(),
        text: text('该部分的文字，印在由数据生成的句子之前').optional(),
      })
      .describe('在此处放入由数据生成的一个部分，如 { "section": "publicity" }；可附文字'),
  ])
  .describe('一条工作做法：自由文字，或由数据生成的一个部分（按填写顺序排列）');

const signature = z
  .strictObject({
    issuer: text('落款单位（缺省为单位名称）', 100).optional(),
    date: isoDate('成文日期'),
  })
  .describe('落款');

const previousYear = z
  .strictObject({
    aidStudents: count('上年资助学生，人次（口径同本年的资助合计：助学金、补助和减免，不含免费教科书和助学贷款）').optional(),
    aidAmount: amount('上年资助资金（口径同上）').optional(),
    trainingParticipants: count('上年已举办培训，人次').optional(),
    projectInvestment: amount('上年项目投资').optional(),
  })
  .describe('上年数据，用于同比');

/** One school's line in a county's aggregate: what the attachment table and the highlights appendix print. */
const schoolSummary = z
  .strictObject({
    name: text('学校名称', 100),
    aid: z
      .array(
        z.strictObject({
          stage: stageSchema,
          students: count('受助人次：该校该学段各项资助人数之和（有一项未填人数时不填）').optional(),
          amount: amount('资助金额：该校该学段各项资助金额之和（有一项未填金额时不填）').optional(),
        }),
      )
      .max(20)
      .default([])
      .describe('该校各学段的受助人次与资助金额'),
    highlights: paragraphs('该校的工作亮点（汇总时选择列出，原样印在附件中）').default([]),
  })
  .describe('汇总中的一所学校');

/**
 * Totals are summed in integer 分 (areas in 0.01 m²), which stay exact only
 * up to 2^53: about 9×10^13 元. Each amount is capped far below, but ten
 * thousand of them are not, so the sums are checked too — an error naming
 * the list, not a crash while formatting.
 */
function totalsStayExact(stats: { aid: { amount?: number }[]; projects: z.output<typeof project>[]; schools: z.output<typeof schoolSummary>[] }, ctx: z.RefinementCtx) {
  /** Whether the sum stays exact; adds one issue on `path` when it does not. */
  const exact = (values: (number | undefined)[], path: string, what: [zh: string, en: string], unit: string) => {
    const sum = values.reduce<number>((n, v) => n + (typeof v === 'number' && Number.isFinite(v) ? Math.round(v * 100) : 0), 0);
    if (Number.isSafeInteger(sum)) return true;
    ctx.addIssue({ code: 'custom', path: [path], input: sum / 100, params: { zongjie: 'total', what, unit }, message: 'total too large' });
    return false;
  };
  const fundingOf = (p: z.output<typeof project>) => Object.values(p.funding ?? {}).reduce<number>((n, v) => n + (v ?? 0), 0);
  const investment: [string, string] = ['项目投资', 'project investments'];
  exact(stats.aid.map((a) => a.amount), 'aid', ['资助金额', 'aid amounts'], '元');
  exact(stats.schools.flatMap((s) => s.aid.map((a) => a.amount)), 'schools', ['各校资助金额', "the schools' aid amounts"], '元');
  if (exact(stats.projects.map((p) => p.investment?.value ?? fundingOf(p)), 'projects', investment, '元')) {
    // Each source is summed on its own too; one issue is enough.
    for (const source of ['central', 'provincial', 'municipal', 'county', 'township', 'other'] as const) {
      if (!exact(stats.projects.map((p) => p.funding?.[source]), 'projects', investment, '元')) break;
    }
  }
  exact(stats.projects.map((p) => p.area?.value), 'projects', ['建设面积', 'building areas'], '平方米');
}

export const yearlyStatsSchema = z
  .strictObject({
    $schema: z.string().optional().describe('JSON Schema 地址，供编辑器补全'),
    year: year('报告年度，如 2025'),
    organisation,
    title: text('自定标题（缺省按单位、年度、文种生成）', 100).optional(),
    subtitle: text('副标题', 100).optional(),
    period: reportPeriodSchema.default('year'),
    enrolment: enrolment.optional(),
    aidedGroups: z.array(aidedGroupCount).max(100).default([]).describe('受助群体人数'),
    aid: z.array(aid).max(10_000).default([]).describe('资助发放明细：学段 × 项目 × 学期'),
    trainings: z.array(training).max(10_000).default([]).describe('培训'),
    projects: z.array(project).max(100_000).default([]).describe('改薄、维修改造、新建项目'),
    dropout: dropout.optional(),
    pairing: pairing.optional(),
    supportTeaching: supportTeaching.optional(),
    recruitment: recruitment.optional(),
    targetedEnrolment: targetedEnrolment.optional(),
    publicity: publicity.optional(),
    donations: donations.optional(),
    rates: z.array(rate).max(100).default([]).describe('入学率、巩固率、受助率等比率'),
    achievements: z.array(achievement).max(100).default([]).describe('多年累计或整体的成效'),
    opening: text('开头：政策背景与总体情况（不含“现将有关情况总结如下：”，会自动补上）').optional(),
    measures: z
      .array(measure)
      .max(1000)
      .default([])
      .describe('主要做法：自由文字的做法，与由数据生成的部分（{ "section": … }）按填写顺序排列；未列出的数据部分排在其后'),
    highlights: paragraphs('工作成效、亮点（自由文字，每项一段）').default([]),
    problems: paragraphs('存在问题（每项一段）').default([]),
    plans: paragraphs('下一步工作打算（每项一段）').default([]),
    closing: text('结尾段落，如“总之，……”（印在下一步工作打算之后）').optional(),
    headings: z
      .partialRecord(sectionSchema, text('标题', 50))
      // In the sections' order, whatever the order of the input's keys: what follows from it (warnings) must not depend on that.
      .transform((h) => Object.fromEntries(Object.keys(SECTION_LABELS).flatMap((k) => (h[k as Section] === undefined ? [] : [[k, h[k as Section]]]))) as typeof h)
      .optional()
      .describe('各部分标题的改写，如 { "plans": "对策与建议" }；标题序号自动生成，不要写入'),
    report: z.boolean().default(false).describe('是否作为报告上报（结尾加“特此报告。”）'),
    signature: signature.optional(),
    previousYear: previousYear.optional(),
    schools: z
      .array(schoolSummary)
      .max(100_000)
      .default([])
      .describe('各校明细（zongjie aggregate 汇总时生成）：印为附件“各学校学生资助情况统计表”，及选择列出的各校工作亮点'),
  })
  .superRefine(totalsStayExact)
  .describe('一个单位一个年度的教育帮扶（学生资助）统计数据');

/** Stats as written in a stats.json (defaults not yet applied). */
export type YearlyStatsInput = z.input<typeof yearlyStatsSchema>;
/** Stats after parsing: defaults applied, every field typed. */
export type YearlyStats = z.output<typeof yearlyStatsSchema>;
export type Aid = YearlyStats['aid'][number];
export type AidedGroupCount = YearlyStats['aidedGroups'][number];
export type Training = YearlyStats['trainings'][number];
export type Project = YearlyStats['projects'][number];
export type Dropout = NonNullable<YearlyStats['dropout']>;
export type Organisation = YearlyStats['organisation'];
export type EnrolmentStage = NonNullable<YearlyStats['enrolment']>['stages'][number];
export type Pairing = NonNullable<YearlyStats['pairing']>;
export type Publicity = NonNullable<YearlyStats['publicity']>;
export type Donations = NonNullable<YearlyStats['donations']>;
export type RateEntry = YearlyStats['rates'][number];
export type Achievement = YearlyStats['achievements'][number];
export type Measure = YearlyStats['measures'][number];
export type SchoolSummary = YearlyStats['schools'][number];
