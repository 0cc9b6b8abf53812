import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import type { Message } from '../workbook/cells.js';
import type { ParsedWorkbook, WorkbookNotice } from '../workbook/index.js';
import { CliError } from './errors.js';
import { readJsonFile } from './inputs.js';
import { shownPath } from './paths.js';

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

const WORKBOOK = /\.xlsx$/i;
const OLD_WORKBOOK = /\.(xls|et)$/i;

/** Whether a path names a file the CLI reads as stats: `.json`, `.xlsx` (and `.xls` through LibreOffice). */
export const isStatsFileName = (name: string) => /\.(json|xlsx|xls)$/i.test(name) && !/^(~\$|\.~lock)/.test(name);

/**
 * Reads a stats file: JSON, or a workbook by its extension or its bytes. A
 * workbook's problems are thrown as a StatsError whose messages name the
 * cell; an old .xls is converted by LibreOffice when it is installed.
 */
export async function readStatsFile(file: string): Promise<StatsFile> {
  if (OLD_WORKBOOK.test(file)) return readOldWorkbook(file);
  const bytes = await readFile(file);
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (!WORKBOOK.test(file) && !zip) return { data: await readJsonFile(file), place: (item) => item, notices: [] };
  return readWorkbookBytes(bytes, file);
}

async function readWorkbookBytes(bytes: Uint8Array, file: string, via?: string): Promise<StatsFile> {
  // Loaded when a workbook is read: exceljs costs a JSON-only run nothing.
  const { safeParseWorkbook, WorkbookFileError } = await import('../workbook/index.js');
  let result;
  try {
    result = await safeParseWorkbook(bytes);
  } catch (error) {
    if (error instanceof WorkbookFileError) throw new CliError(`${shownPath(file)}: ${error.reason.zh} / ${error.reason.en}`);
    throw error;
  }
  if (!result.success) throw result.error;
  const workbook: ParsedWorkbook = result.workbook;
  return { data: workbook.input, place: (item) => workbook.place(item), notices: workbook.notices, ...(via ? { via } : {}) };
}

/**
 * An Excel 97-2003 workbook: saved as .xlsx by LibreOffice into a temporary
 * directory (removed after) when `soffice` is installed, else refused with
 * the way out. The clerk's file is never changed.
 */
async function readOldWorkbook(file: string): Promise<StatsFile> {
  const dir = await mkdtemp(join(tmpdir(), 'zongjie-xls-'));
  try {
    const converted = await new Promise<boolean>((resolve) => {
      execFile(
        'soffice',
        [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'xlsx', '--outdir', dir, file],
        { timeout: 180_000 },
        (error) => resolve(!error),
      );
    });
    const out = join(dir, `${basename(file, extname(file))}.xlsx`);
    const bytes = converted ? await readFile(out).catch(() => undefined) : undefined;
    if (!bytes) {
      throw new CliError(
        `${shownPath(file)}: 这是旧版 Excel 97-2003 工作簿（.xls），未安装 LibreOffice 时无法读取；请在 Excel 或 WPS 中“另存为” Excel 工作簿（*.xlsx） / an old Excel 97-2003 workbook (.xls): without LibreOffice it cannot be read; save it as an Excel workbook (*.xlsx)`,
      );
    }
    return await readWorkbookBytes(bytes, file, 'LibreOffice (.xls → .xlsx)');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A workbook's notices as lines for the user. */
export function noticeLines(notices: readonly WorkbookNotice[]): string[] {
  return notices.flatMap((n) => [`ℹ ${n.message.zh}`, `  ${n.message.en}`]);
}
