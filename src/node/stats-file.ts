import { readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
// The JSON reader that says where a file broke; it moves to src/input/json.ts (issue 15),
// which also decodes GBK and UTF-16: swap this import for `parseJsonBytes` there.
import { parseJson } from '../cli/json.js';

/**
 * The kinds of stats file `readStatsFile` reads, by extension. A directory
 * given to `zongjie aggregate` is read for these; a workbook reader adds
 * '.xlsx' here and a case in readStatsFile.
 */
export const STATS_FILE_EXTENSIONS: readonly string[] = ['.json'];

/** A file readStatsFile cannot read by its kind (its extension). */
export class StatsFileError extends Error {
  override readonly name = 'StatsFileError';
  constructor(readonly file: string) {
    super(`不支持的文件类型 / unsupported file type: ${file}（可读 / readable: ${STATS_FILE_EXTENSIONS.join(', ')}）`);
  }
}

/**
 * One stats file, read and parsed, not yet validated: what parseStats or
 * aggregateStats take. Every file a command reads as stats goes through
 * here, so a new format (a workbook) is added in one place.
 *
 * @param shown how errors name the file (default: `path`)
 * @throws {JsonSyntaxError} with line and column; {StatsFileError} for a kind it does not read; the fs error
 */
export async function readStatsFile(path: string, shown = path): Promise<unknown> {
  switch (extname(path).toLowerCase()) {
    case '.json':
      return parseJson(await readFile(path, 'utf8'), shown);
    default:
      throw new StatsFileError(shown);
  }
}

/** The stats files directly in a directory, sorted by name; hidden files (editors' and our temporary files) left out. */
export async function statsFilesIn(dir: string): Promise<string[]> {
  const names = await readdir(dir);
  return names
    .filter((name) => !name.startsWith('.') && STATS_FILE_EXTENSIONS.includes(extname(name).toLowerCase()))
    .sort()
    .map((name) => join(dir, name));
}
