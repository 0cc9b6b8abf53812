/**
 * zongjie/workbook: the spreadsheet an office already keeps, as stats.
 * Browser-safe (exceljs's own browser build; no file system), and an entry
 * of its own so the core does not carry exceljs to pages that never read a
 * workbook.
 *
 *   const book = await parseWorkbook(bytes);        // what the cells say, where each came from
 *   const result = await safeParseWorkbook(bytes);  // validated: StatsError issues name the cell
 *   const bytes = await writeWorkbook(stats);       // a workbook to fill in, or stats laid out in one
 */
import { safeParseStats, StatsError } from '../schema/parse.js';
import type { YearlyStats, YearlyStatsInput } from '../schema/stats.js';
import type { Message } from './cells.js';
import { atPlace, locatePath, parseWhere, type CellPlace } from './locate.js';
import { readWorkbook, type LocatedIssue, type WorkbookNotice } from './read.js';

export { WorkbookFileError, WORKBOOK_LIMITS, type LocatedIssue, type WorkbookNotice } from './read.js';
export { writeWorkbook, WorkbookWriteError, type WriteWorkbookOptions } from './write.js';
export { describePlace, type CellPlace } from './locate.js';
export { SHEETS, NOT_IN_WORKBOOK, KIND_SHEETS, type Sheet, type Column } from './sheets.js';
export type { CellType } from './cells.js';

export interface ParsedWorkbook {
  /** The stats as the cells state them, not yet validated; enumerated values as codes. */
  input: YearlyStatsInput;
  /** Cells that could not be read (never guessed), each naming its cell; their fields are left out of `input`. */
  issues: LocatedIssue[];
  /** What was left unread on purpose: a sheet or column of the clerk's own, a 合计 row. */
  notices: WorkbookNotice[];
  /** The place of a JSON path (`aid[3].amount` or its segments) in the workbook. */
  locate(where: string | readonly (string | number)[]): CellPlace | undefined;
  /** An issue or warning (`{ where, message }`, from the schema, facts or compose) told at its cell: `资助发放 第7行「金额（元）」(G7)：…`. */
  place<T extends { where: string; message: Message }>(item: T): T & { place?: CellPlace };
}

/**
 * Reads a workbook (.xlsx bytes) into stats input and the place of every
 * value in it.
 *
 * @throws {WorkbookFileError} for a file that is not an .xlsx (an old .xls, an .ods, damaged or encrypted) or unpacks to more than WORKBOOK_LIMITS
 */
export async function parseWorkbook(bytes: Uint8Array | ArrayBuffer): Promise<ParsedWorkbook> {
  const { input, issues, notices, anchors } = await readWorkbook(bytes);
  const locate = (where: string | readonly (string | number)[]) => locatePath(typeof where === 'string' ? parseWhere(where) : where, anchors);
  return {
    input: input as YearlyStatsInput,
    issues,
    notices,
    locate,
    place: (item) => atPlace(item, locate(item.where)),
  };
}

export type SafeParseWorkbookResult = ({ success: true; data: YearlyStats } | { success: false; error: StatsError }) & { workbook: ParsedWorkbook };

/**
 * Reads and validates a workbook without throwing for bad data: every cell
 * that could not be read and every problem the schema finds, each message
 * naming sheet, row, column and cell.
 *
 * @throws {WorkbookFileError} for a file that is not an .xlsx
 */
export async function safeParseWorkbook(bytes: Uint8Array | ArrayBuffer): Promise<SafeParseWorkbookResult> {
  const workbook = await parseWorkbook(bytes);
  const parsed = safeParseStats(workbook.input);
  // A field whose cell could not be read is missing from the input: the schema's word on it would only repeat the cell's.
  const unread = workbook.issues.map((i) => i.where);
  const covered = (where: string) => unread.some((u) => where === u || where.startsWith(`${u}.`) || where.startsWith(`${u}[`));
  const schemaIssues = parsed.success ? [] : parsed.error.issues.filter((i) => !covered(i.where)).map((i) => workbook.place(i));
  const issues = [...workbook.issues, ...schemaIssues];
  if (parsed.success && issues.length === 0) return { success: true, data: parsed.data, workbook };
  return { success: false, error: new StatsError(issues), workbook };
}

/**
 * Reads and validates a workbook.
 *
 * @throws {StatsError} listing every problem at its cell
 * @throws {WorkbookFileError} for a file that is not an .xlsx
 */
export async function parseWorkbookStats(bytes: Uint8Array | ArrayBuffer): Promise<YearlyStats> {
  const result = await safeParseWorkbook(bytes);
  if (!result.success) throw result.error;
  return result.data;
}
