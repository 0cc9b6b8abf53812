import { constants } from 'node:fs';
import { access, mkdir, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename, extname, resolve } from 'node:path';
import {
  composeReport,
  createDraftPool,
  draftReport,
  type DraftPool,
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
import { BASE_NAME_MAX_BYTES } from '../../node/write.js';
import { noFontError } from '../../node/fonts/error.js';
import { findsBodyFont } from '../../node/fonts/load.js';
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
  /** Longest one draft may take, in seconds; drafts then run on worker threads, which can be stopped. */
  timeout?: number;
}

/** What one input came to: its stats and file name, or the error that stopped it. */
type Planned = { file: string; data: unknown; title: string; name?: string; read?: StatsFile } | { file: string; error: unknown };

/**
 * `zongjie draft`: every input to DOCX, PDF and Markdown in the output
 * directory, named after the report title. A failing input is reported and
 * the rest still drafted; the exit code says whether any failed.
 */
export async function draftCommand(args: string[], options: DraftCommandOptions, output: Output = stdio): Promise<number> {
  const stop = interruption();
  try {
    return await drafting(args, options, output, stop);
  } finally {
    stop.remove();
  }
}

async function drafting(args: string[], options: DraftCommandOptions, output: Output, stop: Interruption): Promise<number> {
  const outDir = resolve(options.out ?? '.');
  const formats = options.formats ?? [...FORMATS];
  const fonts = options.font ?? {};
  await prepare(outDir, fonts, formats);
  const template = await templateOption(options.template);

  const { inputs, hasDirectory } = await expandInputs(args);
  const batch = inputs.length > 1 || hasDirectory;
  const read = await Promise.all(inputs.map(readInput));
  const count = read.filter((item) => !('error' in item)).length;
  const timeoutMs = options.timeout === undefined ? undefined : options.timeout * 1000;
  // A pool for a batch, or for any input under a time limit: a draft in this thread cannot be stopped.
  const pool =
    count > 0 && (count >= WORKERS_FROM || timeoutMs !== undefined)
      ? createDraftPool({ formats, template, fonts, workers: Math.min(availableParallelism(), count), ...(timeoutMs === undefined ? {} : { timeoutMs }) })
      : undefined;
  // A signal stops the workers at once; the input being written is finished first, so no file is left half-written.
  stop.onStop(() => void pool?.close());

  const failed: string[] = [];
  const written: string[] = [];
  let progress: ReturnType<typeof createProgress> | undefined;
  try {
    // Composed first, for the titles that name the files: on the pool under a time limit, else here.
    const planned = nameOutputs(pool && timeoutMs !== undefined ? await planOn(pool, read) : read.map((item) => plan(item, template)));
    if (stop.signal) return stopped(stop, output, written, read);
    progress = batch ? createProgress(planned.length, output) : undefined;
    const print = progress?.output ?? output;
    const drafts = drafter(planned, { formats, template, fonts }, pool);
    for (const [index, item] of planned.entries()) {
      if (stop.signal) break;
      const counter = batch ? `[${index + 1}/${planned.length}] ` : '';
      progress?.start(basename(item.file));
      try {
        if ('error' in item) throw item.error;
        const draft = await drafts.next();
        if (stop.signal) break; // drafted, but the user asked to stop: nothing more is written
        const paths = await writeDraft(draft, outDir, item.name);
        written.push(item.file);
        print.out(`✓ ${counter}${shownPath(item.file)}`);
        for (const path of paths) print.out(`    ${shownPath(path)}`);
        for (const line of noticeLines(item.read?.notices ?? [])) print.err(`    ${line}`);
        for (const line of warningLines(item.read ? draft.warnings.map((w) => item.read!.place(w)) : draft.warnings)) print.err(`    ${line}`);
      } catch (error) {
        if (stop.signal) break; // the pool was stopped under this input
        failed.push(item.file);
        print.err(`✗ ${counter}${shownPath(item.file)}`);
        for (const line of describeError(error)) print.err(`    ${line}`);
      }
      progress?.done();
    }
  } finally {
    await pool?.close();
    progress?.stop();
  }
  if (stop.signal) return stopped(stop, output, written, read);

  if (batch) {
    const drafted = read.length - failed.length;
    const summary = `${drafted} 份已生成，${failed.length} 份失败 / ${drafted} drafted, ${failed.length} failed`;
    if (failed.length) output.err(`${summary}: ${failed.map(shownPath).join(', ')}`);
    else output.out(summary);
  }
  return failed.length ? EXIT.failed : EXIT.ok;
}

/** What was written before a signal stopped the batch, and what was not; the exit code the signal calls for. */
function stopped(stop: Interruption, output: Output, written: string[], inputs: { file: string }[]): number {
  const notWritten = inputs.map((p) => p.file).filter((file) => !written.includes(file));
  output.err(
    `✗ 已中断（${stop.signal}）：${written.length} 份已写出，${notWritten.length} 份未写出 / interrupted (${stop.signal}): ${written.length} written, ${notWritten.length} not written`,
  );
  if (notWritten.length) output.err(`  未写出 / not written: ${notWritten.map(shownPath).join(', ')}`);
  return stop.signal === 'SIGTERM' ? EXIT.sigterm : EXIT.sigint;
}

interface Interruption {
  /** The signal that asked to stop, once one has. */
  signal?: 'SIGINT' | 'SIGTERM';
  onStop(callback: () => void): void;
  remove(): void;
}

/**
 * Ctrl-C (SIGINT) and SIGTERM during a draft: stop drafting, finish the file
 * being written, report, and exit 130 or 143. A second signal exits at once
 * (atomic writes leave no partial file; a temporary one is cleaned up by the
 * next run in that directory).
 */
function interruption(): Interruption {
  const callbacks: (() => void)[] = [];
  const state: Interruption = {
    onStop: (callback) => void callbacks.push(callback),
    remove: () => {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    },
  };
  const handler = (signal: 'SIGINT' | 'SIGTERM') => {
    if (state.signal) process.exit(signal === 'SIGTERM' ? EXIT.sigterm : EXIT.sigint);
    state.signal = signal;
    for (const callback of callbacks) callback();
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return state;
}

/** Fail before drafting anything when the output directory or a font file cannot be used. */
async function prepare(outDir: string, fonts: FontOptions, formats: readonly Format[]): Promise<void> {
  const existing = await stat(outDir).catch(() => undefined);
  if (existing && !existing.isDirectory()) {
    throw new CliError(`-o 指向一个文件，不是目录 / -o names a file, not a directory: ${shownPath(outDir)}`, ['  请给出一个目录（不存在时会创建）/ give a directory (it is created if missing)']);
  }
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
  // Said once, with how to get fonts (npx zongjie fonts), not once per input.
  if (!(await findsBodyFont({ fonts }))) throw noFontError('body');
}

/** `-t`: a built-in name, or a template directory read once for the whole batch. */
async function templateOption(option: string | undefined): Promise<ComposeOptions['template']> {
  if (option === undefined || option === 'school' || option === 'bureau') return option;
  return loadTemplateDir(option);
}

/** From this many inputs on, a batch is drafted on worker threads (both cores); fewer do not repay starting them. */
const WORKERS_FROM = 4;

/**
 * Drafts of the planned inputs that read and composed, in order: in this
 * thread without a pool, else on the pool's workers. `next()` gives the next
 * input's draft, or throws its error.
 */
function drafter(planned: Planned[], options: DraftOptions, pool: DraftPool | undefined): { next(): Promise<Draft> } {
  const data = planned.flatMap((item) => ('error' in item ? [] : [item.data]));
  if (!pool) {
    let i = 0;
    return { next: () => draftReport(data[i++], options) };
  }
  const results = pool.batch(data);
  return {
    async next() {
      const result = await results.next();
      if (result.done) throw new Error('the batch ended early');
      if (!result.value.ok) throw result.value.error;
      return result.value.draft;
    },
  };
}

/** A workbook input keeps what it knows of its cells (`read`), so warnings are told at their cells. */
type Read = { file: string; data: unknown; read?: StatsFile } | { file: string; error: unknown };

/** An input's stats, or why it gave none. */
async function readInput(input: Input): Promise<Read> {
  if ('error' in input) return input;
  try {
    const read = await readStatsFile(input.file, shownPath(input.file));
    return { file: input.file, data: read.data, read };
  } catch (error) {
    return { file: input.file, error };
  }
}

/** Composes an input here, for its title; rendering comes later, one input at a time. */
function plan(item: Read, template: ComposeOptions['template']): Planned {
  if ('error' in item) return item;
  try {
    return { ...item, title: composeReport(item.data, { template }).report.title };
  } catch (error) {
    return { file: item.file, error };
  }
}

/** {@link plan} on the pool's workers, each input within the time limit. */
async function planOn(pool: DraftPool, read: Read[]): Promise<Planned[]> {
  const ok = read.filter((item): item is Extract<Read, { data: unknown }> => !('error' in item));
  const titles: (string | Error)[] = [];
  for await (const result of pool.batch(ok.map((item) => item.data), { formats: [] })) titles.push(result.ok ? result.draft.report.title : result.error);
  let i = 0;
  return read.map((item) => {
    if ('error' in item) return item;
    const title = titles[i++]!;
    return typeof title === 'string' ? { ...item, title } : { file: item.file, error: title };
  });
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
    // The input's name goes after a title cut short enough to keep it whole.
    const own = `_${safeFileName(basename(item.file, extname(item.file)), 64)}`;
    const first = byTitle.get(key(base))! > 1 ? `${safeFileName(base, BASE_NAME_MAX_BYTES - Buffer.byteLength(own))}${own}` : base;
    let name = first;
    for (let n = 2; used.has(key(name)); n++) name = `${first}_${n}`;
    used.add(key(name));
    return { ...item, name };
  });
}

const key = (name: string) => name.normalize('NFC').toLowerCase();
