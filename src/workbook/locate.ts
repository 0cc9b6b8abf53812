/**
 * From a JSON path of the stats (`aid[3].amount`, as issues and warnings
 * give it) to the place a clerk sees: sheet, row, column header and cell
 * reference — `资助发放 第7行「金额（元）」(E7)`.
 */
import type { Message } from './cells.js';
import { SHEETS, type Sheet } from './sheets.js';

export interface CellPlace {
  /** The sheet's name as it is in the file. */
  sheet: string;
  /** 1-based row, when the path leads to one. */
  row?: number;
  /** The column's header as the clerk sees it: 金额（元）. */
  header?: string;
  /** Column letters: "E". */
  column?: string;
  /** The cell reference: "E7". */
  ref?: string;
}

type Path = readonly (string | number)[];

/** Where each sheet's parts were found when it was read; what the writer lays out for a fresh workbook. */
export interface SheetAnchors {
  /** The sheet's name in the file (a clerk's "资助发放 " is 资助发放 to us). */
  name: string;
  /** Column number by field (tables, lists, record), 1-based. */
  columns: Map<string, number>;
  /** Each item's row (tables), or each field's row by absolute path (forms), or each paragraph's row by path (lists), or each key's row (record). */
  rows: Map<string, number>;
  /** A table's 合计 row. */
  totalRow?: number;
}

export type Anchors = Map<Sheet, SheetAnchors>;

/** "E" for 5. */
export function columnLetters(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** `aid[3].byStage["初级中学"]` → ["aid", 3, "byStage", "初级中学"]. */
export function parseWhere(where: string): (string | number)[] {
  const out: (string | number)[] = [];
  const token = /([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;
  let i = 0;
  while (i < where.length) {
    if (where[i] === '.') i++;
    token.lastIndex = i;
    const m = token.exec(where);
    if (!m) break;
    out.push(m[1] ?? (m[2] !== undefined ? Number(m[2]) : (JSON.parse(m[3]!) as string)));
    i = token.lastIndex;
  }
  return out;
}

const split = (path: string) => path.split('.');
const startsWith = (path: Path, prefix: readonly string[]) => prefix.every((seg, i) => path[i] === seg);

/**
 * The place of `path` in the workbook, as precise as the path and the file
 * allow: a cell, a row, a field whose row was not found, or a sheet.
 */
export function locatePath(path: Path, anchors: Anchors): CellPlace | undefined {
  for (const sheet of SHEETS) {
    const place = inSheet(sheet, path, anchors.get(sheet));
    if (place) return place;
  }
  return undefined;
}

function cell(name: string, row: number | undefined, column: number | undefined, header: string | undefined): CellPlace {
  const place: CellPlace = { sheet: name };
  if (row !== undefined) place.row = row;
  if (header !== undefined) place.header = header;
  if (column !== undefined) {
    place.column = columnLetters(column);
    if (row !== undefined) place.ref = `${place.column}${row}`;
  }
  return place;
}

function inSheet(sheet: Sheet, path: Path, found: SheetAnchors | undefined): CellPlace | undefined {
  const name = found?.name ?? sheet.name;
  switch (sheet.layout) {
    case 'form': {
      const dotted = path.join('.');
      const field = sheet.fields.find((f) => f.field === dotted || (path.length > split(f.field).length && startsWith(path, split(f.field))));
      if (field) return cell(name, found?.rows.get(field.field), found?.columns.get(field.field), field.header);
      // The object the fields belong to (`pairing` needs one of …): the sheet.
      if (path.length > 0 && sheet.fields.some((f) => startsWith(split(f.field), path.map(String)))) return { sheet: name };
      return undefined;
    }
    case 'table': {
      const base = split(sheet.path);
      for (const [field, totalPath] of Object.entries(sheet.total?.fields ?? {})) {
        if (path.join('.') === totalPath) {
          const column = sheet.columns.find((c) => c.field === field)!;
          return cell(name, found?.totalRow, found?.totalRow !== undefined ? found.columns.get(field) : undefined, column.header);
        }
      }
      if (!startsWith(path, base)) {
        // `enrolment` (stages and totals): the sheet.
        return path.length > 0 && startsWith(base, path.map(String)) ? { sheet: name } : undefined;
      }
      const index = path[base.length];
      if (typeof index !== 'number') return { sheet: name };
      let row = found?.rows.get(String(index));
      let rest = path.slice(base.length + 1).map(String);
      if (rest.length === 0) return cell(name, row, undefined, undefined);
      // A grouped table's list entry (`schools[2].aid[1].amount`): the row it was read from, the column `aid[].amount`.
      const entry = path[base.length + 2];
      if (sheet.groupBy && typeof entry === 'number') {
        row = found?.rows.get(`${index}.${rest[0]}.${entry}`) ?? row;
        rest = [`${rest[0]}[]`, ...rest.slice(2)];
        if (rest.length === 1) {
          const column = sheet.columns.find((c) => c.field === rest[0]);
          return cell(name, row, column && found?.columns.get(column.field), column?.header);
        }
      }
      const dotted = rest.join('.');
      // The field itself (`amount`, `byStage.primary`), else the first column of the object it is in (`backPay`).
      const column = sheet.columns.find((c) => c.field === dotted) ?? sheet.columns.find((c) => c.field.startsWith(`${dotted}.`) || dotted.startsWith(`${c.field}.`));
      if (!column) return cell(name, row, undefined, undefined);
      return cell(name, row, found?.columns.get(column.field), column.header);
    }
    case 'lists': {
      const column = sheet.columns.find((c) => path[0] === c.field);
      if (!column) return undefined;
      const key = column.many && typeof path[1] === 'number' ? `${column.field}[${path[1]}]` : column.field;
      const row = found?.rows.get(key);
      return cell(name, row, found?.columns.get(column.field), column.header);
    }
    case 'record': {
      if (path[0] !== sheet.path) return undefined;
      if (path.length === 1) return { sheet: name };
      const row = found?.rows.get(String(path[1]));
      return cell(name, row, found?.columns.get(row !== undefined ? '*value' : '*key'), row !== undefined ? sheet.value.header : sheet.key.header);
    }
  }
}

/** How a place reads in a message: `资助发放 第7行「金额（元）」(E7)` / `资助发放 row 7 「金额（元）」 (E7)`. */
export function describePlace(place: CellPlace): Message {
  const row = place.row !== undefined ? { zh: ` 第${place.row}行`, en: ` row ${place.row}` } : { zh: '', en: '' };
  const header = place.header ? { zh: `「${place.header}」`, en: ` 「${place.header}」` } : { zh: '', en: '' };
  const ref = place.ref ? { zh: `(${place.ref})`, en: ` (${place.ref})` } : { zh: '', en: '' };
  return { zh: `${place.sheet}${row.zh}${header.zh}${ref.zh}`, en: `${place.sheet}${row.en}${header.en}${ref.en}` };
}

/**
 * An issue or a warning whose message starts with its JSON path
 * (`aid[3].amount：…`) told again at its place in the workbook
 * (`资助发放 第7行「金额（元）」(E7)：…`); `where` stays the JSON path.
 */
export function atPlace<T extends { where: string; message: Message }>(item: T, place: CellPlace | undefined): T & { place?: CellPlace } {
  if (!place) return item;
  const at = describePlace(place);
  const body = (text: string, sep: string) => (text.startsWith(`${item.where}${sep}`) ? text.slice(item.where.length + sep.length) : text);
  return { ...item, place, message: { zh: `${at.zh}：${body(item.message.zh, '：')}`, en: `${at.en}: ${body(item.message.en, ': ')}` } };
}
