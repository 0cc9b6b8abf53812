import type { CellPlace, LocatedIssue, WorkbookNotice } from '../workbook/index.js';
import type { WorkbookResult } from './capabilities.js';
import { fileProblem, issueProblem, type Location, type Problem } from './problems.js';

/**
 * An uploaded .xlsx → stats input, through the workbook reader
 * (`safeParseWorkbook`): every cell that cannot be read and every problem
 * the schema finds, at its cell; on success, where each field was read, so
 * the warnings of the draft point at cells too. A file that is not a
 * workbook we read (an old .xls, an .ods, damaged, a zip bomb: the reader
 * checks what it unpacks to before inflating it) is a problem of the whole file.
 */
export async function readWorkbookUpload(bytes: Uint8Array, fileName: string): Promise<WorkbookResult> {
  // Loaded on the first workbook: exceljs costs a server that only ever sees JSON nothing.
  const { safeParseWorkbook, WorkbookFileError } = await import('../workbook/index.js');
  let result;
  try {
    result = await safeParseWorkbook(bytes);
  } catch (error) {
    if (!(error instanceof WorkbookFileError)) throw error;
    return { ok: false, problems: [fileProblem(`workbook_${error.code}`, `${fileName}：${error.reason.zh}`, `${fileName}: ${error.reason.en}`)] };
  }
  const { workbook } = result;
  if (!result.success) return { ok: false, problems: result.error.issues.map((issue: LocatedIssue) => issueProblem(issue, () => cellLocation(issue.place))) };
  return {
    ok: true,
    data: workbook.input,
    locate: (where) => cellLocation(workbook.locate(where)),
    warnings: workbook.notices.map(noticeProblem),
  };
}

/** A blank workbook to fill in, of a school's or a bureau's sheets. */
export async function blankWorkbook(kind: 'school' | 'bureau'): Promise<Uint8Array> {
  const { writeWorkbook } = await import('../workbook/index.js');
  return writeWorkbook(undefined, { kind });
}

/** The workbook's place as the API gives it: the sheet, and the row, column and header where known. */
export function cellLocation(place: CellPlace | undefined): Location | undefined {
  if (!place) return undefined;
  const { sheet, row, column, ref, header } = place;
  return { kind: 'cell', sheet, ...(row !== undefined ? { row } : {}), ...(column ? { column } : {}), ...(ref ? { ref } : {}), ...(header ? { header } : {}) };
}

/** What the reader left unread on purpose (a sheet of the clerk's own, a 合计 row): a warning, so nothing goes unnoticed. */
function noticeProblem(notice: WorkbookNotice): Problem {
  return { severity: 'warning', code: notice.code, where: '(root)', location: cellLocation(notice.place)!, message: notice.message };
}
