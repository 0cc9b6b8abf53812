import { z } from 'zod';
import {
  aidedGroupSchema,
  aidPeriodSchema,
  audienceSchema,
  orgKindSchema,
  programmeSchema,
  projectKindSchema,
  projectStatusSchema,
  semesterSchema,
  stageSchema,
} from './enums.js';
import { amount, area, count, isoDate, paragraphs, text, year } from './primitives.js';

/**
 * YearlyStats: everything one organisation reports for one year.
 *
 * The schema is the single source of truth: the TypeScript types, the
 * validation with its messages and the JSON Schema editors use all come from
 * here. Objects are strict, so a misspelt field is an error, not silence.
 */

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
  })
  .describe('填报单位');

const enrolmentStage = z
  .strictObject({
    stage: stageSchema,
    schools: count('学校（园）数，所').optional(),
    teachingPoints: count('其中教学点数，个').optional(),
    classes: count('班级数，个').optional(),
    students: count('在校学生（在园幼儿）数，人'),
  })
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
    byStage: stageCounts,
    statedTotal: count('单位填报的合计人数（用于核对各学段之和），人').optional(),
    outOfCounty: count('其中县外就读，人').optional(),
  })
  .superRefine(requireNameFor('group', 'custom', 'name'))
  .describe('受助群体在各学段的人数，如春季学期脱贫家庭学生');

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
    period: aidPeriodSchema,
    students: count('受助学生数，人（一学期内按人计）'),
    amount: amount('发放金额'),
    standard: amount('资助标准，每生每学期（按年发放的为每生每年）').optional(),
    group: aidedGroupSchema.optional(),
    backPay: backPay.optional(),
    note: text('备注，原样印在该项说明之后', 500).optional(),
  })
  .superRefine(requireNameFor('programme', 'custom', 'name'))
  .describe('一个学段、一个资助项目、一个学期的资助：人数与金额');

const training = z
  .strictObject({
    audience: audienceSchema,
    audienceName: text('培训对象名称（audience 为 custom 时必填）', 50).optional(),
    title: text('培训主题，如“新课标与课堂教学能力提升”', 100),
    sessions: count('期数，期'),
    participants: count('参训人次，人次'),
    date: isoDate('培训日期（开始）').optional(),
  })
  .superRefine(requireNameFor('audience', 'custom', 'audienceName'))
  .describe('一项培训');

const funding = z
  .strictObject({
    central: amount('中央资金').optional(),
    provincial: amount('省级资金').optional(),
    municipal: amount('市级资金').optional(),
    county: amount('县级（区级）资金').optional(),
    other: amount('其他资金（社会捐赠等）').optional(),
  })
  .describe('按来源的投资，元');

const project = z
  .strictObject({
    school: text('项目学校', 100),
    kind: projectKindSchema,
    name: text('项目名称，如“运动场建设”（缺省用项目类型）', 100).optional(),
    programme: text('所属专项，如“全面改薄”“校舍维修改造”', 50).optional(),
    area: area('建设面积').optional(),
    funding: funding.optional(),
    investment: amount('总投资（缺省为各来源之和）').optional(),
    status: projectStatusSchema,
    date: isoDate('开工或验收日期').optional(),
  })
  .describe('一个改薄、维修改造或新建项目');

const dropoutReason = z
  .strictObject({
    reason: text('原因，如“重度残疾不具备学习能力”', 100),
    students: count('人数，人'),
  })
  .describe('未复学的一类原因及人数');

const dropout = z
  .strictObject({
    checked: count('核查适龄儿童少年数，人').optional(),
    households: count('核查疑似失辍学家庭数，户').optional(),
    found: count('排查出疑似失辍学学生数，人'),
    returned: count('劝返复学人数，人'),
    homeTaught: count('送教上门人数，人'),
    reasons: z.array(dropoutReason).max(100).default([]).describe('其余学生的原因与人数'),
    noneForPoverty: z.boolean().default(true).describe('是否无学生因贫失学辍学'),
  })
  .describe('控辍保学');

const pairing = z
  .strictObject({
    teachers: count('结对帮扶教师数，人'),
    students: count('结对帮扶学生数，人'),
    homeVisits: count('家访，人次').optional(),
  })
  .describe('教师结对帮扶与家访');

const supportTeaching = z
  .strictObject({
    teachers: count('选派支教教师数，人'),
    names: z.array(text('教师姓名', 20)).max(1000).optional().describe('支教教师姓名'),
    destinations: z.array(text('支教地点或学校', 50)).max(1000).optional().describe('支教地点'),
  })
  .describe('选派教师支教');

const recruitment = z
  .strictObject({
    teachers: count('招聘教师数，人'),
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
    materials: count('发放宣传材料，份'),
    approximate: z.boolean().default(false).describe('数字是否为约数（印为“8000余份”）'),
    kinds: z.array(text('材料名称，如“明白纸”“致家长的一封信”', 30)).max(50).default([]).describe('材料种类'),
    channels: z.array(text('宣传渠道，如“微信群”“家长会”', 30)).max(50).default([]).describe('宣传渠道'),
  })
  .describe('政策宣传');

const donations = z
  .strictObject({
    amount: amount('社会捐资助学金额'),
    students: count('受益学生，人次').optional(),
    donors: z.array(text('捐赠单位或个人', 100)).max(1000).default([]).describe('捐赠方'),
  })
  .describe('社会捐资助学');

const measure = z
  .strictObject({
    title: text('做法标题，如“健全工作机制”', 100),
    text: text('做法内容'),
  })
  .describe('一条工作做法（自由文字）');

const signature = z
  .strictObject({
    issuer: text('落款单位（缺省为单位名称）', 100).optional(),
    date: isoDate('成文日期'),
  })
  .describe('落款');

const previousYear = z
  .strictObject({
    aidStudents: count('上年资助学生，人次').optional(),
    aidAmount: amount('上年资助金额').optional(),
    trainingParticipants: count('上年培训，人次').optional(),
    projectInvestment: amount('上年项目投资').optional(),
  })
  .describe('上年数据，用于同比');

/**
 * Totals are summed in integer 分 (areas in 0.01 m²), which stay exact only
 * up to 2^53: about 9×10^13 元. Each amount is capped far below, but ten
 * thousand of them are not, so the sums are checked too — an error naming
 * the list, not a crash while formatting.
 */
function totalsStayExact(stats: { aid: { amount: number }[]; projects: z.output<typeof project>[] }, ctx: z.RefinementCtx) {
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
  if (exact(stats.projects.map((p) => p.investment ?? fundingOf(p)), 'projects', investment, '元')) {
    // Each source is summed on its own too; one issue is enough.
    for (const source of ['central', 'provincial', 'municipal', 'county', 'other'] as const) {
      if (!exact(stats.projects.map((p) => p.funding?.[source]), 'projects', investment, '元')) break;
    }
  }
  exact(stats.projects.map((p) => p.area), 'projects', ['建设面积', 'building areas'], '平方米');
}

export const yearlyStatsSchema = z
  .strictObject({
    $schema: z.string().optional().describe('JSON Schema 地址，供编辑器补全'),
    year: year('报告年度，如 2025'),
    organisation,
    title: text('自定标题（缺省按单位、年度、文种生成）', 100).optional(),
    subtitle: text('副标题', 100).optional(),
    semesters: z.array(semesterSchema).min(1).max(2).default(['spring', 'autumn']).describe('本报告涵盖的学期'),
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
    opening: text('开头：政策背景与总体情况（不含“现将有关情况总结如下：”，会自动补上）').optional(),
    measures: z.array(measure).max(1000).default([]).describe('主要做法（自由文字）'),
    highlights: paragraphs('工作成效、亮点（自由文字，每项一段）').default([]),
    problems: paragraphs('存在问题（每项一段）').default([]),
    plans: paragraphs('下一步工作打算（每项一段）').default([]),
    report: z.boolean().default(false).describe('是否作为报告上报（结尾加“特此报告。”）'),
    signature: signature.optional(),
    previousYear: previousYear.optional(),
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
