import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CliError } from './errors.js';
import { parseJsonBytes } from './json.js';
import { STATS_FILE_EXTENSIONS, statsFilesIn } from '../node/stats-file.js';
import { shownPath } from './paths.js';

/** One input file, or why an argument gave none. */
export type Input = { file: string } | { file: string; error: unknown };

/**
 * The files the arguments name: a file as given, a directory as every
 * stats file directly in it (statsFilesIn), sorted by name. A missing path or an empty
 * directory is an input that failed, so a batch still does the rest.
 */
export async function expandInputs(args: readonly string[]): Promise<{ inputs: Input[]; hasDirectory: boolean }> {
  const inputs: Input[] = [];
  let hasDirectory = false;
  for (const arg of args) {
    const info = await stat(arg).catch((error: unknown) => error as Error);
    if (info instanceof Error) {
      inputs.push({ file: arg, error: info });
    } else if (info.isDirectory()) {
      hasDirectory = true;
      const files = await statsFilesIn(arg);
      if (files.length === 0) {
        const kinds = STATS_FILE_EXTENSIONS.join(', ');
        inputs.push({ file: arg, error: new CliError(`目录中没有统计数据文件（${kinds}）/ no stats files (${kinds}) in the directory: ${shownPath(arg)}`) });
      }
      for (const file of files) inputs.push({ file });
    } else {
      inputs.push({ file: arg });
    }
  }
  // The same file named twice (a file and its directory) is drafted once.
  const seen = new Set<string>();
  return { inputs: inputs.filter((input) => 'error' in input || (!seen.has(resolve(input.file)) && seen.add(resolve(input.file)))), hasDirectory };
}

/**
 * Reads and parses a stats file in UTF-8, UTF-16 or GBK/GB18030.
 * @throws JsonSyntaxError with line and column (a duplicate key too), TextEncodingError, or the fs error.
 */
export async function readJsonFile(file: string): Promise<unknown> {
  return parseJsonBytes(await readFile(file), shownPath(file)).value;
}
