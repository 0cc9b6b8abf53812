import { deriveFacts } from '../facts/index.js';
import { formatAmountChange, formatChange } from '../format/change.js';
import { REPORT_PERIOD_LABELS, type ReportPeriod } from '../schema/enums.js';
import type { YearlyStats } from '../schema/stats.js';
import { MAX_NAMED } from './total.js';
import { aggregateWarning, type AggregateWarning } from './warning.js';

type PreviousYear = NonNullable<YearlyStats['previousYear']>;
type Headline = keyof PreviousYear;

/** One headline figure compared with last year, worded as the summary words it. */
export interface YearChange {
  field: Headline;
  current: number;
  previous: number;
  /** "资助学生较上年增加12人次（增长8.51%）". */
  text: string;
}

const HEADLINES: Record<Headline, { zh: string; en: string }> = {
  aidStudents: { zh: '资助学生', en: 'students aided' },
  aidAmount: { zh: '资助金额', en: 'aid paid' },
  trainingParticipants: { zh: '培训人次', en: 'training participants' },
  projectInvestment: { zh: '项目投资', en: 'project investment' },
};

type Reason = { zh: string; en: string };
const reason = (zh: string, en: string): Reason => ({ zh, en });

/**
 * Whether a headline figure of one year is a total that can stand beside
 * another year's: it must exist, and every entry behind it must give the
 * figure exactly and belong to that year. The reason when not.
 */
function comparable(stats: YearlyStats, field: Headline, other?: YearlyStats): Reason | undefined {
  switch (field) {
    case 'aidStudents':
    case 'aidAmount': {
      const key = field === 'aidStudents' ? 'students' : 'amount';
      if (stats.aid.length === 0) return reason('没有资助记录', 'no aid records');
      if (other && ownAid(stats) !== ownAid(other)) return reason(ownAid(stats) ? '含本级资助，另一年没有' : '不含本级资助，另一年有', ownAid(stats) ? "includes the bureau's own aid, the other year does not" : "lacks the bureau's own aid, the other year has it");
      return stats.aid.every((a) => a[key] !== undefined) ? undefined : reason('有资助记录未填该项', 'an aid record leaves it out');
    }
    case 'trainingParticipants':
      if (stats.trainings.length === 0) return reason('没有培训', 'no trainings');
      if (stats.trainings.some((t) => t.status === 'planned')) return reason('含计划中的培训', 'includes planned trainings');
      return stats.trainings.every((t) => t.participants !== undefined) ? undefined : reason('有培训未填人次', 'a training gives no participants');
    case 'projectInvestment':
      if (stats.projects.length === 0) return reason('没有项目', 'no projects');
      if (stats.projects.some((p) => p.since !== undefined)) return reason('含多年累计的项目', 'includes projects counted over several years');
      if (stats.projects.some((p) => p.investment?.approx)) return reason('含约数', 'includes an estimate');
      return stats.projects.every((p) => p.investment !== undefined || p.funding !== undefined) ? undefined : reason('有项目未填投资', 'a project gives no investment');
  }
}

/** Whether the aggregate counts the organisation's own aid (its own line among the schools'). */
const ownAid = (stats: YearlyStats) => stats.schools.some((s) => s.name === stats.organisation.name);

/** Why a figure is not compared: the first rule it fails, in either year. */
function whyNot(current: YearlyStats, previous: YearlyStats, field: Headline, before: number | undefined): Reason | undefined {
  for (const [stats, other] of [[current, previous], [previous, current]] as const) {
    const why = comparable(stats, field, other);
    if (why) return reason(`${stats.year}年${why.zh}`, `${stats.year}: ${why.en}`);
  }
  return before === 0 ? reason('上年为0', 'last year was 0') : undefined;
}

/** The headline figures as the summary states them (facts: 人次, 元). */
function headlines(stats: YearlyStats): Record<Headline, number | undefined> {
  const facts = deriveFacts(stats);
  return {
    // The summary's headline: aid money paid and fees waived (facts.aid.grants), not loans or goods.
    aidStudents: facts.aid.grants.rows && facts.aid.grants.known.students ? facts.aid.grants.students : undefined,
    aidAmount: facts.aid.grants.rows && facts.aid.grants.known.fen ? facts.aid.grants.fen / 100 : undefined,
    trainingParticipants: facts.trainings?.byStatus.done && facts.trainings.known.participants ? facts.trainings.participants : undefined,
    projectInvestment: facts.projects?.current?.investmentFen === undefined ? undefined : facts.projects.current.investmentFen / 100,
  };
}

/**
 * Last year's figures for `previousYear`, from last year's aggregate, and
 * the changes they give. A change is worth a sentence only when it compares
 * like with like (docs/aggregate.md, "Year over year"):
 *
 * 1. last year is the year before, over the same period (全年 with 全年);
 * 2. the figure is a whole total in both years: every record behind it
 *    gives it, none is an estimate, a plan or a sum over several years, and
 *    both years count the bureau's own aid, or neither does;
 * 3. last year's figure is above zero (from nothing there is no rate, and
 *    "增加N" from nothing reads as growth when it is a start).
 *
 * A figure that fails a rule is left out, with a warning saying which rule.
 * Schools in one year's files and not the other's are named in a warning:
 * the change is still stated (schools merge and close), but the reader
 * should know the lists differ.
 */
export function compareYears(current: YearlyStats, previous: YearlyStats, previousSource: string): { previousYear: PreviousYear; changes: YearChange[]; warnings: AggregateWarning[] } {
  const warnings: AggregateWarning[] = [];
  const none = { previousYear: {}, changes: [], warnings };
  if (previous.year !== current.year - 1 || previous.period !== current.period) {
    const when = (year: number, period: ReportPeriod) => ({ zh: `${year}年${period === 'year' ? '' : REPORT_PERIOD_LABELS[period]}`, en: `${year}${period === 'year' ? '' : ` (${period})`}` });
    const theirs = when(previous.year, previous.period);
    const wanted = when(current.year - 1, current.period);
    warnings.push(
      aggregateWarning(
        'previous_year',
        'previousYear',
        [previousSource],
        `上年数据是${theirs.zh}的，不是${wanted.zh}的；不作同比`,
        `last year's data is for ${theirs.en}, not ${wanted.en}; no year-over-year change is stated`,
      ),
    );
    return none;
  }
  const now = headlines(current);
  const before = headlines(previous);
  const previousYear: PreviousYear = {};
  const changes: YearChange[] = [];
  for (const field of Object.keys(HEADLINES) as Headline[]) {
    const label = HEADLINES[field];
    const c = now[field];
    const p = before[field];
    if (c === undefined && p === undefined) continue;
    const why = whyNot(current, previous, field, p);
    if (why) {
      warnings.push(aggregateWarning('previous_year', `previousYear.${field}`, [previousSource], `${label.zh}不作同比：${why.zh}`, `${label.en}: no year-over-year change: ${why.en}`));
      continue;
    }
    previousYear[field] = p!;
    const text = field === 'aidAmount' || field === 'projectInvestment' ? formatAmountChange(c!, p!) : formatChange(c!, p!, '人次');
    changes.push({ field, current: c!, previous: p!, text: `${label.zh}较上年${text}` });
  }
  warnings.push(...schoolListsDiffer(current, previous, previousSource));
  return { previousYear, changes, warnings };
}

function schoolListsDiffer(current: YearlyStats, previous: YearlyStats, previousSource: string): AggregateWarning[] {
  if (current.schools.length === 0 || previous.schools.length === 0) return [];
  const names = (stats: YearlyStats) => new Set(stats.schools.map((s) => s.name).filter((n) => n !== stats.organisation.name));
  const now = names(current);
  const before = names(previous);
  const added = [...now].filter((n) => !before.has(n));
  const gone = [...before].filter((n) => !now.has(n));
  if (added.length === 0 && gone.length === 0) return [];
  const list = (names: string[]) => names.slice(0, MAX_NAMED).join('、') + (names.length > MAX_NAMED ? `等${names.length}所` : '');
  const zh = [added.length ? `今年新有${list(added)}` : '', gone.length ? `上年有而今年没有${list(gone)}` : ''].filter(Boolean).join('；');
  return [
    aggregateWarning(
      'previous_year',
      'previousYear',
      [previousSource],
      `两年汇总的学校不同：${zh}；同比按全县合计计算`,
      `the two years count different schools: ${added.length} only this year, ${gone.length} only last year; the change compares the county's totals`,
    ),
  ];
}
