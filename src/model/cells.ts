import { floorDiv, roundDiv } from '../format/fixed.js';

/**
 * Table cells with their kind: text, a count or an amount. Each carries the
 * final printed text and, for numbers, the value it was printed from, so a
 * renderer or a future format (an XLSX attachment) never parses text back
 * into numbers, and numbers align right wherever they stand.
 */
export type TableCell = TextCell | CountCell | AmountCell;

export interface TextCell {
  type: 'text';
  text: string;
}

export interface CountCell {
  type: 'count';
  value: number;
  text: string;
}

/** An amount, exact in 分, printed in 元 or 万元. */
export interface AmountCell {
  type: 'amount';
  fen: number;
  unit: '元' | '万元';
  text: string;
}

/** A cell as tables accept it: a typed cell, or plain text (a text cell). */
export type Cell = TableCell | string;

/** @example textCell('学前教育') // { type: 'text', text: '学前教育' } */
export function textCell(text: string): TextCell {
  return { type: 'text', text };
}

/** @example countCell(418) // { type: 'count', value: 418, text: '418' } */
export function countCell(value: number): CountCell {
  return { type: 'count', value, text: String(value) };
}

/**
 * An amount in 分, printed in 元 (whole 元 without decimals, else two) or in
 * 万元 with two decimals, rounded half-up once — cut from integer 分 like
 * every printed figure, so a table never disagrees with the prose.
 *
 * @example amountCell(24670000, '元') // text '246700'
 * @example amountCell(37550, '元') // text '375.50'
 * @example amountCell(24670000, '万元') // text '24.67'
 */
export function amountCell(fen: number, unit: '元' | '万元'): AmountCell {
  const text = unit === '元' ? (fen % 100 === 0 ? String(fen / 100) : hundredths(fen)) : hundredths(roundDiv(fen, 10_000));
  return { type: 'amount', fen, unit, text };
}

/** Hundredths as a decimal with exactly two places. */
function hundredths(n: number): string {
  return `${floorDiv(n, 100)}.${String(n % 100).padStart(2, '0')}`;
}

/** The cell as a typed cell: plain text becomes a text cell. */
export function toCell(cell: Cell): TableCell {
  return typeof cell === 'string' ? textCell(cell) : cell;
}

/** The printed text of a cell. */
export function cellText(cell: Cell): string {
  return typeof cell === 'string' ? cell : cell.text;
}

/** Whether the cell holds a number (a count or an amount), which aligns right. */
export function isNumeric(cell: Cell): boolean {
  return typeof cell !== 'string' && cell.type !== 'text';
}
