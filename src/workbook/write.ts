/**
 * Stats input → a workbook to fill in: a 说明 sheet, one sheet per section
 * with Chinese headers and units, drop-down lists of the Chinese labels,
 * number formats, frozen header rows and columns wide enough for what they
 * hold. Laid out from sheets.ts, the same table the reader reads by.
 */
import ExcelJS from 'exceljs';
import type { YearlyStatsInput } from '../schema/stats.js';
import { writeCell, type CellType } from './cells.js';
import { getPath } from './read.js';
import { GUIDE_SHEET, KIND_SHEETS, OPTIONS_SHEET, SHEETS, listField, type Column, type Sheet, type TableSheet } from './sheets.js';
import { columnLetters } from './locate.js';

export interface WriteWorkbookOptions {
  /** Which sheets the workbook starts with (others are added when the stats have data for them). Default: from `organisation.kind`. */
  kind?: 'school' | 'bureau';
}

/** A value the workbook cannot hold as it is: said before anything is written. */
export class WorkbookWriteError extends Error {
  override readonly name = 'WorkbookWriteError';
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const THIN: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
const FONT = '宋体';
/** Drop-down lists and number formats reach this many rows below the header (more when there are more items). */
const FILL_ROWS = 500;

/** Width units (the default font's "0") a text takes: a CJK or full-width character about 2.2 of them. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3ffff}]/u.test(ch) ? 2.2 : 1.1;
  return Math.ceil(w);
}

/**
 * A row tall enough for the wrapped text in it: neither Excel nor Calc grows
 * a row to its text when it opens a file, so a long cell would show one line
 * and hide the rest. 15 pt a line at 11 pt; Excel's most is 409 pt.
 */
function fitHeight(row: ExcelJS.Row, ws: ExcelJS.Worksheet): void {
  let lines = 1;
  row.eachCell((cell, c) => {
    if (typeof cell.value !== 'string' || !ws.getColumn(c).alignment?.wrapText) return;
    const perLine = Math.max(1, (ws.getColumn(c).width ?? 10) - 1);
    lines = Math.max(lines, cell.value.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(width(line) / perLine)), 0));
  });
  if (lines === 1) return;
  row.height = Math.min(15 * lines, 409);
  // The row's other cells at its top, beside the text's first line.
  row.eachCell((cell) => (cell.alignment = { ...cell.alignment, vertical: 'top' }));
}

/** The number format a column of `type` shows its figures in. */
function numberFormat(type: CellType): string | undefined {
  if (type.kind === 'date') return 'yyyy-mm-dd';
  if (type.kind === 'text' || type.kind === 'list') return '@';
  if (type.kind !== 'number') return undefined;
  if (type.year) return '0';
  if (type.money) return '#,##0.00';
  if (type.integer) return '#,##0';
  if (type.percent) return '0.00';
  return 'General';
}

/** Characters an XML file cannot carry: refused by name, never dropped. */
const NOT_IN_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

/**
 * A fill-in workbook, with `input`'s figures in it when given. `writeWorkbook()`
 * alone is an empty workbook of the kind's sheets.
 *
 * @throws {WorkbookWriteError} for text a workbook cannot hold (control characters, a list item with a line break)
 */
export async function writeWorkbook(input?: YearlyStatsInput, options: WriteWorkbookOptions = {}): Promise<Uint8Array> {
  const kind = options.kind ?? (input?.organisation?.kind === 'bureau' ? 'bureau' : 'school');
  const data = (input ?? {}) as Record<string, unknown>;
  check(data, '');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'zongjie';
  const sheets = SHEETS.filter((sheet) => KIND_SHEETS[kind].includes(sheet.name) || hasData(sheet, data));
  const guide = workbook.addWorksheet(GUIDE_SHEET, {
    properties: { tabColor: { argb: 'FF4472C4' } },
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const options$ = new OptionLists(workbook);
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name, {
      views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }],
      // Printed as a clerk would hand it in: A4, as wide as the page, the header row on every page.
      // A wide sheet (资助发放) goes across two pages: on one its figures would be too small to read.
      pageSetup: {
        paperSize: 9,
        orientation: sheet.layout === 'table' ? 'landscape' : 'portrait',
        fitToPage: true,
        fitToWidth: sheet.layout === 'table' && sheet.columns.length > 14 ? 2 : 1,
        fitToHeight: 0,
        printTitlesRow: '1:1',
        showGridLines: true,
      },
    });
    if (sheet.layout === 'table') writeTable(ws, sheet, data, options$);
    else if (sheet.layout === 'form') writeForm(ws, sheet, data, options$);
    else if (sheet.layout === 'lists') writeLists(ws, sheet, data);
    else writeRecord(ws, sheet, data, options$);
  }
  writeGuide(guide, sheets, kind);
  options$.finish();
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/** Whether the stats have anything for `sheet`. */
function hasData(sheet: Sheet, data: Record<string, unknown>): boolean {
  const given = (v: unknown) => v !== undefined && !(Array.isArray(v) && v.length === 0) && !(v && typeof v === 'object' && Object.keys(v).length === 0);
  switch (sheet.layout) {
    case 'table':
      return given(getPath(data, sheet.path)) || Object.values(sheet.total?.fields ?? {}).some((p) => given(getPath(data, p)));
    case 'form':
      return sheet.fields.some((f) => given(getPath(data, f.field)));
    case 'lists':
      return sheet.columns.some((c) => given(getPath(data, c.field)));
    case 'record':
      return given(data[sheet.path]);
  }
}

function check(value: unknown, where: string): void {
  if (typeof value === 'string' && NOT_IN_XML.test(value)) {
    throw new WorkbookWriteError(`${where}：含有工作簿无法保存的控制字符 / ${where}: holds a control character a workbook cannot store`);
  }
  if (Array.isArray(value)) value.forEach((v, i) => check(v, `${where}[${i}]`));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) check(v, where ? `${where}.${k}` : k);
}

/** The hidden 选项 sheet: one column per vocabulary, which the drop-down lists refer to. */
class OptionLists {
  private readonly ws: ExcelJS.Worksheet;
  private readonly columns = new Map<string, string>();

  constructor(workbook: ExcelJS.Workbook) {
    this.ws = workbook.addWorksheet(OPTIONS_SHEET, { state: 'hidden' });
  }

  /** The range of the list of `labels` (and `extra`), made once per list. */
  range(labels: readonly string[]): string {
    const key = labels.join('\u0000');
    let range = this.columns.get(key);
    if (!range) {
      const c = this.columns.size + 1;
      labels.forEach((label, i) => (this.ws.getCell(i + 1, c).value = label));
      const letter = columnLetters(c);
      range = `'${OPTIONS_SHEET}'!$${letter}$1:$${letter}$${labels.length}`;
      this.columns.set(key, range);
    }
    return range;
  }

  finish(): void {
    this.ws.columns.forEach((column) => (column.width = 24));
  }
}

/** A drop-down list on `ref` (a cell or a range) for an enumerated or yes/no column. */
function validate(sheet: ExcelJS.Worksheet, ref: string, type: CellType, lists: OptionLists, extra: string[] = []): void {
  // Ranges are in exceljs's model (lib/doc/data-validations.js) but not in its typings.
  const ws = sheet as ExcelJS.Worksheet & { dataValidations: { add(ref: string, validation: ExcelJS.DataValidation): void } };
  if (type.kind === 'enum') {
    ws.dataValidations.add(ref, {
      type: 'list',
      allowBlank: true,
      formulae: [lists.range([...Object.values(type.labels), ...extra])],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: '请从列表中选择',
      error: `请从下拉列表中选择：${[...Object.values(type.labels), ...extra].join('、')}`,
    });
  } else if (type.kind === 'boolean') {
    ws.dataValidations.add(ref, { type: 'list', allowBlank: true, formulae: ['"是,否"'], showErrorMessage: true, errorStyle: 'stop', errorTitle: '请选择', error: '请选择“是”或“否”' });
  }
}

function styleHeader(row: ExcelJS.Row, count: number): void {
  row.height = 33;
  for (let c = 1; c <= count; c++) {
    const cell = row.getCell(c);
    cell.font = { name: FONT, bold: true, size: 11 };
    cell.fill = HEADER_FILL;
    cell.border = THIN;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  }
}

/** A column's width: its header (wrapped onto two lines when long) or its widest value, within bounds. */
function fitWidth(header: string, values: readonly unknown[], type: CellType): number {
  if (type.kind === 'text' && type.long) return 60;
  const widest = values.reduce<number>((w, v) => Math.max(w, ...String(v ?? '').split('\n').map((line) => width(line) + (typeof v === 'number' ? 3 : 0))), 0);
  const head = width(header);
  const headWrapped = head > 16 ? Math.max(...headerLines(header).map(width)) + 1 : head;
  return Math.min(Math.max(headWrapped, widest, 6) + 2, type.kind === 'list' ? 40 : 30);
}

/** A long header on two lines, broken before its unit (受助人次 / （人次）) rather than wherever the column ends; in half when it has none. */
function headerLines(header: string): string[] {
  const at = header.lastIndexOf('（');
  if (at > 0) return [header.slice(0, at), header.slice(at)];
  const chars = [...header];
  const half = Math.ceil(chars.length / 2);
  return [chars.slice(0, half).join(''), chars.slice(half).join('')];
}

function writeTable(ws: ExcelJS.Worksheet, sheet: Extract<Sheet, { layout: 'table' }>, data: Record<string, unknown>, lists: OptionLists): void {
  const items = (getPath(data, sheet.path) as Record<string, unknown>[] | undefined) ?? [];
  const rows: unknown[][] = items.flatMap((item) => rowsOf(sheet, item).map((row) => sheet.columns.map((column, i) => writeCell(row[i], column.type))));
  const totals = Object.entries(sheet.total?.fields ?? {}).filter(([, path]) => getPath(data, path) !== undefined);
  if (sheet.total && totals.length) {
    rows.push(sheet.columns.map((column, i) => (i === 0 ? sheet.total!.label : totals.some(([f]) => f === column.field) ? writeCell(getPath(data, sheet.total!.fields[column.field]!), column.type) : null)));
  }
  const last = rows.length + 1 + FILL_ROWS;
  // Column styles first: the cells written next, and those a clerk types later, take them.
  sheet.columns.forEach((column, i) => {
    const col = ws.getColumn(i + 1);
    col.width = fitWidth(column.header, rows.map((r) => r[i]), column.type);
    col.font = { name: FONT, size: 11 };
    const format = numberFormat(column.type);
    if (format) col.numFmt = format;
    if (column.type.kind === 'text' && column.type.long) col.alignment = { wrapText: true, vertical: 'top' };
    const letter = columnLetters(i + 1);
    validate(ws, `${letter}2:${letter}${last}`, column.type, lists, i === 0 && sheet.total ? [sheet.total.label] : []);
  });
  rows.forEach((values, r) => {
    const row = ws.getRow(r + 2);
    values.forEach((value, c) => {
      if (value !== null && value !== undefined) row.getCell(c + 1).value = value as ExcelJS.CellValue;
    });
    fitHeight(row, ws);
  });
  const header = ws.getRow(1);
  // The reader matches headers with line breaks and spaces taken out, so a broken one still reads.
  sheet.columns.forEach((column, i) => (header.getCell(i + 1).value = width(column.header) > 16 ? headerLines(column.header).join('\n') : column.header));
  styleHeader(header, sheet.columns.length);
}

/** An item's values in the table's columns: one row, or, grouped, as many as its longest list (the key on each). */
function rowsOf(sheet: TableSheet, item: Record<string, unknown>): unknown[][] {
  if (!sheet.groupBy) return [sheet.columns.map((column) => getPath(item, column.field))];
  const nested = sheet.columns.map((column) => listField(column.field));
  const lengths = nested.map((m) => (m ? ((item[m[0]] as unknown[] | undefined) ?? []).length : 0));
  return Array.from({ length: Math.max(1, ...lengths) }, (_, k) =>
    sheet.columns.map((column, i) => {
      const m = nested[i];
      if (!m) return getPath(item, column.field);
      const entry = ((item[m[0]] as unknown[] | undefined) ?? [])[k];
      return m[1] ? getPath(entry, m[1]) : entry;
    }),
  );
}

function writeForm(ws: ExcelJS.Worksheet, sheet: Extract<Sheet, { layout: 'form' }>, data: Record<string, unknown>, lists: OptionLists): void {
  const header = ws.getRow(1);
  ['项目', '填写', '填写说明'].forEach((h, i) => (header.getCell(i + 1).value = h));
  styleHeader(header, 3);
  let valueWidth = 24;
  sheet.fields.forEach((field, i) => {
    const r = i + 2;
    const row = ws.getRow(r);
    row.getCell(1).value = field.header;
    row.getCell(1).font = { name: FONT, bold: true };
    const value = writeCell(getPath(data, field.field), field.type);
    const cell = row.getCell(2);
    if (value !== null) cell.value = value;
    const format = numberFormat(field.type);
    if (format) cell.numFmt = format;
    cell.border = THIN;
    cell.alignment = { wrapText: true, vertical: 'top' };
    if (field.hint) {
      row.getCell(3).value = field.hint;
      row.getCell(3).font = { name: FONT, color: { argb: 'FF7F7F7F' } };
    }
    valueWidth = Math.max(valueWidth, ...String(value ?? '').split('\n').map((line) => Math.min(width(line) + 2, 60)));
    validate(ws, `B${r}`, field.type, lists);
  });
  ws.getColumn(1).width = Math.max(...sheet.fields.map((f) => width(f.header))) + 2;
  ws.getColumn(2).width = valueWidth;
  ws.getColumn(3).width = Math.min(Math.max(10, ...sheet.fields.map((f) => width(f.hint ?? ''))) + 2, 70);
}

function writeLists(ws: ExcelJS.Worksheet, sheet: Extract<Sheet, { layout: 'lists' }>, data: Record<string, unknown>): void {
  sheet.columns.forEach((column, i) => {
    const col = ws.getColumn(i + 1);
    col.width = 50;
    col.numFmt = '@';
    col.alignment = { wrapText: true, vertical: 'top' };
    const value = getPath(data, column.field);
    const paragraphs = value === undefined ? [] : column.many ? (value as string[]) : [value as string];
    paragraphs.forEach((p, r) => (ws.getCell(r + 2, i + 1).value = p));
  });
  for (let r = 2; r <= ws.rowCount; r++) fitHeight(ws.getRow(r), ws);
  const header = ws.getRow(1);
  sheet.columns.forEach((column, i) => (header.getCell(i + 1).value = column.header));
  styleHeader(header, sheet.columns.length);
}

function writeRecord(ws: ExcelJS.Worksheet, sheet: Extract<Sheet, { layout: 'record' }>, data: Record<string, unknown>, lists: OptionLists): void {
  const header = ws.getRow(1);
  header.getCell(1).value = sheet.key.header;
  header.getCell(2).value = sheet.value.header;
  styleHeader(header, 2);
  const entries = Object.entries((data[sheet.path] as Record<string, string> | undefined) ?? {});
  entries.forEach(([key, value], i) => {
    ws.getCell(i + 2, 1).value = writeCell(key, sheet.key.type);
    ws.getCell(i + 2, 2).value = value;
  });
  ws.getColumn(1).width = 22;
  ws.getColumn(2).width = 40;
  validate(ws, `A2:A${Math.max(entries.length + 1 + 30, 40)}`, sheet.key.type, lists);
}

/** The 说明 sheet: how to fill in, then every sheet's columns with what goes in them, then an example. */
function writeGuide(ws: ExcelJS.Worksheet, sheets: readonly Sheet[], kind: 'school' | 'bureau'): void {
  ws.getColumn(1).width = 14;
  ws.getColumn(2).width = 34;
  ws.getColumn(3).width = 80;
  ws.getColumn(3).alignment = { wrapText: true, vertical: 'top' };
  let r = 1;
  const line = (text: string, style: Partial<ExcelJS.Font> = {}) => {
    ws.mergeCells(r, 1, r, 3);
    const cell = ws.getCell(r, 1);
    cell.value = text;
    cell.font = { name: FONT, size: 11, ...style };
    cell.alignment = { wrapText: true, vertical: 'top' };
    ws.getRow(r).height = Math.max(18, Math.ceil(width(text) / 125) * 16);
    r++;
  };
  line(`统计数据填报工作簿（${kind === 'bureau' ? '教育局' : '学校'}）`, { size: 16, bold: true });
  line('用本工作簿填报一年的教育帮扶（学生资助）数据，再由 zongjie 生成工作总结。');
  r++;
  line('填写方法', { bold: true, size: 12 });
  for (const text of [
    '1. 每个工作表是总结的一个部分。第一行是表头，请不要改动表头的文字；可以调整列的顺序、在中间插入空行、在表头上方加标题行。',
    '2. 带下拉箭头的格子请从列表中选择（如学段、资助项目、学期）。',
    '3. 数字格只填数字，单位已在表头中：“金额（元）”填 4500（写成 4500元、4,500.00 也可以）；“万元”的数请换算为元，或写成 41.8万。',
    '4. 只有约数时写作 8000余、930多万、近3000、约1000，只能填在说明中注明“可填约数”的栏目。',
    '5. 日期写作 2025-12-26、2025/12/26 或 2025年12月26日。多项内容用顿号“、”分隔，或在一格内每行一项。',
    '6. 没有的数据空着即可；不需要的工作表可以删除；自己加的工作表和栏目不会被读取（检查时会提示）。',
    '7. 填好后检查：zongjie validate 文件名.xlsx（有问题会指出工作表、行、栏目和单元格，如“资助发放 第7行「金额（元）」(G7)”）；生成总结：zongjie draft 文件名.xlsx。',
    '8. 请保存为 .xlsx 格式（WPS、Excel、LibreOffice 均可）。',
  ])
    line(text);
  r++;
  line('各工作表与栏目', { bold: true, size: 12 });
  const head = ws.getRow(r);
  ['工作表', '栏目', '填写说明'].forEach((h, i) => (head.getCell(i + 1).value = h));
  styleHeader(head, 3);
  head.height = 20;
  r++;
  for (const sheet of sheets) {
    const columns: Column[] =
      sheet.layout === 'table' ? sheet.columns : sheet.layout === 'form' ? sheet.fields : sheet.layout === 'lists' ? sheet.columns : [sheet.key, sheet.value];
    const first = r;
    ws.getCell(r, 2).value = `（${sheet.about}）`;
    ws.getCell(r, 2).font = { name: FONT, italic: true, color: { argb: 'FF595959' } };
    ws.mergeCells(r, 2, r, 3);
    r++;
    for (const column of columns) {
      ws.getCell(r, 2).value = column.header;
      ws.getCell(r, 3).value = [hintOf(column.type), column.hint].filter(Boolean).join('；');
      r++;
    }
    ws.mergeCells(first, 1, r - 1, 1);
    const name = ws.getCell(first, 1);
    name.value = sheet.name;
    name.font = { name: FONT, bold: true };
    name.alignment = { vertical: 'top' };
    for (let x = first; x < r; x++) for (let c = 1; c <= 3; c++) ws.getCell(x, c).border = THIN;
  }
}

function hintOf(type: CellType): string {
  switch (type.kind) {
    case 'enum':
      return `从列表选择：${Object.values(type.labels).join('、')}`;
    case 'boolean':
      return '是或否';
    case 'date':
      return '日期';
    case 'list':
      return '多项用顿号“、”分隔';
    case 'number':
      return `${type.integer && !type.year ? '整数' : type.year ? '年份' : '数字'}${type.unit && !type.year ? `，单位：${type.unit}` : ''}${type.rough ? '；可填约数' : ''}`;
    default:
      return type.long ? '文字，可分段' : '文字';
  }
}
