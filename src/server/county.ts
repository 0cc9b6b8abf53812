import { AggregateError, aggregateStats, type AggregateResult as CountyResult } from '../aggregate/index.js';
import { toFen } from '../format/money.js';
import { StatsError } from '../schema/parse.js';
import type { AggregateOptions, AggregateRefusal, AggregateResult, SchoolInput } from './capabilities.js';
import { fileProblem, issueProblem, type Problem } from './problems.js';

/**
 * The bureau's files on the page → the county's stats (`aggregateStats`),
 * the table the page shows of them, and the checks across files, each
 * naming its files as the clerk named them. Schools whose stats are not
 * valid are refused, every problem naming its file.
 */
export function aggregateSchools(schools: readonly SchoolInput[], options: AggregateOptions): AggregateResult | AggregateRefusal {
  let result: CountyResult;
  try {
    result = aggregateStats(
      schools.map((school) => ({ source: school.name, stats: school.stats })),
      { organisation: options.organisation, year: options.year },
    );
  } catch (error) {
    if (!(error instanceof AggregateError)) throw error;
    return { problems: refusalProblems(error) };
  }
  return { stats: result.stats, table: schoolsTable(schools, result, options.organisation.name), warnings: result.warnings };
}

export const TABLE_COLUMNS = ['文件', '学校', '受助人次', '资助金额（元）', '说明'];

/** What the note column says of a file that was left out, by the warning's code. */
const LEFT_OUT: Record<string, (first?: string) => string> = {
  duplicate_school: (first) => `与${first ?? '另一文件'}是同一所学校，未计入`,
  other_year: () => '年度或期间不同，未计入',
  bureau_among_schools: () => '汇总单位自己的文件，未计入',
};

/**
 * One row per file in the order given — its school, the aid students (人次)
 * and money it adds, or why it was left out — and a 合计 row that is the
 * county's own sums. A figure one of a school's aid records leaves out
 * leaves its cell, and then the total, empty: never a partial sum.
 */
function schoolsTable(schools: readonly SchoolInput[], result: CountyResult, bureau: string): AggregateResult['table'] {
  const lines = new Map((result.stats.schools ?? []).map((line) => [sameName(line.name), line.aid ?? []]));
  const rows = schools.map((school): (string | number)[] => {
    const name = (school.stats as { organisation: { name: string } }).organisation.name;
    const skipped = result.skipped.find((s) => s.source === school.name);
    if (skipped) {
      const first = result.warnings.find((w) => w.code === skipped.code && w.files.at(-1) === school.name)?.files[0];
      return [school.name, name, '', '', LEFT_OUT[skipped.code]?.(first) ?? '未计入'];
    }
    const own = sameName(name) === sameName(bureau);
    const aid = lines.get(sameName(name)) ?? [];
    return [school.name, name, ...sums(aid), own ? '汇总单位自己发放的资助' : ''];
  });
  const { students, amount } = result.totals.aid;
  const left = result.skipped.length ? `${result.skipped.length}个文件未计入` : '';
  rows.push(['合计', `${result.totals.schools}所学校`, students ?? '', amount ?? '', left]);
  return { columns: TABLE_COLUMNS, rows };
}

/** A school's 人次 and 元, each empty when a record leaves it out (or there is none). */
function sums(aid: readonly { students?: number; amount?: number }[]): [number | '', number | ''] {
  if (aid.length === 0) return ['', ''];
  const students = aid.every((a) => a.students !== undefined) ? aid.reduce((n, a) => n + a.students!, 0) : '';
  const amount = aid.every((a) => a.amount !== undefined) ? aid.reduce((fen, a) => fen + toFen(a.amount!), 0) / 100 : '';
  return [students, amount];
}

/** Names as the aggregation compares them: spaces and full-width forms do not make another school. */
const sameName = (name: string) => name.normalize('NFKC').replace(/\s+/g, '');

/** Why the schools could not be added up: each invalid file's problems, its name in front; or the sums the schema cannot hold. */
function refusalProblems(error: AggregateError): Problem[] {
  if (error.failures.length === 0) return [fileProblem('aggregate_invalid', error.zh, error.en)];
  return error.failures.flatMap(({ source, error: cause }) => {
    if (!(cause instanceof StatsError)) return [{ ...fileProblem('invalid_input', `${source}：${String(cause)}`, `${source}: ${String(cause)}`), files: [source] }];
    return cause.issues.map((issue) => {
      const problem = issueProblem(issue);
      return { ...problem, message: { zh: `${source}：${problem.message.zh}`, en: `${source}: ${problem.message.en}` }, files: [source] };
    });
  });
}
