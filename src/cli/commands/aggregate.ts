import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { AggregateError, aggregateFiles, formatCount, formatFen, parseStats, readStatsFile, StatsFileError, statsFilesIn, toFen, writeFileAtomic, type AggregateResult, type AggregateWarning } from '../../node/index.js';
import { CliError, describeError, EXIT } from '../errors.js';
import { createProgress, stdio, type Output } from '../output.js';
import { shownPath } from '../paths.js';

export interface AggregateCommandOptions {
  org: string;
  out?: string;
  previous?: string;
  highlights?: boolean;
}

/**
 * `zongjie aggregate`: the schools' stats files → the county's stats, one
 * file at a time (a directory of thousands is fine). Any file that cannot
 * be read or is not valid stats is named and nothing is written; warnings
 * (files left out, figures that do not add up) name their files and do not
 * stop the run. Without -o the county's stats go to stdout.
 */
export async function aggregateCommand(args: string[], options: AggregateCommandOptions, output: Output = stdio): Promise<number> {
  const out = options.out === undefined ? undefined : resolve(options.out);
  if (out && (await stat(out).catch(() => undefined))?.isDirectory()) throw new CliError(`-o 应是文件，不是目录 / -o is a directory, not a file: ${shownPath(out)}`);
  const bureau = await readBureau(options.org);
  const files = await expand(args, [resolve(options.org), ...(out ? [out] : [])]);
  // With the stats on stdout, every message goes to stderr.
  const say: Output = out ? output : { out: output.err, err: output.err };

  let previous: unknown;
  if (options.previous !== undefined) {
    const last = await aggregatePrevious(options.previous, bureau, say);
    if (last === undefined) return EXIT.failed;
    previous = last;
  }

  const result = await run(files, say, (onFile) =>
    aggregateFiles(files, {
      organisation: bureau.stats.organisation,
      year: bureau.stats.year,
      bureau: bureau.data,
      bureauSource: shownPath(options.org),
      previous,
      previousSource: options.previous === undefined ? undefined : shownPath(options.previous),
      highlights: options.highlights,
      name: shownPath,
      onFile,
    }),
  );
  if (!result) {
    say.err(`未写出结果 / nothing was written${out ? `: ${shownPath(out)}` : ''}`);
    return EXIT.failed;
  }

  const json = `${JSON.stringify(result.stats, null, 2)}\n`;
  if (out && /\.xlsx$/i.test(out)) {
    const { writeWorkbook } = await import('../../workbook/index.js');
    await writeFileAtomic(out, await writeWorkbook(result.stats, { kind: 'bureau' }));
  } else if (out) await writeFileAtomic(out, json);
  else output.out(json.trimEnd());
  printWarnings(result.warnings, say);
  printSummary(result, out, say);
  return EXIT.ok;
}

/** The bureau's own file: its organisation and year say what the aggregate is; invalid, it stops everything. */
async function readBureau(file: string): Promise<{ data: unknown; stats: ReturnType<typeof parseStats> }> {
  const { data } = await readStatsFile(file, shownPath(file));
  return { data, stats: parseStats(data) };
}

/** Files from the arguments: a directory gives its stats files; the bureau's and the output file are never schools. */
async function expand(args: readonly string[], exclude: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const arg of args) {
    const info = await stat(arg);
    if (info.isDirectory()) {
      const found = await statsFilesIn(arg);
      if (found.length === 0) throw new CliError(`目录中没有统计数据文件 / no stats files in the directory: ${shownPath(arg)}`);
      files.push(...found);
    } else {
      files.push(arg);
    }
  }
  const seen = new Set(exclude);
  const unique = files.filter((f) => !seen.has(resolve(f)) && seen.add(resolve(f)));
  if (unique.length === 0) throw new CliError('没有学校的统计数据文件 / no school stats files to aggregate');
  return unique;
}

/** `--previous`: last year's county stats, as a file or aggregated from last year's school files. */
async function aggregatePrevious(path: string, bureau: { stats: ReturnType<typeof parseStats> }, say: Output): Promise<unknown> {
  if (!(await stat(path)).isDirectory()) return (await readStatsFile(path, shownPath(path))).data;
  const files = await statsFilesIn(path);
  if (files.length === 0) throw new CliError(`目录中没有统计数据文件 / no stats files in the directory: ${shownPath(path)}`);
  const { organisation, year, period } = bureau.stats;
  const last = await run(files, say, (onFile) => aggregateFiles(files, { organisation, year: year - 1, period, name: shownPath, onFile }));
  if (!last) {
    say.err(`上年数据无法汇总，未写出结果 / last year's files could not be aggregated; nothing was written`);
    return undefined;
  }
  printWarnings(last.warnings, say, '上年 / last year: ');
  return last.stats;
}

/** Runs an aggregation with a progress bar, printing each failing file as it fails; undefined when any did. */
async function run(files: readonly string[], say: Output, aggregate: (onFile: Parameters<typeof aggregateFiles>[1]['onFile']) => Promise<AggregateResult>): Promise<AggregateResult | undefined> {
  const progress = createProgress(files.length, say);
  const print = progress.output;
  try {
    return await aggregate(({ file, error, done }) => {
      if (!done) return progress.start(basename(file));
      if (error !== undefined) {
        print.err(`✗ ${shownPath(file)}`);
        for (const line of errorLines(error)) print.err(`    ${line}`);
      }
      progress.done();
    });
  } catch (error) {
    if (!(error instanceof AggregateError) || error.failures.length === 0) throw error;
    print.err(`✗ ${error.zh} / ${error.en}`);
    return undefined;
  } finally {
    progress.stop();
  }
}

function errorLines(error: unknown): string[] {
  return error instanceof StatsFileError ? [error.message] : describeError(error);
}

function printWarnings(warnings: readonly AggregateWarning[], say: Output, prefix = ''): void {
  for (const w of warnings) say.err(`⚠ ${prefix}${w.message.zh}\n  ${w.message.en}`);
}

function printSummary(result: AggregateResult, out: string | undefined, say: Output): void {
  const { totals, skipped, changes } = result;
  const left = skipped.length ? `，另有${skipped.length}份未计入 / ${skipped.length} left out` : '';
  say.out(`✓ 汇总${totals.schools}所学校 / aggregated ${totals.schools} schools${left}${out ? ` → ${shownPath(out)}` : ''}`);
  const aid = [
    totals.aid.students === undefined ? '' : `资助学生${formatCount(totals.aid.students, '人次')}`,
    totals.aid.amount === undefined ? '' : `资助资金${formatFen(toFen(totals.aid.amount))}`,
  ].filter(Boolean);
  if (aid.length) say.out(`  ${aid.join('，')}`);
  for (const change of changes) say.out(`  ${change.text}`);
}
