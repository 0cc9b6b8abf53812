/**
 * A filled workbook → stats input, with the place of every value kept so
 * issues and warnings can name the cell. Sheets are found by name, columns
 * and form rows by their headers (so a clerk may reorder columns, add a
 * title row above the headers, leave blank rows, add sheets of their own);
 * each cell is read by its column's kind (cells.ts), never guessed.
 */
import ExcelJS from 'exceljs';
import type { StatsIssue, StatsIssueCode } from '../schema/issues.js';
import { formatPath } from '../schema/issues.js';
import { readCell, shown, type CellType, type Message, type RawCell } from './cells.js';
import { checkZipSize, type ZipLimits } from './zip-size.js';
import { atPlace, columnLetters, describePlace, type Anchors, type CellPlace, type SheetAnchors } from './locate.js';
import { GUIDE_SHEET, OPTIONS_SHEET, SHEETS, listField, type Column, type FormSheet, type ListsSheet, type RecordSheet, type Sheet, type TableSheet } from './sheets.js';

/** A file that is not a workbook we can read: an old .xls, an .ods, a damaged or encrypted file, a zip bomb. */
export class WorkbookFileError extends Error {
  override readonly name = 'WorkbookFileError';
  constructor(
    readonly code: 'old_format' | 'ods' | 'not_xlsx' | 'damaged' | 'too_large',
    readonly reason: Message,
  ) {
    super(`${reason.zh} / ${reason.en}`);
  }
}

/** A cell that could not be read: an issue like the schema's, with its place. */
export type LocatedIssue = StatsIssue & { place?: CellPlace };

/** What was left unread on purpose — a sheet or column of the clerk's own, a 合计 row — said so nothing is lost unnoticed. */
export interface WorkbookNotice {
  code: 'sheet_ignored' | 'column_ignored' | 'row_ignored' | 'total_row_ignored';
  place: CellPlace;
  message: Message;
}

export interface ReadResult {
  input: Record<string, unknown>;
  issues: LocatedIssue[];
  notices: WorkbookNotice[];
  anchors: Anchors;
}

const SAVE_AS_XLSX = { zh: '请在 Excel 或 WPS 中打开，“另存为” Excel 工作簿（*.xlsx）后再试', en: 'open it in Excel or WPS and save it as an Excel workbook (*.xlsx)' };

/** Refuses, with the way out, what is not an .xlsx before a zip library makes a riddle of it. */
function sniff(bytes: Uint8Array): void {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) {
    throw new WorkbookFileError('old_format', {
      zh: `这是旧版 Excel 97-2003 工作簿（.xls、.et）或加密的工作簿，无法读取；${SAVE_AS_XLSX.zh}（加密的请先取消密码）`,
      en: `this is an old Excel 97-2003 workbook (.xls, .et) or an encrypted one; ${SAVE_AS_XLSX.en} (removing any password first)`,
    });
  }
  if (!starts(0x50, 0x4b, 0x03, 0x04)) {
    throw new WorkbookFileError('not_xlsx', { zh: `不是 Excel 工作簿（.xlsx）；${SAVE_AS_XLSX.zh}`, en: `not an Excel workbook (.xlsx); ${SAVE_AS_XLSX.en}` });
  }
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 100));
  if (head.includes('application/vnd.oasis.opendocument')) {
    throw new WorkbookFileError('ods', { zh: `这是 OpenDocument（.ods）文件；请“另存为” Excel 2007-365 (.xlsx)`, en: 'this is an OpenDocument (.ods) file: save it as Excel 2007-365 (.xlsx)' });
  }
}

/** Nodes of a sheet the reader never needs; a drop-down list over a whole column would otherwise be a million entries. */
const IGNORED_NODES = ['dataValidations', 'conditionalFormatting', 'extLst', 'picture', 'drawing', 'tableParts', 'legacyDrawing'];

/**
 * What a workbook may unpack to. A school's or a county's workbook is well
 * under 1 MiB unpacked (20,000 aid rows with notes are 5.7 MiB); exceljs
 * holds about 30 times the sheets' XML while it reads them, so this bounds
 * that too.
 */
export const WORKBOOK_LIMITS: ZipLimits = { maxBytes: 16 * 1024 * 1024, maxEntries: 2000 };

/** Refuses a zip that unpacks to more than {@link WORKBOOK_LIMITS}, or whose structure cannot be followed, before anything is inflated. */
function checkSize(bytes: Uint8Array): void {
  const size = checkZipSize(bytes, WORKBOOK_LIMITS);
  if (size.ok) return;
  const mb = (n: number) => `${Math.ceil(n / 1024 / 1024)} MB`;
  const limit = mb(WORKBOOK_LIMITS.maxBytes);
  if (size.reason === 'too_large') {
    throw new WorkbookFileError('too_large', {
      zh: `工作簿解压后超过 ${limit}（至少 ${mb(size.bytes)}），不像是统计表，未读取；如确是统计表，请删除多余的工作表和空行，另存为新的 .xlsx 后再试`,
      en: `the workbook unpacks to more than ${limit} (at least ${mb(size.bytes)}), which no stats workbook does; it was not read. If it is one, delete the extra sheets and empty rows and save it as a new .xlsx`,
    });
  }
  if (size.reason === 'too_many_entries') {
    throw new WorkbookFileError('too_large', {
      zh: `工作簿由 ${size.entries} 个部分组成（上限 ${WORKBOOK_LIMITS.maxEntries}），不像是统计表，未读取；${SAVE_AS_XLSX.zh}`,
      en: `the workbook has ${size.entries} parts (at most ${WORKBOOK_LIMITS.maxEntries}), which no stats workbook has; it was not read: ${SAVE_AS_XLSX.en}`,
    });
  }
  throw new WorkbookFileError('damaged', {
    zh: `工作簿已损坏（压缩结构无效），未读取；${SAVE_AS_XLSX.zh}`,
    en: `the workbook is damaged (${size.detail}) and was not read; ${SAVE_AS_XLSX.en}`,
  });
}

export async function loadWorkbook(bytes: Uint8Array | ArrayBuffer): Promise<ExcelJS.Workbook> {
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  sniff(data);
  checkSize(data);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer, { ignoreNodes: IGNORED_NODES } as unknown as Partial<ExcelJS.XlsxReadOptions>);
  } catch (error) {
    throw new WorkbookFileError('damaged', {
      zh: `工作簿已损坏或不是 .xlsx 格式（${(error as Error).message}）；${SAVE_AS_XLSX.zh}`,
      en: `the workbook is damaged or not .xlsx (${(error as Error).message}); ${SAVE_AS_XLSX.en}`,
    });
  }
  if (workbook.worksheets.length === 0) throw new WorkbookFileError('not_xlsx', { zh: `工作簿中没有工作表；${SAVE_AS_XLSX.zh}`, en: `the workbook has no sheets; ${SAVE_AS_XLSX.en}` });
  return workbook;
}

// ————— cells —————

/** A cell as the rules of cells.ts see it: a formula by its stored result, rich text as its text. */
export function rawOf(cell: ExcelJS.Cell): RawCell {
  return rawValue(cell.value, cell.numFmt);
}

function rawValue(value: ExcelJS.CellValue, numFmt: string | undefined): RawCell {
  if (value === null || value === undefined) return { kind: 'blank' };
  if (typeof value === 'number') return { kind: 'number', value, percentFormat: /%/.test(numFmt ?? '') };
  if (typeof value === 'string') return { kind: 'text', value };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? { kind: 'error', value: '#VALUE!' } : { kind: 'date', value };
  if ('richText' in value) return { kind: 'text', value: value.richText.map((r) => r.text).join('') };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = value.result;
    if (result === undefined || result === null) return { kind: 'error', value: '（公式没有保存的计算结果：请在 Excel 或 WPS 中打开并保存）' };
    if (typeof result === 'object' && 'error' in result) return { kind: 'error', value: result.error };
    return rawValue(result as ExcelJS.CellValue, numFmt);
  }
  if ('hyperlink' in value) return rawValue(value.text as ExcelJS.CellValue, numFmt);
  if ('error' in value) return { kind: 'error', value: (value as ExcelJS.CellErrorValue).error };
  return { kind: 'blank' };
}

const isBlank = (raw: RawCell) => raw.kind === 'blank' || (raw.kind === 'text' && raw.value.trim() === '');

/** Header and label text compared loosely: width, spaces, a required-field star. */
function norm(text: string): string {
  return text.normalize('NFKC').replace(/[\s*＊]+/g, '');
}

/** "金额（元）" → { base: "金额", unit: "元" }. */
function headerParts(text: string): { base: string; unit?: string } {
  const n = norm(text);
  const m = /^(.*?)\(([^()]*)\)$/.exec(n);
  return m ? { base: m[1]!, unit: m[2]! } : { base: n };
}

function textOf(cell: ExcelJS.Cell): string {
  const raw = rawOf(cell);
  return raw.kind === 'text' ? raw.value : raw.kind === 'number' ? String(raw.value) : '';
}

type Match<C> = { column: C } | { column: C; wrongUnit: string } | undefined;

/** Which of `columns` a header (or form label) cell names; a unit other than ours is a mismatch to refuse, not a column to read. */
function matchHeader<C extends Column>(text: string, columns: readonly C[]): Match<C> {
  const cell = headerParts(text);
  if (!cell.base) return undefined;
  for (const column of columns) {
    const ours = headerParts(column.header);
    if (cell.base !== ours.base) continue;
    if (cell.unit !== undefined && ours.unit !== undefined && cell.unit !== ours.unit) return { column, wrongUnit: cell.unit };
    return { column };
  }
  return undefined;
}

// ————— the reader —————

class Reader {
  readonly input: Record<string, unknown> = {};
  readonly issues: LocatedIssue[] = [];
  readonly notices: WorkbookNotice[] = [];
  readonly anchors: Anchors = new Map();
  private readonly date1904: boolean;

  constructor(private readonly workbook: ExcelJS.Workbook) {
    this.date1904 = Boolean((workbook.properties as { date1904?: boolean } | undefined)?.date1904);
  }

  read(): void {
    const byName = new Map(SHEETS.map((s) => [norm(s.name), s]));
    const seen = new Set<Sheet>();
    for (const ws of this.workbook.worksheets) {
      const key = norm(ws.name);
      if (key === norm(GUIDE_SHEET) || key === norm(OPTIONS_SHEET)) continue;
      const sheet = byName.get(key);
      if (!sheet) {
        if (ws.actualRowCount > 0) this.notice('sheet_ignored', { sheet: ws.name }, { zh: '不是本工作簿的工作表，未读取', en: 'is not one of the workbook’s sheets: not read' });
        continue;
      }
      if (seen.has(sheet)) {
        this.cellIssue('conflicting_fields', sheet.name, { sheet: ws.name }, '', { zh: `工作表「${sheet.name}」出现了两次，只读取第一个`, en: `the sheet ${sheet.name} appears twice` });
        continue;
      }
      seen.add(sheet);
      const anchors: SheetAnchors = { name: ws.name, columns: new Map(), rows: new Map() };
      this.anchors.set(sheet, anchors);
      if (sheet.layout === 'table') this.table(ws, sheet, anchors);
      else if (sheet.layout === 'form') this.form(ws, sheet, anchors);
      else if (sheet.layout === 'lists') this.lists(ws, sheet, anchors);
      else this.record(ws, sheet, anchors);
    }
  }

  private notice(code: WorkbookNotice['code'], place: CellPlace, message: Message): void {
    const at = describePlace(place);
    this.notices.push({ code, place, message: { zh: `${at.zh}：${message.zh}`, en: `${at.en}: ${message.en}` } });
  }

  /** A cell that could not be read, as an issue at its JSON path and its place. */
  private cellIssue(code: StatsIssueCode, where: string, place: CellPlace, received: string, message: Message, expected = ''): void {
    const path = where ? where.split('.').flatMap((seg) => seg.split(/\[(\d+)\]/).filter(Boolean).map((s) => (/^\d+$/.test(s) ? Number(s) : s))) : [];
    const formatted = path.length ? formatPath(path) : '(workbook)';
    const issue: StatsIssue = { code, path, where: formatted, expected, received, message: { zh: `${formatted}：${message.zh}`, en: `${formatted}: ${message.en}` } };
    this.issues.push(atPlace(issue, place));
  }

  /** Reads one cell into `target` at `field`; an unreadable cell becomes an issue and leaves the field out. */
  private cell(ws: ExcelJS.Worksheet, row: number, col: number, type: CellType, target: Record<string, unknown>, field: string, where: string, header: string): boolean {
    const raw = rawOf(ws.getCell(row, col));
    const result = readCell(raw, type, { date1904: this.date1904 });
    if ('blank' in result) return false;
    if ('error' in result) {
      const code: StatsIssueCode = type.kind === 'date' ? 'invalid_date' : raw.kind === 'error' ? 'invalid_value' : 'invalid_type';
      this.cellIssue(code, where, { sheet: ws.name, row, header, column: columnLetters(col), ref: `${columnLetters(col)}${row}` }, shown(raw), result.error, expectedOf(type));
      return true;
    }
    setPath(target, field, result.value);
    return true;
  }

  /** The row of headers among the first rows (a title may sit above it) and each column's number; unknown columns with data are noticed. */
  private headers<C extends Column>(ws: ExcelJS.Worksheet, columns: readonly C[]): { row: number; at: Map<C, number> } | undefined {
    let best: { row: number; at: Map<C, number>; wrong: [C, number, string][] } | undefined;
    const last = Math.min(ws.rowCount, 10);
    for (let r = 1; r <= last; r++) {
      const at = new Map<C, number>();
      const wrong: [C, number, string][] = [];
      const row = ws.getRow(r);
      for (let c = 1; c <= row.cellCount; c++) {
        const match = matchHeader(textOf(row.getCell(c)), columns);
        if (!match) continue;
        if ('wrongUnit' in match) wrong.push([match.column, c, match.wrongUnit]);
        else if (at.has(match.column)) {
          // The same header twice: which column holds the figures is a guess.
          const first = columnLetters(at.get(match.column)!);
          this.cellIssue('conflicting_fields', '', { sheet: ws.name, row: r, header: match.column.header, column: columnLetters(c), ref: `${columnLetters(c)}${r}` }, '', {
            zh: `表头「${match.column.header}」出现了两次（${first}${r} 和 ${columnLetters(c)}${r}），请删去一列`,
            en: `the header 「${match.column.header}」 appears twice (${first}${r} and ${columnLetters(c)}${r}): delete one of the columns`,
          });
        } else at.set(match.column, c);
      }
      if (at.size + wrong.length > 0 && (!best || at.size + wrong.length > best.at.size + best.wrong.length)) best = { row: r, at, wrong };
    }
    if (!best) {
      if (ws.actualRowCount > 0)
        this.notice('sheet_ignored', { sheet: ws.name }, { zh: '前10行中找不到表头，未读取；请保留第一行的表头', en: 'no header row in the first 10 rows: not read; keep the header row' });
      return undefined;
    }
    for (const [column, c, unit] of best.wrong) {
      const ours = headerParts(column.header).unit;
      this.cellIssue('invalid_value', '', { sheet: ws.name, row: best.row, header: column.header, column: columnLetters(c), ref: `${columnLetters(c)}${best.row}` }, unit, {
        zh: `表头的单位是“${unit}”，本栏应以“${ours}”填写；请把数字换算为${ours}并把表头改回「${column.header}」`,
        en: `the header's unit is "${unit}" but this column is in ${ours}: convert the figures to ${ours} and restore the header 「${column.header}」`,
      });
    }
    // Columns we do not know that hold something below the header.
    const known = new Set([...best.at.values(), ...best.wrong.map(([, c]) => c)]);
    const width = Math.max(ws.columnCount, ws.getRow(best.row).cellCount);
    for (let c = 1; c <= width; c++) {
      if (known.has(c)) continue;
      let hasData = false;
      for (let r = best.row + 1; r <= ws.rowCount && !hasData; r++) hasData = !isBlank(rawOf(ws.getCell(r, c)));
      if (!hasData) continue;
      const header = textOf(ws.getCell(best.row, c)).trim();
      const ref = `${columnLetters(c)}${best.row}`;
      this.notice('column_ignored', { sheet: ws.name, column: columnLetters(c), ref, ...(header ? { header } : {}) }, {
        zh: header ? `不认识的栏目，其中的内容未读取` : `${columnLetters(c)}列没有表头，其中的内容未读取`,
        en: header ? 'an unknown column: its content was not read' : `column ${columnLetters(c)} has no header: its content was not read`,
      });
    }
    return best;
  }

  private table(ws: ExcelJS.Worksheet, sheet: TableSheet, anchors: SheetAnchors): void {
    const found = this.headers(ws, sheet.columns);
    if (!found) return;
    for (const [column, c] of found.at) anchors.columns.set(column.field, c);
    const items: Record<string, unknown>[] = [];
    const byKey = new Map<string, number>();
    const keyColumns = sheet.columns.slice(0, 2).flatMap((column) => (found.at.has(column) ? [found.at.get(column)!] : []));
    for (let r = found.row + 1; r <= ws.rowCount; r++) {
      if ([...found.at.values()].every((c) => isBlank(rawOf(ws.getCell(r, c))))) continue; // a blank row in the middle
      const totalLabel = keyColumns.map((c) => norm(textOf(ws.getCell(r, c)))).find((t) => TOTAL_LABELS.has(t));
      if (totalLabel) {
        if (sheet.total && anchors.totalRow === undefined && totalLabel === sheet.total.label) {
          anchors.totalRow = r;
          for (const [field, path] of Object.entries(sheet.total.fields)) {
            const column = sheet.columns.find((x) => x.field === field)!;
            const c = found.at.get(column);
            if (c !== undefined) this.cell(ws, r, c, column.type, this.input, path, path, column.header);
          }
        } else {
          this.notice('total_row_ignored', { sheet: ws.name, row: r }, { zh: `是${totalLabel}行，未读取（合计由程序计算）`, en: `is a ${totalLabel} (total) row: not read, totals are computed` });
        }
        continue;
      }
      if (sheet.groupBy) {
        this.groupedRow(ws, r, sheet, found.at, items, byKey, anchors);
        continue;
      }
      const index = items.length;
      const item: Record<string, unknown> = {};
      for (const [column, c] of found.at) this.cell(ws, r, c, column.type, item, column.field, `${sheet.path}[${index}].${column.field}`, column.header);
      items.push(item);
      anchors.rows.set(String(index), r);
    }
    if (items.length) setPath(this.input, sheet.path, items);
  }

  /** One row of a grouped table: the item named in its key column (a new one if not seen), then one entry of each list it has cells for. */
  private groupedRow(ws: ExcelJS.Worksheet, r: number, sheet: TableSheet, at: Map<Column, number>, items: Record<string, unknown>[], byKey: Map<string, number>, anchors: SheetAnchors): void {
    const keyColumn = sheet.columns.find((c) => c.field === sheet.groupBy)!;
    const kc = at.get(keyColumn);
    const key = kc === undefined ? '' : norm(textOf(ws.getCell(r, kc)));
    // A row without a name is an item of its own, so the schema's "name required" points at it.
    let index = (key ? byKey.get(key) : undefined) ?? -1;
    if (index < 0) {
      index = items.length;
      items.push({});
      anchors.rows.set(String(index), r);
      if (key) byKey.set(key, index);
      if (kc !== undefined) this.cell(ws, r, kc, keyColumn.type, items[index]!, keyColumn.field, `${sheet.path}[${index}].${keyColumn.field}`, keyColumn.header);
    }
    const item = items[index]!;
    const byList = new Map<string, [Column, number, string][]>();
    for (const [column, c] of at) {
      const nested = listField(column.field);
      if (!nested || isBlank(rawOf(ws.getCell(r, c)))) continue;
      const [list, field] = nested;
      byList.set(list, [...(byList.get(list) ?? []), [column, c, field]]);
    }
    for (const [list, cells] of byList) {
      const entries = ((item[list] as unknown[] | undefined) ??= []);
      const j = entries.length;
      anchors.rows.set(`${index}.${list}.${j}`, r);
      if (cells.length === 1 && cells[0]![2] === '') {
        const [column, c] = cells[0]!;
        const holder: Record<string, unknown> = {};
        if (this.cell(ws, r, c, column.type, holder, 'value', `${sheet.path}[${index}].${list}[${j}]`, column.header) && 'value' in holder) entries.push(holder.value);
        continue;
      }
      const entry: Record<string, unknown> = {};
      for (const [column, c, field] of cells) this.cell(ws, r, c, column.type, entry, field, `${sheet.path}[${index}].${list}[${j}].${field}`, column.header);
      entries.push(entry);
    }
  }

  private form(ws: ExcelJS.Worksheet, sheet: FormSheet, anchors: SheetAnchors): void {
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      for (let c = 1; c <= row.cellCount; c++) {
        const label = row.getCell(c);
        const match = matchHeader(textOf(label), sheet.fields);
        if (!match) continue;
        const place = { sheet: ws.name, row: r, header: match.column.header, column: columnLetters(c), ref: `${columnLetters(c)}${r}` };
        if ('wrongUnit' in match) {
          const ours = headerParts(match.column.header).unit;
          this.cellIssue('invalid_value', match.column.field, place, match.wrongUnit, {
            zh: `项目的单位是“${match.wrongUnit}”，应以“${ours}”填写；请换算后把项目改回「${match.column.header}」`,
            en: `the label's unit is "${match.wrongUnit}" but the figure is in ${ours}: convert it and restore the label 「${match.column.header}」`,
          });
          break;
        }
        if (anchors.rows.has(match.column.field)) {
          this.cellIssue('conflicting_fields', match.column.field, place, '', {
            zh: `「${match.column.header}」出现了两次（第${anchors.rows.get(match.column.field)}行和第${r}行），请删去一行`,
            en: `「${match.column.header}」 appears twice (rows ${anchors.rows.get(match.column.field)} and ${r}): delete one`,
          });
          break;
        }
        // The value is in the next cell to the right that is not part of the label (a label may be merged across cells).
        let v = c + 1;
        while (v <= row.cellCount + 1 && row.getCell(v).isMerged && row.getCell(v).master.address === label.address) v++;
        anchors.rows.set(match.column.field, r);
        anchors.columns.set(match.column.field, v);
        this.cell(ws, r, v, match.column.type, this.input, match.column.field, match.column.field, match.column.header);
        break;
      }
    }
  }

  private lists(ws: ExcelJS.Worksheet, sheet: ListsSheet, anchors: SheetAnchors): void {
    const found = this.headers(ws, sheet.columns);
    if (!found) return;
    for (const [column, c] of found.at) {
      anchors.columns.set(column.field, c);
      const paragraphs: string[] = [];
      for (let r = found.row + 1; r <= ws.rowCount; r++) {
        const result = readCell(rawOf(ws.getCell(r, c)), column.type);
        if (!('value' in result)) continue;
        anchors.rows.set(column.many ? `${column.field}[${paragraphs.length}]` : column.field, anchors.rows.get(column.field) ?? r);
        paragraphs.push(result.value as string);
      }
      if (paragraphs.length) setPath(this.input, column.field, column.many ? paragraphs : paragraphs.join('\n'));
    }
  }

  private record(ws: ExcelJS.Worksheet, sheet: RecordSheet, anchors: SheetAnchors): void {
    const key = { ...sheet.key, field: '*key' };
    const value = { ...sheet.value, field: '*value' };
    const found = this.headers(ws, [key, value]);
    if (!found) return;
    const kc = found.at.get(key);
    const vc = found.at.get(value);
    if (kc === undefined || vc === undefined) return;
    anchors.columns.set('*key', kc);
    anchors.columns.set('*value', vc);
    const record: Record<string, unknown> = {};
    for (let r = found.row + 1; r <= ws.rowCount; r++) {
      const k = readCell(rawOf(ws.getCell(r, kc)), sheet.key.type);
      const v = readCell(rawOf(ws.getCell(r, vc)), sheet.value.type);
      if (!('value' in k) && !('value' in v)) continue;
      const name = 'value' in k ? String(k.value) : '';
      const place = { sheet: ws.name, row: r, header: sheet.key.header, column: columnLetters(kc), ref: `${columnLetters(kc)}${r}` };
      if (anchors.rows.has(name)) {
        this.cellIssue('conflicting_fields', `${sheet.path}.${name}`, place, '', { zh: `“${name}”出现了两次（第${anchors.rows.get(name)}行和第${r}行）`, en: `"${name}" appears twice (rows ${anchors.rows.get(name)} and ${r})` });
        continue;
      }
      anchors.rows.set(name, r);
      record[name] = 'value' in v ? v.value : undefined;
    }
    if (Object.keys(record).length) this.input[sheet.path] = record;
  }
}

const TOTAL_LABELS = new Set(['合计', '总计', '小计', '共计']);

function expectedOf(type: CellType): string {
  switch (type.kind) {
    case 'number':
      return `${type.integer ? 'a whole number' : 'a number'}${type.unit ? ` of ${type.unit}` : ''}${type.rough ? ', or an estimate such as 8000余' : ''}`;
    case 'date':
      return 'a date such as 2025-12-26';
    case 'boolean':
      return '是 or 否';
    default:
      return 'a value';
  }
}

/** Sets `value` at the dotted `path` of `target`, making the objects on the way. */
export function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[keys.at(-1)!] = value;
}

/** The value at the dotted `path` of `source`. */
export function getPath(source: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), source);
}

export async function readWorkbook(bytes: Uint8Array | ArrayBuffer): Promise<ReadResult> {
  const reader = new Reader(await loadWorkbook(bytes));
  reader.read();
  return { input: reader.input, issues: reader.issues, notices: reader.notices, anchors: reader.anchors };
}
