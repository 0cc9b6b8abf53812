import { toFen } from '../format/money.js';
import { parseStats, safeParseStats, StatsError } from '../schema/parse.js';
import { REPORT_PERIOD_LABELS, type ReportPeriod } from '../schema/enums.js';
import type { YearlyStats, YearlyStatsInput } from '../schema/stats.js';
import { aidFold } from './aid.js';
import { compareYears, type YearChange } from './change.js';
import { checkAidAgainstEnrolment } from './checks.js';
import { donationsFold } from './donations.js';
import { dropoutFold } from './dropout.js';
import { enrolmentFold } from './enrolment.js';
import { groupsFold } from './groups.js';
import { pairingFold } from './pairing.js';
import { projectsFold, type ProjectTotals } from './projects.js';
import { publicityFold } from './publicity.js';
import { schoolsFold } from './schools.js';
import { trainingsFold } from './trainings.js';
import { MAX_NAMED } from './total.js';
import { written } from './written.js';
import { aggregateWarning, namedFiles, type AggregateWarning } from './warning.js';

export interface AggregateOptions {
  /** Who the county's summary is from: usually the bureau's organisation, as its stats file gives it (labels such as 教育局 too). */
  organisation: YearlyStatsInput['organisation'];
  /** The report year; a school of another year is left out with a warning. */
  year: number;
  /** The period the schools' files cover; default 全年 ('year'), or the bureau's. */
  period?: ReportPeriod;
  /**
   * The bureau's own stats: its text (opening, measures, highlights,
   * problems, plans, signature …), the sections only it reports
   * (recruitment, support teaching, targeted enrolment, rates,
   * achievements), its own aid, trainings and projects (added to the
   * schools'), and its stated figures for the rest, which are checked
   * against the schools' sums and used where the schools give none.
   */
  bureau?: unknown;
  /** How warnings name the bureau's file. Default "bureau". */
  bureauSource?: string;
  /** Last year's county stats (last year's aggregate), for `previousYear` and the changes. */
  previous?: unknown;
  /** How warnings name last year's data. Default "previous". */
  previousSource?: string;
  /** List each school's highlights (工作亮点) in the county's stats, for an appendix. Default false. */
  highlights?: boolean;
}

/** The headline sums, by the rule every sum follows: absent where a part leaves the figure out. */
export interface AggregateTotals {
  /** Files counted (the bureau's own not included). */
  schools: number;
  aid: { students?: number; amount?: number };
  projects?: ProjectTotals;
}

export interface AggregateResult {
  /** The county's stats, valid, as a stats file writes them: draft them, or save them as county.json. */
  stats: YearlyStatsInput;
  totals: AggregateTotals;
  /** Year-over-year changes of the headline figures that are worth a sentence. */
  changes: YearChange[];
  /** Files left out (another year, the same school again, the bureau's own), with the warning's code. */
  skipped: { source: string; code: AggregateWarning['code'] }[];
  warnings: AggregateWarning[];
}

export interface Aggregator {
  /**
   * Folds one school's stats into the running totals; nothing of the
   * document is kept beyond the few figures the attachment table and the
   * checks need.
   *
   * @throws {StatsError} when the stats are invalid (nothing of them is counted)
   */
  add(stats: unknown, source?: string): void;
  /** The county's stats and the warnings. @throws {AggregateError} when the sums cannot be written as valid stats */
  finish(): AggregateResult;
}

/** The sums cannot be written as valid stats (a total beyond what the schema accepts), or an input is unusable. */
export class AggregateError extends Error {
  override readonly name = 'AggregateError';
  constructor(
    readonly zh: string,
    readonly en: string,
    /** Inputs that could not be used, each with its error (a StatsError for invalid stats). */
    readonly failures: { source: string; error: unknown }[] = [],
  ) {
    super(`${zh} / ${en}`);
  }
}

/** Data sections only the bureau reports: a school's are not summed. */
const BUREAU_ONLY = ['supportTeaching', 'recruitment', 'targetedEnrolment', 'rates', 'achievements'] as const;

/** A school's name as a key: spaces and width differences do not make another school. */
const nameKey = (name: string) => name.normalize('NFKC').replace(/\s+/g, '');

/**
 * A running aggregation: `add` each school's stats as it is read, then
 * `finish`. Memory grows with the schools' projects (kept as a list) and a
 * few figures per school, not with their documents.
 *
 * @throws {StatsError} when `options.bureau` or `options.previous` is invalid
 */
export function createAggregator(options: AggregateOptions): Aggregator {
  const bureauSource = options.bureauSource ?? 'bureau';
  const bureau = options.bureau === undefined ? undefined : parseStats(options.bureau);
  if (bureau && bureau.year !== options.year)
    throw new AggregateError(`${bureauSource}的年度是${bureau.year}年，汇总的是${options.year}年`, `${bureauSource} is for ${bureau.year}, the aggregate for ${options.year}`);
  const previous = options.previous === undefined ? undefined : parseStats(options.previous);
  const period = options.period ?? bureau?.period ?? 'year';
  const bureauName = nameKey(options.organisation.name);

  const warnings: AggregateWarning[] = [];
  const skipped: AggregateResult['skipped'] = [];
  const seen = new Map<string, string>();
  const bureauOnly = new Map<string, { count: number; files: string[] }>();
  const folds = {
    enrolment: enrolmentFold(),
    groups: groupsFold(),
    aid: aidFold(),
    trainings: trainingsFold(),
    projects: projectsFold(),
    dropout: dropoutFold(),
    pairing: pairingFold(),
    publicity: publicityFold(),
    donations: donationsFold(),
    schools: schoolsFold(),
  };
  let counted = 0;
  let index = 0;

  const skip = (source: string, warning: AggregateWarning) => {
    warnings.push(warning);
    skipped.push({ source, code: warning.code });
  };

  // The bureau's own aid, trainings and projects are one more part; its aid has its own row in the table.
  let ownCounted = false;
  const addOwn = (own: YearlyStats, source: string) => {
    ownCounted = true;
    folds.aid.add(own.aid, source, true);
    folds.trainings.add(own.trainings, source);
    folds.projects.add(own.projects, own.organisation.name, source);
    if (own.aid.length) folds.schools.add(own, options.organisation.name, false);
  };
  if (bureau) addOwn(bureau, bureauSource);

  return {
    add(input, source = `#${index + 1}`) {
      index++;
      const school = parseStats(input);
      const name = school.organisation.name;
      const key = nameKey(name);
      if (key === bureauName) {
        // Without a bureau file, the organisation's own file among the others gives its own payments,
        // trainings and projects (last year's, say, beside last year's schools); its text is not used.
        if (!bureau && !ownCounted && school.year === options.year) return addOwn(school, source);
        return skip(
          source,
          aggregateWarning('bureau_among_schools', '', [source], `${source}是汇总单位“${name}”自己的文件，不作为学校计入`, `${source} is the aggregating organisation's own file ("${name}"), not a school's; not counted`),
        );
      }
      if (school.year !== options.year || school.period !== period) {
        const when = (year: number, p: ReportPeriod) => ({ zh: `${year}年${p === 'year' ? '' : REPORT_PERIOD_LABELS[p]}`, en: `${year}${p === 'year' ? '' : ` (${p})`}` });
        const theirs = when(school.year, school.period);
        const ours = when(options.year, period);
        return skip(
          source,
          aggregateWarning('other_year', '', [source], `${source}（${name}）是${theirs.zh}的数据，汇总的是${ours.zh}；未计入`, `${source} (${name}) is for ${theirs.en}, the aggregate for ${ours.en}; not counted`),
        );
      }
      const first = seen.get(key);
      if (first !== undefined) {
        return skip(
          source,
          aggregateWarning(
            'duplicate_school',
            '',
            [first, source],
            `${first}和${source}是同一所学校“${name}”；只计入${first}`,
            `${first} and ${source} are the same school ("${name}"); only ${first} is counted`,
          ),
        );
      }
      seen.set(key, source);
      counted++;

      folds.enrolment.add(school.enrolment, source);
      folds.groups.add(school.aidedGroups, source);
      folds.aid.add(school.aid, source);
      folds.trainings.add(school.trainings, source);
      folds.projects.add(school.projects, name, source);
      folds.dropout.add(school.dropout, source);
      folds.pairing.add(school.pairing, source);
      folds.publicity.add(school.publicity, source);
      folds.donations.add(school.donations, source);
      folds.schools.add(school, name, options.highlights ?? false);
      warnings.push(...checkAidAgainstEnrolment(school, source));
      for (const field of BUREAU_ONLY) {
        const value = school[field];
        if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
        const given = bureauOnly.get(field) ?? { count: 0, files: [] };
        given.count++;
        if (given.files.length < MAX_NAMED) given.files.push(source);
        bureauOnly.set(field, given);
      }
    },

    finish() {
      const b = bureau;
      const bf = b ? bureauSource : undefined;
      // In the schema's order, so county.json reads like any stats file.
      const enrolment = folds.enrolment.finish(b?.enrolment, bf, warnings);
      const aidedGroups = folds.groups.finish(b?.aidedGroups ?? [], bf, warnings);
      const aid = folds.aid.finish(warnings);
      const trainings = folds.trainings.finish(warnings);
      const projects = folds.projects.finish();
      const stats: YearlyStatsInput = strip({
        $schema: b?.$schema,
        year: options.year,
        organisation: options.organisation,
        title: b?.title,
        subtitle: b?.subtitle,
        period: period === 'year' ? undefined : period,
        enrolment,
        aidedGroups,
        aid,
        trainings,
        projects: projects.projects,
        dropout: folds.dropout.finish(b?.dropout, bf, warnings),
        pairing: folds.pairing.finish(b?.pairing, bf, warnings),
        supportTeaching: written(b?.supportTeaching),
        recruitment: written(b?.recruitment),
        targetedEnrolment: written(b?.targetedEnrolment),
        publicity: folds.publicity.finish(b?.publicity, bf, warnings),
        donations: folds.donations.finish(b?.donations, bf, warnings),
        rates: written(b?.rates),
        achievements: written(b?.achievements),
        opening: b?.opening,
        measures: written(b?.measures),
        highlights: b?.highlights,
        problems: b?.problems,
        plans: b?.plans,
        closing: b?.closing,
        headings: written(b?.headings),
        report: b?.report,
        signature: written(b?.signature),
        previousYear: written(b?.previousYear),
        schools: folds.schools.finish(),
      });
      for (const [field, { count, files }] of bureauOnly) {
        const named = namedFiles(files, count);
        warnings.push(
          aggregateWarning(
            'not_aggregated',
            field,
            files,
            `${named.zh}填报了此项；此项只取汇总单位自己的，不汇总各校`,
            `given in ${named.en}; this section is the aggregating organisation's own and is not summed from the schools`,
          ),
        );
      }
      let changes: YearChange[] = [];
      if (previous) {
        const compared = compareYears(validated(stats), previous, options.previousSource ?? 'previous');
        changes = compared.changes;
        warnings.push(...compared.warnings, ...statedPrevious(b?.previousYear, compared.previousYear, bureauSource));
        stats.previousYear = { ...b?.previousYear, ...compared.previousYear };
        if (Object.keys(stats.previousYear).length === 0) delete stats.previousYear;
      }
      validated(stats);
      return {
        stats,
        totals: { schools: counted, aid: aidTotals(stats.schools ?? []), ...(projects.totals ? { projects: projects.totals } : {}) },
        changes,
        skipped,
        warnings,
      };
    },
  };
}

/** The county's stats checked against the schema: a sum beyond what it accepts is an error naming the field. */
function validated(stats: YearlyStatsInput): YearlyStats {
  const result = safeParseStats(stats);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => i.message);
  throw new AggregateError(`汇总结果无法写成有效的统计数据：${lines.map((l) => l.zh).join('；')}`, `the sums cannot be written as valid stats: ${lines.map((l) => l.en).join('; ')}`);
}

/** Warnings where the bureau's own previousYear differs from what last year's aggregate gives. */
function statedPrevious(stated: YearlyStats['previousYear'], computed: NonNullable<YearlyStats['previousYear']>, bureauSource: string): AggregateWarning[] {
  if (!stated) return [];
  return (Object.keys(computed) as (keyof typeof computed)[]).flatMap((field) => {
    const s = stated[field];
    const c = computed[field];
    if (s === undefined || c === undefined || s === c) return [];
    return [
      aggregateWarning(
        'stated_total_differs',
        `previousYear.${field}`,
        [bureauSource],
        `${bureauSource}填报上年为${s}，上年各校汇总为${c}；同比采用汇总数`,
        `${bureauSource} states ${s} for last year, last year's schools add up to ${c}; the sum is used`,
      ),
    ];
  });
}

/**
 * The aid totals, from the per-school lines (the bureau's own among them):
 * what the attachment table's total row adds up, so the two cannot differ.
 * A figure any line leaves out has no total.
 */
function aidTotals(schools: NonNullable<YearlyStatsInput['schools']>): AggregateTotals['aid'] {
  const lines = schools.flatMap((s) => s.aid ?? []);
  if (lines.length === 0) return {};
  const students = lines.every((l) => l.students !== undefined) ? lines.reduce((n, l) => n + l.students!, 0) : undefined;
  const fen = lines.every((l) => l.amount !== undefined) ? lines.reduce((n, l) => n + toFen(l.amount!), 0) : undefined;
  return { ...(students === undefined ? {} : { students }), ...(fen === undefined ? {} : { amount: fen / 100 }) };
}

/** Drops undefined keys and empty lists, as a stats file leaves them out. */
function strip<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0))) as T;
}

/** One input to {@link aggregateStats}: stats, or stats with the name warnings give them (a file name, an upload). */
export type SchoolInput = unknown | { source: string; stats: unknown };

const isNamed = (item: unknown): item is { source: string; stats: unknown } =>
  typeof item === 'object' && item !== null && typeof (item as { source?: unknown }).source === 'string' && 'stats' in item && !('year' in item);

/**
 * Many schools' stats → one county's stats, exact: counts as integers,
 * money in 分, areas in 0.01 m². See docs/aggregate.md for how each
 * section adds up, how estimates and missing figures are handled, and the
 * checks across files.
 *
 * @throws {AggregateError} listing every input that is not valid stats (with its StatsError), or sums the schema cannot hold
 * @example
 * const { stats, warnings } = aggregateStats(
 *   [{ source: 'a.json', stats: schoolA }, { source: 'b.json', stats: schoolB }],
 *   { organisation: { name: '云溪县教育局', kind: 'bureau' }, year: 2025 },
 * );
 * composeReport(stats); // the county's summary, with the per-school table as an attachment
 */
export function aggregateStats(schools: Iterable<SchoolInput>, options: AggregateOptions): AggregateResult {
  const aggregator = createAggregator(options);
  const failures: { source: string; error: StatsError }[] = [];
  let i = 0;
  for (const item of schools) {
    i++;
    const { source, stats } = isNamed(item) ? item : { source: `#${i}`, stats: item };
    try {
      aggregator.add(stats, source);
    } catch (error) {
      if (!(error instanceof StatsError)) throw error;
      failures.push({ source, error });
    }
  }
  if (failures.length) {
    const files = namedFiles(failures.map((f) => f.source));
    throw new AggregateError(`${failures.length}份学校数据无效：${files.zh}`, `${failures.length} school file${failures.length === 1 ? ' is' : 's are'} invalid: ${files.en}`, failures);
  }
  return aggregator.finish();
}
