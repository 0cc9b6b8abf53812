import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { parseJsonBytes } from '../input/json.js';
import type { Message } from '../workbook/cells.js';
import type { ParsedWorkbook, WorkbookNotice } from '../workbook/index.js';

/** The kinds of stats file `readStatsFile` reads, by extension; a directory is read for these. */
export const STATS_FILE_EXTENSIONS: readonly string[] = ['.json', '.xlsx', '.xls'];

/** Whether a file name is one of ours to read as stats (an office's lock file `~$…` is not). */
export const isStatsFileName = (name: string) =>
  STATS_FILE_EXTENSIONS.includes(extname(name).toLowerCase()) && !/^(~\$|\.~lock|\.)/.test(name);

/** A file readStatsFile cannot read: of a kind it does not read, or a workbook it cannot open. */
export class StatsFileError extends Error {
  override readonly name = 'StatsFileError';
  constructor(
    readonly file: string,
    message = `不支持的文件类型 / unsupported file type: ${file}（可读 / readable: ${STATS_FILE_EXTENSIONS.join(', ')}）`,
  ) {
    super(message);
  }
}

/** A stats file as read: its stats input, and for a workbook where each field came from. */
export interface StatsFile {
  /** The stats input; from a workbook, already validated (its problems were thrown, at their cells). */
  data: unknown;
  /** Tells an issue or warning at its cell; the identity for JSON. */
  place<T extends { where: string; message: Message }>(item: T): T;
  /** What a workbook left unread on purpose (a sheet or column of the clerk's own, a 合计 row). */
  notices: WorkbookNotice[];
  /** How the file was read, when it needed saying (an .xls converted by LibreOffice). */
  via?: string;
}

/**
 * One stats file, read and parsed: JSON (UTF-8, UTF-16 or GBK, decoded by
 * src/input/json.ts), or a workbook by its extension or its bytes. Every
 * command that reads stats goes through here, so a format is added in one
 * place. A workbook's problems are thrown as a StatsError whose messages
 * name the cell; an old .xls is saved as .xlsx by LibreOffice when it is
 * installed (the clerk's file is never changed).
 *
 * @param shown how errors name the file (default: `path`)
 * @throws {JsonSyntaxError} / {TextEncodingError} for JSON; {StatsError} for a workbook's cells; {StatsFileError}; the fs error
 */
export async function readStatsFile(path: string, shown = path): Promise<StatsFile> {
  const ext = extname(path).toLowerCase();
  if (ext === '.xls' || ext === '.et') return readOldWorkbook(path, shown);
  const bytes = await readFile(path);
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (ext === '.xlsx' || zip) return readWorkbookBytes(bytes, shown);
  if (ext !== '.json' && ext !== '') throw new StatsFileError(shown);
  return { data: parseJsonBytes(bytes, shown).value, place: (item) => item, notices: [] };
}

async function readWorkbookBytes(bytes: Uint8Array, shown: string, via?: string): Promise<StatsFile> {
  // Loaded when a workbook is read: exceljs costs a JSON-only run nothing.
  const { safeParseWorkbook, WorkbookFileError } = await import('../workbook/index.js');
  let result;
  try {
    result = await safeParseWorkbook(bytes);
  } catch (error) {
    if (error instanceof WorkbookFileError) throw new StatsFileError(shown, `${shown}: ${error.reason.zh} / ${error.reason.en}`);
    throw error;
  }
  if (!result.success) throw result.error;
  const workbook: ParsedWorkbook = result.workbook;
  return { data: workbook.input, place: (item) => workbook.place(item), notices: workbook.notices, ...(via ? { via } : {}) };
}

/** An Excel 97-2003 workbook: saved as .xlsx by LibreOffice into a temporary directory (removed after), else refused with the way out. */
async function readOldWorkbook(path: string, shown: string): Promise<StatsFile> {
  const dir = await mkdtemp(join(tmpdir(), 'zongjie-xls-'));
  try {
    const converted = await new Promise<boolean>((resolve) => {
      execFile(
        'soffice',
        [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'xlsx', '--outdir', dir, path],
        { timeout: 180_000 },
        (error) => resolve(!error),
      );
    });
    const out = join(dir, `${basename(path, extname(path))}.xlsx`);
    const bytes = converted ? await readFile(out).catch(() => undefined) : undefined;
    if (!bytes) {
      throw new StatsFileError(
        shown,
        `${shown}: 这是旧版 Excel 97-2003 工作簿（.xls），未安装 LibreOffice 时无法读取；请在 Excel 或 WPS 中“另存为” Excel 工作簿（*.xlsx） / an old Excel 97-2003 workbook (.xls): without LibreOffice it cannot be read; save it as an Excel workbook (*.xlsx)`,
      );
    }
    return await readWorkbookBytes(bytes, shown, 'LibreOffice (.xls → .xlsx)');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The stats files directly in a directory, sorted by name; hidden, lock and temporary files left out. */
export async function statsFilesIn(dir: string): Promise<string[]> {
  const names = await readdir(dir);
  return names
    .filter(isStatsFileName)
    .sort()
    .map((name) => join(dir, name));
}
