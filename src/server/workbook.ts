import type { CellPlace, LocatedIssue, WorkbookNotice } from '../workbook/index.js';
import type { WorkbookResult } from './capabilities.js';
import { fileProblem, issueProblem, type Location, type Problem } from './problems.js';
import { checkZipSize, type ZipLimits, type ZipRefusal } from './zip-size.js';

/**
 * What an uploaded workbook may unpack to. A school's or a county's
 * workbook is well under 1 MiB unpacked (20,000 aid rows with notes are
 * 5.7 MiB); exceljs holds about 30 times the sheets' XML while it reads
 * them, on the server's own thread, so this also bounds that.
 */
export const WORKBOOK_LIMITS: ZipLimits = { maxBytes: 16 * 1024 * 1024, maxEntries: 2000 };

const SAVE_AGAIN = { zh: '请在 Excel 或 WPS 中打开，“另存为”新的 .xlsx 后再上传', en: 'open it in Excel or WPS, save it as a new .xlsx and upload that' };

/**
 * An uploaded .xlsx → stats input, through the workbook reader
 * (`safeParseWorkbook`): every cell that cannot be read and every problem
 * the schema finds, at its cell; on success, where each field was read, so
 * the warnings of the draft point at cells too. A file that is not a
 * workbook we read (an old .xls, an .ods, damaged) or that unpacks to more
 * than `limits` allows is a problem of the whole file.
 */
export async function readWorkbookUpload(bytes: Uint8Array, fileName: string, limits: ZipLimits = WORKBOOK_LIMITS): Promise<WorkbookResult> {
  // A file that is no zip at all is left to the reader, which says what it is (an old .xls, say).
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  const size = zip ? checkZipSize(bytes, limits) : undefined;
  if (size && !size.ok) return { ok: false, problems: [sizeProblem(size, fileName, limits)] };
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

function sizeProblem(check: ZipRefusal, fileName: string, limits: ZipLimits): Problem {
  const mib = (n: number) => `${Math.ceil(n / 1024 / 1024)} MB`;
  if (check.reason === 'too_large') {
    return fileProblem(
      'workbook_too_large',
      `${fileName}：工作簿解压后超过 ${mib(limits.maxBytes)}（至少 ${mib(check.bytes)}），不像是统计表，未读取；如确是统计表，请删除多余的工作表和空行，另存为新的 .xlsx 后再上传`,
      `${fileName}: the workbook unpacks to more than ${mib(limits.maxBytes)} (at least ${mib(check.bytes)}), which no stats workbook does; it was not read. If it is one, delete the extra sheets and empty rows, save it as a new .xlsx and upload that`,
    );
  }
  if (check.reason === 'too_many_entries') {
    return fileProblem(
      'workbook_too_large',
      `${fileName}：工作簿由 ${check.entries} 个部分组成（上限 ${limits.maxEntries}），不像是统计表，未读取；${SAVE_AGAIN.zh}`,
      `${fileName}: the workbook has ${check.entries} parts (at most ${limits.maxEntries}), which no stats workbook has; it was not read. ${SAVE_AGAIN.en}`,
    );
  }
  return fileProblem(
    'workbook_damaged',
    `${fileName}：工作簿已损坏（压缩结构无效），未读取；${SAVE_AGAIN.zh}`,
    `${fileName}: the workbook is damaged (${check.detail}) and was not read; ${SAVE_AGAIN.en}`,
  );
}
