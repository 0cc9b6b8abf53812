import { constants } from 'node:fs';
import { access, mkdir } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename, extname, resolve } from 'node:path';
import {
  composeReport,
  draftBatch,
  draftReport,
  type Draft,
  type DraftOptions,
  FORMATS,
  loadTemplateDir,
  safeFileName,
  writeDraft,
  type ComposeOptions,
  type FontOptions,
  type Format,
} from '../../node/index.js';
import { CliError, describeError, EXIT, warningLines } from '../errors.js';
import { expandInputs, type Input } from '../inputs.js';
import { fontPaths } from '../options.js';
import { createProgress, stdio, type Output } from '../output.js';
import { shownPath } from '../paths.js';
import { noticeLines, readStatsFile, type StatsFile } from '../stats-file.js';

export interface DraftCommandOptions {
  out?: string;
  formats?: Format[];
  template?: string;
  font?: FontOptions;
}

/** What one input came to: its stats and file name, or the error that stopped it. */
type Planned = { file: string; data: unknown; title: string; name?: string; read?: StatsFile } | { file: string; error: unknown };

/**
 * `zongjie draft`: every input to DOCX, PDF and Markdown in the output
 * directory, named after the report title. A failing input is reported and
 * the rest still drafted; the exit code says whether any failed.
 */
export async function draftCommand(args: string[], options: DraftCommandOptions, output: Output = stdio): Promise<number> {
  const outDir = resolve(options.out ?? '.');
  const formats = options.formats ?? [...FORMATS];
  const fonts = options.font ?? {};
  await prepare(outDir, fonts, formats);
  const template = await templateOption(options.template);

  const { inputs, hasDirectory } = await expandInputs(args);
  const batch = inputs.length > 1 || hasDirectory;
  const planned = nameOutputs(await Promise.all(inputs.map((input) => plan(input, template))));

  const progress = batch ? createProgress(planned.length, output) : undefined;
  const print = progress?.output ?? output;
  const failed: string[] = [];
  let drafts: ReturnType<typeof drafter> | undefined;
  try {
    drafts = drafter(planned, { formats, template, fonts });
    for (const [index, item] of planned.entries()) {
      const counter = batch ? `[${index + 1}/${planned.length}] ` : '';
      progress?.start(basename(item.file));
      try {
        if ('error' in item) throw item.error;
        const draft = await drafts.next();
        const written = await writeDraft(draft, outDir, item.name);
        print.out(`✓ ${counter}${shownPath(item.file)}`);
        for (const path of written) print.out(`    ${shownPath(path)}`);
        for (const line of noticeLines(item.read?.notices ?? [])) print.err(`    ${line}`);
        for (const line of warningLines(item.read ? draft.warnings.map((w) => item.read!.place(w)) : draft.warnings)) print.err(`    ${line}`);
      } catch (error) {
        failed.push(item.file);
        print.err(`✗ ${counter}${shownPath(item.file)}`);
        for (const line of describeError(error)) print.err(`    ${line}`);
      }
      progress?.done();
    }
  } finally {
    await drafts?.close();
    progress?.stop();
  }

  if (batch) {
    const drafted = planned.length - failed.length;
    const summary = `${drafted} 份已生成，${failed.length} 份失败 / ${drafted} drafted, ${failed.length} failed`;
    if (failed.length) output.err(`${summary}: ${failed.map(shownPath).join(', ')}`);
    else output.out(summary);
  }
  return failed.length ? EXIT.failed : EXIT.ok;
}

/** Fail before drafting anything when the output directory or a font file cannot be used. */
async function prepare(outDir: string, fonts: FontOptions, formats: readonly Format[]): Promise<void> {
  try {
    await mkdir(outDir, { recursive: true });
    await access(outDir, constants.W_OK);
  } catch (error) {
    throw new CliError(`无法写入输出目录 / cannot write to the output directory: ${shownPath(outDir)}`, describeError(error).map((l) => `  ${l}`));
  }
  if (!formats.includes('pdf')) return;
  for (const path of fontPaths(fonts)) {
    await access(path).catch(() => {
      throw new CliError(`找不到字体文件 / font file not found: ${shownPath(path)}`);
    });
  }
}

/** `-t`: a built-in name, or a template directory read once for the whole batch. */
async function templateOption(option: string | undefined): Promise<ComposeOptions['template']> {
  if (option === undefined || option === 'school' || option === 'bureau') return option;
  try {
    return await loadTemplateDir(option);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code) throw error;
    throw new CliError((error as Error).message);
  }
}

/** From this many inputs on, a batch is drafted on worker threads (both cores); fewer do not repay starting them. */
const WORKERS_FROM = 4;

/**
 * Drafts of the planned inputs that read and composed, in order: one at a
 * time in this thread for a few, on a pool of worker threads for more.
 * `next()` gives the next input's draft, or throws its error.
 */
function drafter(planned: Planned[], options: DraftOptions): { next(): Promise<Draft>; close(): Promise<void> } {
  const data = planned.flatMap((item) => ('error' in item ? [] : [item.data]));
  if (data.length < WORKERS_FROM) {
    let i = 0;
    return { next: () => draftReport(data[i++], options), close: async () => {} };
  }
  const results = draftBatch(data, options, { workers: Math.min(availableParallelism(), data.length) });
  return {
    async next() {
      const result = await results.next();
      if (result.done) throw new Error('draftBatch ended early');
      if (!result.value.ok) throw result.value.error;
      return result.value.draft;
    },
    // Ends the pool: a generator left suspended would keep its workers, and the process, alive.
    async close() {
      await results.return(undefined);
    },
  };
}

/** Reads and composes an input, for its title; rendering comes later, one input at a time. */
async function plan(input: Input, template: ComposeOptions['template']): Promise<Planned> {
  if ('error' in input) return { file: input.file, error: input.error };
  try {
    const read = await readStatsFile(input.file);
    const { report } = composeReport(read.data, { template });
    return { file: input.file, data: read.data, title: report.title, read };
  } catch (error) {
    return { file: input.file, error };
  }
}

/**
 * File names from the titles. Inputs that share a title (drafts of one
 * school's stats, say) each get their input's name added; any name still
 * shared, or differing only in case, gets a number.
 */
export function nameOutputs(planned: Planned[]): Planned[] {
  const byTitle = new Map<string, number>();
  for (const item of planned) {
    if ('error' in item) continue;
    const title = key(safeFileName(item.title));
    byTitle.set(title, (byTitle.get(title) ?? 0) + 1);
  }
  const used = new Set<string>();
  return planned.map((item) => {
    if ('error' in item) return item;
    const base = safeFileName(item.title);
    const first = byTitle.get(key(base))! > 1 ? safeFileName(`${base}_${basename(item.file, extname(item.file))}`) : base;
    let name = first;
    for (let n = 2; used.has(key(name)); n++) name = `${first}_${n}`;
    used.add(key(name));
    return { ...item, name };
  });
}

const key = (name: string) => name.normalize('NFC').toLowerCase();
