/**
 * The rules a cell is read by, on their own: what offices type is read when
 * it reads one way only, refused (with what came) when it does not.
 */
import { describe, expect, it } from 'vitest';
import { readCell, roughText, serialToIso, writeCell, type CellType, type RawCell } from '../../src/workbook/cells.js';
import { STAGE_LABELS } from '../../src/schema/enums.js';

const text = (value: string): RawCell => ({ kind: 'text', value });
const num = (value: number, percentFormat = false): RawCell => ({ kind: 'number', value, percentFormat });

const amount: CellType = { kind: 'number', unit: '元', money: true };
const roughAmount: CellType = { kind: 'number', unit: '元', money: true, rough: true };
const count: CellType = { kind: 'number', unit: '人', integer: true };
const roughCount: CellType = { kind: 'number', unit: '份', integer: true, rough: true };
const percent: CellType = { kind: 'number', unit: '%', percent: true, rough: true };
const year: CellType = { kind: 'number', unit: '年', integer: true, year: true };
const date: CellType = { kind: 'date' };

const value = (raw: RawCell, type: CellType) => {
  const result = readCell(raw, type);
  if (!('value' in result)) throw new Error(`not read: ${JSON.stringify(result)}`);
  return result.value;
};
const refusal = (raw: RawCell, type: CellType) => {
  const result = readCell(raw, type);
  if (!('error' in result)) throw new Error(`read as ${JSON.stringify(result)}`);
  return result.error;
};

describe('numbers as offices type them', () => {
  it.each([
    ['4500', 4500],
    ['4500元', 4500],
    ['4500 元 ', 4500],
    ['1,234.50', 1234.5],
    ['１２３４．５', 1234.5],
    ['４５００元', 4500],
    ['41.8万', 418_000],
    ['41.8万元', 418_000],
    ['1.23万', 12_300],
    ['0.07亿', 7_000_000],
    ['-1', -1],
    ['\u30004500\u3000', 4500],
  ])('%j in a 元 column reads %d', (typed, expected) => {
    expect(value(text(typed), amount)).toBe(expected);
  });

  it('a number cell is read as it is; float noise from a formula is snapped to 分', () => {
    expect(value(num(4500), amount)).toBe(4500);
    expect(value(num(0.1 + 0.2), amount)).toBe(0.3);
    expect(value(num(3149.9999999999995), amount)).toBe(3150);
    // Really more than two decimals: left for the schema to refuse.
    expect(value(num(0.123), amount)).toBe(0.123);
  });

  it('"—", "-" and "/" alone are blank cells', () => {
    for (const dash of ['—', '-', '/', '－']) expect(readCell(text(dash), count)).toEqual({ blank: true });
    expect(readCell(text('   '), count)).toEqual({ blank: true });
  });

  it.each([
    ['三百', '应为整数（单位：人），实为 "三百"'],
    ['4500人 5000人', '实为 "4500人 5000人"'],
    ['4,50', '实为 "4,50"'],
    ['1.234.5', '实为 "1.234.5"'],
    ['418元', '实为 "418元"'],
    ['12/26', '实为 "12/26"'],
    ['1e3', '实为 "1e3"'],
  ])('%j in a 人 column is refused, saying what came', (typed, zh) => {
    expect(refusal(text(typed), count).zh).toContain(zh);
  });

  it('the column unit is the only unit taken: 人 in a 元 column is refused', () => {
    expect(refusal(text('4500人'), amount).zh).toBe('应为数字（单位：元），实为 "4500人"');
  });

  it('a boolean or a date in a number column is refused', () => {
    expect(refusal({ kind: 'boolean', value: true }, count).en).toContain('received true');
    expect(refusal({ kind: 'date', value: new Date(Date.UTC(2025, 0, 5)) }, count).zh).toContain('2025-01-05');
  });

  it('a percentage: 98.16, "98.16%", or 0.9816 in a cell formatted as %', () => {
    expect(value(num(98.16), percent)).toBe(98.16);
    expect(value(text('98.16%'), percent)).toBe(98.16);
    expect(value(num(0.9816, true), percent)).toBe(98.16);
  });

  it('years: 2025 and "2025年"', () => {
    expect(value(text('2025年'), year)).toBe(2025);
    expect(value(num(2025), year)).toBe(2025);
    expect(readCell(text('2025万'), year)).toHaveProperty('error');
  });

  it('a formula error is refused with its code', () => {
    expect(refusal({ kind: 'error', value: '#DIV/0!' }, amount).zh).toContain('#DIV/0!');
  });
});

describe('estimates', () => {
  it.each([
    ['8000余', { value: 8000, approx: 'over' }],
    ['8000余份', { value: 8000, approx: 'over' }],
    ['40多', { value: 40, approx: 'more' }],
    ['近3000', { value: 3000, approx: 'nearly' }],
    ['约1000', { value: 1000, approx: 'about' }],
    ['1万余', { value: 10_000, approx: 'over' }],
    ['8000', 8000],
  ])('%j in a column that takes estimates reads %j', (typed, expected) => {
    expect(value(text(typed), roughCount)).toEqual(expected);
  });

  it.each([
    ['930多万', { value: 9_300_000, approx: 'more' }],
    ['930万余', { value: 9_300_000, approx: 'over' }],
    ['930余万元', { value: 9_300_000, approx: 'over' }],
    ['近260万', { value: 2_600_000, approx: 'nearly' }],
    ['7亿多元', { value: 700_000_000, approx: 'more' }],
  ])('amount %j reads %j', (typed, expected) => {
    expect(value(text(typed), roughAmount)).toEqual(expected);
  });

  it('an estimate in a column of exact figures is refused, not rounded', () => {
    expect(refusal(text('8000余'), amount).zh).toBe('此栏应填确切的数，不能填约数，实为 "8000余"');
  });

  it('two qualifiers contradict each other: refused', () => {
    expect(readCell(text('近8000余'), roughCount)).toHaveProperty('error');
    expect(readCell(text('8000余多'), roughCount)).toHaveProperty('error');
    expect(readCell(text('3000左右'), roughCount)).toHaveProperty('error');
  });

  it('written as offices write them, and read back to the same figure', () => {
    const cases = [
      [{ value: 8000, approx: 'over' }, false, '8000余'],
      [{ value: 9_300_000, approx: 'more' }, true, '930多万'],
      [{ value: 9_300_000, approx: 'over' }, true, '930万余'],
      [{ value: 2_600_000, approx: 'nearly' }, true, '近260万'],
      [{ value: 700_000_000, approx: 'more' }, true, '7多亿'],
      [{ value: 1234.5, approx: 'about' }, true, '约1234.5'],
    ] as const;
    for (const [figure, money, written] of cases) {
      expect(roughText(figure.value, figure.approx, money)).toBe(written);
      expect(value(text(written), money ? roughAmount : roughCount)).toEqual(figure);
    }
  });
});

describe('dates', () => {
  it.each([
    ['2025-12-26', '2025-12-26'],
    ['2025/12/26', '2025-12-26'],
    ['2025.12.26', '2025-12-26'],
    ['2025年12月26日', '2025-12-26'],
    ['2025年1月5日', '2025-01-05'],
    ['２０２５年１２月２６日', '2025-12-26'],
    ['20251226', '2025-12-26'],
  ])('%j reads %s', (typed, iso) => {
    expect(value(text(typed), date)).toBe(iso);
  });

  it('an Excel serial number, in the 1900 and the 1904 system; a date cell', () => {
    expect(value(num(46017), date)).toBe('2025-12-26');
    expect(readCell(num(44555), date, { date1904: true })).toEqual({ value: '2025-12-26' });
    expect(value({ kind: 'date', value: new Date(Date.UTC(2025, 11, 26)) }, date)).toBe('2025-12-26');
    expect(serialToIso(12)).toBeUndefined();
  });

  it('day/month order that is a guess is refused: 12/26/2025, 26/12/2025', () => {
    expect(refusal(text('12/26/2025'), date).zh).toBe('日期应写作 2025-12-26、2025/12/26 或 2025年12月26日，实为 "12/26/2025"');
    expect(readCell(text('26/12/2025'), date)).toHaveProperty('error');
    expect(readCell(num(26), date)).toHaveProperty('error');
  });
});

describe('labels, yes/no, lists, text', () => {
  const stage: CellType = { kind: 'enum', labels: STAGE_LABELS };

  it('a label or a code reads as the code; anything else is passed on for the schema to answer', () => {
    expect(value(text('小学'), stage)).toBe('primary');
    expect(value(text(' 初中 '), stage)).toBe('junior');
    expect(value(text('Primary'), stage)).toBe('primary');
    expect(value(text('初级中学'), stage)).toBe('初级中学');
  });

  it('是 and 否, and boolean cells; anything else refused', () => {
    expect(value(text('是'), { kind: 'boolean' })).toBe(true);
    expect(value(text('否'), { kind: 'boolean' })).toBe(false);
    expect(value({ kind: 'boolean', value: true }, { kind: 'boolean' })).toBe(true);
    expect(refusal(text('可能'), { kind: 'boolean' }).zh).toBe('应填“是”或“否”，实为 "可能"');
  });

  it('lists joined by 、 or one item a line; an item holding 、 survives the round trip', () => {
    expect(value(text('家长会、微信群 、 宣传栏'), { kind: 'list' })).toEqual(['家长会', '微信群', '宣传栏']);
    expect(value(text('家长会\r\n微信群\n'), { kind: 'list' })).toEqual(['家长会', '微信群']);
    for (const items of [['A、B'], ['A、B', 'C'], ['家长会', '微信群']]) {
      expect(value(text(String(writeCell(items, { kind: 'list' }))), { kind: 'list' })).toEqual(items);
    }
  });

  it('text keeps its line breaks and loses the spaces around it', () => {
    expect(value(text('  第一段\r\n第二段  '), { kind: 'text' })).toBe('第一段\n第二段');
    expect(value(num(2025), { kind: 'text' })).toBe('2025');
  });

  it('the largest amounts (15 significant digits, as much as a spreadsheet keeps) are number cells; more digits go as text', () => {
    expect(writeCell(9999999999999.99, amount)).toBe(9999999999999.99);
    expect(writeCell(1234567890123.456, amount)).toBe('1234567890123.456');
    expect(value(text('1234567890123.45'), amount)).toBe(1234567890123.45);
  });
});
