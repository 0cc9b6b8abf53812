/**
 * What a cell of the workbook holds, as a value of the stats — and back.
 *
 * Offices fill cells every which way: numbers stored as text, `1,234.50`,
 * `4500元`, full-width digits, trailing spaces, dates as serial numbers or
 * `2025年12月26日`. Whatever reads one way only is read; anything that could
 * be read two ways, or not as the column's kind at all, is refused with a
 * reason — a number is never guessed. Pure functions: no spreadsheet library
 * here, so the rules are tested on their own.
 */
import type { Approx } from '../schema/enums.js';

/** How a column's cells are read and written. */
export type CellType =
  | { kind: 'text'; long?: boolean }
  | { kind: 'number'; unit: string; integer?: boolean; rough?: boolean; percent?: boolean; year?: boolean; money?: boolean }
  | { kind: 'enum'; labels: Readonly<Record<string, string>> }
  | { kind: 'date' }
  | { kind: 'boolean' }
  | { kind: 'list' };

/** A cell's content as the reader sees it, whatever library read the file. */
export type RawCell =
  | { kind: 'blank' }
  | { kind: 'number'; value: number; percentFormat?: boolean }
  | { kind: 'text'; value: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'date'; value: Date }
  /** A formula's error (#DIV/0!), or a formula with no stored result. */
  | { kind: 'error'; value: string };

export type Message = { zh: string; en: string };
export type CellResult = { blank: true } | { value: unknown } | { error: Message };

const BLANK = { blank: true } as const;

/** Text as typed, without the spaces around it (full-width and no-break too) and with Windows line ends made plain. */
export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/^[\s\u3000\u00a0\ufeff]+|[\s\u3000\u00a0\ufeff]+$/g, '');
}

/** Full-width digits and signs made ASCII (NFKC), spaces removed: how a number is read whatever keyboard typed it. */
function compact(text: string): string {
  return text.normalize('NFKC').replace(/[\s\u00a0\ufeff]+/g, '');
}

/** "—", "-", "/" alone: offices' way of saying "nothing here", read as a blank cell. */
const DASHES = /^[-—–―－/／\\]+$/;

/** The values {@link readCell} gives for each kind. */
export function readCell(raw: RawCell, type: CellType, options: { date1904?: boolean } = {}): CellResult {
  if (raw.kind === 'blank') return BLANK;
  if (raw.kind === 'error') return { error: { zh: `单元格是错误值 ${raw.value}，请改正公式或填写数值`, en: `the cell holds the error ${raw.value}: fix the formula or type the value` } };
  if (raw.kind === 'text' && cleanText(raw.value) === '') return BLANK;
  switch (type.kind) {
    case 'text':
      return { value: asText(raw) };
    case 'list':
      return readList(raw);
    case 'enum':
      return readEnum(raw, type.labels);
    case 'boolean':
      return readBoolean(raw);
    case 'date':
      return readDate(raw, options.date1904 ?? false);
    case 'number':
      return readNumber(raw, type);
  }
}

function asText(raw: Exclude<RawCell, { kind: 'blank' | 'error' }>): string {
  switch (raw.kind) {
    case 'text':
      return cleanText(raw.value);
    case 'number':
      return String(raw.value);
    case 'boolean':
      return raw.value ? '是' : '否';
    case 'date':
      return isoOf(raw.value);
  }
}

/**
 * A list written in one cell: items one per line, or joined by 、 on one
 * line. A line break decides: where there is one, only line breaks separate
 * (so an item may hold a 、).
 */
function readList(raw: Exclude<RawCell, { kind: 'blank' | 'error' }>): CellResult {
  const text = raw.kind === 'text' ? raw.value.replace(/\r\n?/g, '\n') : asText(raw);
  const items = (text.includes('\n') ? text.split('\n') : text.split('、')).map(cleanText).filter((item) => item !== '');
  return items.length ? { value: items } : BLANK;
}

/** A label or a code; anything else is passed on as typed, for the schema to answer with the labels and a did-you-mean. */
function readEnum(raw: Exclude<RawCell, { kind: 'blank' | 'error' }>, labels: Readonly<Record<string, string>>): CellResult {
  const typed = asText(raw);
  const key = typed.normalize('NFKC').replace(/\s+/g, '');
  for (const [code, label] of Object.entries(labels)) {
    if (key === label.normalize('NFKC') || key.toLowerCase() === code.toLowerCase()) return { value: code };
  }
  return { value: typed };
}

const YES = new Set(['是', 'true', 'yes', 'y', '√']);
const NO = new Set(['否', 'false', 'no', 'n', '×']);

function readBoolean(raw: Exclude<RawCell, { kind: 'blank' | 'error' }>): CellResult {
  if (raw.kind === 'boolean') return { value: raw.value };
  const key = compact(asText(raw)).toLowerCase();
  if (YES.has(key)) return { value: true };
  if (NO.has(key)) return { value: false };
  return { error: { zh: `应填“是”或“否”，实为 ${shown(raw)}`, en: `expected 是 (yes) or 否 (no), received ${shown(raw)}` } };
}

/** Excel's day 0 (1899-12-30 in the 1900 system, which counts a 29 February 1900 that never was). */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);
const DAY_MS = 86_400_000;

/** A serial day number → yyyy-mm-dd, for days from 2000 to 2100 (a report's dates); undefined for others. */
export function serialToIso(serial: number, date1904 = false): string | undefined {
  if (!Number.isFinite(serial)) return undefined;
  const ms = (date1904 ? EPOCH_1904 : EPOCH_1900) + Math.floor(serial) * DAY_MS;
  const iso = new Date(ms).toISOString().slice(0, 10);
  return iso >= '2000-01-01' && iso <= '2100-12-31' ? iso : undefined;
}

/** yyyy-mm-dd → the serial day number Excel stores (1900 system). */
export function isoToSerial(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return (Date.UTC(y, m - 1, d) - EPOCH_1900) / DAY_MS;
}

const isoOf = (date: Date) => date.toISOString().slice(0, 10);
const pad = (n: string) => n.padStart(2, '0');

const DATE_FORMS = [
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/, // 2025-12-26, 2025/12/26, 2025.12.26
  /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/, // 2025年12月26日
  /^(\d{4})(\d{2})(\d{2})$/, // 20251226
];

const DATE_HINT: Message = { zh: '日期应写作 2025-12-26、2025/12/26 或 2025年12月26日', en: 'write a date as 2025-12-26, 2025/12/26 or 2025年12月26日' };

/**
 * A date: a date cell, an Excel serial number, or text in year-month-day
 * order. 12/26/2025 and 26/12/2025 are refused: which is the month is a guess.
 * An impossible day (2025-02-30) is passed on for the schema to name.
 */
function readDate(raw: Exclude<RawCell, { kind: 'blank' | 'error' }>, date1904: boolean): CellResult {
  if (raw.kind === 'date') return { value: isoOf(raw.value) };
  if (raw.kind === 'number') {
    const iso = serialToIso(raw.value, date1904);
    if (iso) return { value: iso };
    return { error: { zh: `${DATE_HINT.zh}，实为数字 ${raw.value}`, en: `${DATE_HINT.en}; received the number ${raw.value}` } };
  }
  const text = compact(asText(raw)).replace(/\(.*\)$/, '');
  for (const form of DATE_FORMS) {
    const m = form.exec(text);
    if (m) return { value: `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}` };
  }
  return { error: { zh: `${DATE_HINT.zh}，实为 ${shown(raw)}`, en: `${DATE_HINT.en}; received ${shown(raw)}` } };
}

const APPROX_BEFORE: Record<string, Approx> = { 近: 'nearly', 约: 'about' };
const APPROX_AFTER: Record<string, Approx> = { 余: 'over', 多: 'more' };
const MAGNITUDE: Record<string, number> = { 万: 4, 亿: 8 };

/**
 * A number: a number cell as it is (float noise from a formula, 0.1 + 0.2,
 * snapped to the nearest 分), or text read exactly — full-width digits,
 * thousands separators in threes, the column's unit after it (4500元), 万 and
 * 亿 (41.8万元 is 418000). In a column that takes estimates, 余 多 近 约 make
 * `{ value, approx }`: 8000余, 930多万, 近3000.
 */
function readNumber(raw: Exclude<RawCell, { kind: 'blank' | 'error' }>, type: Extract<CellType, { kind: 'number' }>): CellResult {
  if (raw.kind === 'number') {
    const value = raw.percentFormat && type.percent ? scaleExact(raw.value, 2) : raw.value;
    return { value: snap(value, type.integer ? 0 : 2) };
  }
  if (raw.kind === 'boolean' || raw.kind === 'date') return notANumber(raw, type);
  const text = compact(raw.value);
  if (DASHES.test(text)) return BLANK;
  const parsed = parseNumberText(text, type);
  if (!parsed) return notANumber(raw, type);
  if ('error' in parsed) return parsed;
  if (parsed.approx && !type.rough) {
    return {
      error: {
        zh: `此栏应填确切的数，不能填约数，实为 ${shown(raw)}`,
        en: `this column takes an exact figure, not an estimate; received ${shown(raw)}`,
      },
    };
  }
  return { value: parsed.approx ? { value: parsed.value, approx: parsed.approx } : parsed.value };
}

/** The units a number may be followed by in a column of `unit`: 元 after 万 or 亿 too. */
function stripUnit(text: string, unit: string): string {
  if (!unit) return text;
  const u = unit.normalize('NFKC');
  return text.endsWith(u) ? text.slice(0, -u.length) : text;
}

const PLAIN = /^-?\d+(?:\.\d+)?$/;
const GROUPED = /^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

function parseNumberText(text: string, type: Extract<CellType, { kind: 'number' }>): { value: number; approx?: Approx } | { error: Message } | undefined {
  let rest = stripUnit(text, type.unit);
  let approx: Approx | undefined;
  const before = APPROX_BEFORE[rest[0] ?? ''];
  if (before) {
    approx = before;
    rest = rest.slice(1);
  }
  // 930多万 / 930万余 / 930万 / 8000余: an estimate word on either side of 万 or 亿.
  const m = /^([-\d.,]+)(余|多)?(万|亿)?(余|多)?$/.exec(rest);
  if (!m) return undefined;
  const [, digits, word1, magnitude, word2] = m;
  if (word1 && word2) return undefined;
  const word = word1 ?? word2;
  if (word) {
    if (approx) return undefined; // 近8000余: two estimates, a contradiction
    approx = APPROX_AFTER[word];
  }
  if (magnitude && (type.year || type.percent)) return undefined;
  if (!PLAIN.test(digits!) && !GROUPED.test(digits!)) return undefined;
  const value = decimalToNumber(digits!.replace(/,/g, ''), magnitude ? MAGNITUDE[magnitude]! : 0);
  return approx ? { value, approx } : { value };
}

/** "41.8" shifted by 4 places → 418000, by moving the point in the digits: no binary rounding on the way. */
export function decimalToNumber(digits: string, shift: number): number {
  const negative = digits.startsWith('-');
  const [whole, fraction = ''] = (negative ? digits.slice(1) : digits).split('.') as [string, string?];
  const moved = fraction.padEnd(shift, '0');
  const text = `${whole}${moved.slice(0, shift)}.${moved.slice(shift) || '0'}`;
  return (negative ? -1 : 1) * Number(text);
}

/** `value` × 10^places, exactly as its decimal digits say (0.9816 × 100 is 98.16, not 98.16000000000001). */
function scaleExact(value: number, places: number): number {
  return decimalToNumber(String(value).includes('e') ? value.toFixed(12) : String(value), places);
}

/**
 * A number a hair's breadth from one with `places` decimals (0.30000000000000004,
 * a formula's float noise) snapped to it; a number really between is left as
 * it is, for the schema to refuse.
 */
export function snap(value: number, places: number): number {
  const factor = 10 ** places;
  const near = Math.round(value * factor) / factor;
  return Math.abs(near - value) <= Math.abs(value) * 8 * Number.EPSILON ? near : value;
}

function notANumber(raw: Exclude<RawCell, { kind: 'blank' | 'error' }>, type: Extract<CellType, { kind: 'number' }>): CellResult {
  const example = type.rough ? `，约数写作 8000余、930多万、近3000` : '';
  const exampleEn = type.rough ? '; an estimate as 8000余, 930多万 or 近3000' : '';
  const unit = type.unit ? `（单位：${type.unit}）` : '';
  const unitEn = type.unit ? ` (in ${type.unit})` : '';
  return {
    error: {
      zh: `应为${type.integer ? '整数' : '数字'}${unit}${example}，实为 ${shown(raw)}`,
      en: `expected ${type.integer ? 'a whole number' : 'a number'}${unitEn}${exampleEn}, received ${shown(raw)}`,
    },
  };
}

/** What the cell held, as a message shows it. */
export function shown(raw: RawCell): string {
  switch (raw.kind) {
    case 'blank':
      return '(空)';
    case 'text':
      return JSON.stringify(raw.value.length > 40 ? `${raw.value.slice(0, 40)}…` : raw.value);
    case 'date':
      return isoOf(raw.value);
    default:
      return String(raw.value);
  }
}

// ————— writing —————

/** The cell value for a stats value: numbers stay numbers, estimates and lists become the text a clerk would type. */
export function writeCell(value: unknown, type: CellType): string | number | boolean | Date | null {
  if (value === undefined || value === null) return null;
  switch (type.kind) {
    case 'text':
      return String(value);
    case 'list':
      return joinList(value as string[]);
    case 'enum':
      return type.labels[value as string] ?? String(value);
    case 'boolean':
      return value ? '是' : '否';
    case 'date':
      return dateCell(String(value));
    case 'number':
      return numberCell(value as number | { value: number; approx: Approx }, type);
  }
}

/**
 * Items one per line when any item holds a 、 (or there is one such item:
 * the trailing line break says "split on lines"), else joined by 、.
 */
function joinList(items: readonly string[]): string | null {
  if (items.length === 0) return null;
  if (items.some((item) => item.includes('、'))) return items.length === 1 ? `${items[0]}\n` : items.join('\n');
  return items.join('、');
}

/** A real date as a date cell (shown 2025-12-26); an impossible one as the text it is, so nothing is changed. */
function dateCell(iso: string): Date | string {
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || isoOf(date) !== iso ? iso : date;
}

/** Significant digits a spreadsheet keeps exactly; a number with more is written as text so no 分 is lost. */
const EXACT_DIGITS = 15;

function numberCell(value: number | { value: number; approx?: Approx }, type: Extract<CellType, { kind: 'number' }>): number | string {
  if (typeof value === 'number') return significantDigits(value) > EXACT_DIGITS ? String(value) : value;
  if (!value.approx) return value.value;
  return roughText(value.value, value.approx, type.money ?? false);
}

function significantDigits(value: number): number {
  return String(value).replace(/^-?0*\.?0*/, '').replace(/\./, '').replace(/e.*$/, '').length;
}

/** 8000余, 930多万, 近260万, 约1000: as an office writes an estimate, and as {@link readCell} reads it back to the same value. */
export function roughText(value: number, approx: Approx, money: boolean): string {
  const digits = String(value);
  let number = digits;
  // Amounts read in 万 or 亿 where that is exact: 930多万 rather than 9300000多.
  if (money && !digits.includes('e')) {
    const unit = value >= 1e8 && value % 1e8 === 0 ? '亿' : value >= 1e4 && value % 1e4 === 0 ? '万' : '';
    if (unit) number = `${value / (unit === '亿' ? 1e8 : 1e4)}${unit}`;
  }
  if (approx === 'nearly') return `近${number}`;
  if (approx === 'about') return `约${number}`;
  const word = approx === 'over' ? '余' : '多';
  // 930多万 (多 before 万, as printed), 930万余 (余 after it).
  if (/[万亿]$/.test(number)) return word === '多' ? `${number.slice(0, -1)}多${number.slice(-1)}` : `${number}余`;
  return `${number}${word}`;
}
