import { cellText, isNumeric, type Cell, type CellAlign, type Table, type TableColumn } from '../../model/index.js';
import { autoSpaceTwips, charTwips, lineStarts } from '../line.js';
import { linePitchPt, mmToPt, mmToTwips, textBlock, TWIPS_PER_PT } from '../profile.js';
import type { PlanContext } from './context.js';
import type { PlacedBlock, PlacedCell, PlacedRow } from './types.js';

/**
 * A table: caption centred above it, the unit note at the right, then the
 * grid in the table role at single spacing. The header row repeats on every
 * page and rows never split. Header and 合计 rows are set in 黑体 (the
 * heading1 fonts at table size) rather than a synthetic bold most Chinese
 * fonts lack; heavy rules close the table and set off the 合计 row. Numbers
 * align right, text as its column says.
 */
export function planTable(block: Table, ctx: PlanContext): PlacedBlock[] {
  const out: PlacedBlock[] = [];
  const keep = { withNext: true };
  const flush = { first: 0, rest: 0 };
  if (block.caption) out.push(ctx.text('caption', [{ text: block.caption, role: 'body' }], { align: 'center', indent: flush, keep }));
  if (block.unit) out.push(ctx.text('unit', [{ text: block.unit, role: 'table' }], { align: 'right', indent: flush, keep }));
  const rows: Omit<PlacedRow, 'gridLines'>[] = [
    { kind: 'header', ruleAbove: 'heavy', cells: block.columns.map((c) => ({ text: c.title, align: 'center', facesOf: 'heading1' })) },
    ...block.rows.map((row) => ({ kind: 'body' as const, ruleAbove: 'thin' as const, cells: cells(block.columns, row, 'table') })),
    ...(block.footer ? [{ kind: 'footer' as const, ruleAbove: 'heavy' as const, cells: cells(block.columns, block.footer, 'heading1', 'center') }] : []),
  ];
  const columns = columnShares(block.columns);
  const placed = rows.map((row, i): PlacedRow => ({ ...row, gridLines: gridLines(row, i, rows, columns, ctx) }));
  out.push({ kind: 'table', columns, rows: placed, rowsSplit: false, role: 'table', keep: { withNext: false } });
  return out;
}

/**
 * The grid lines a row takes: its tallest cell's lines (broken by the line
 * model at the table's size, in the column less its padding) at single
 * spacing, the padding above and below, the rule below it, and for the
 * header the rule above the table — rounded up to whole grid lines.
 */
function gridLines(row: Omit<PlacedRow, 'gridLines'>, index: number, rows: readonly Omit<PlacedRow, 'gridLines'>[], columns: readonly number[], ctx: PlanContext): number {
  const { profile } = ctx;
  const { table: t } = profile;
  const size = profile.roles.table.sizePt;
  const widthTw = Math.round(textBlock(profile).widthPt * TWIPS_PER_PT);
  const padXTw = mmToTwips(t.cellPaddingXMm);
  const lines = Math.max(
    ...row.cells.map((cell, i) => {
      const room = Math.round(columns[i]! * widthTw) - 2 * padXTw;
      const chars = [...cell.text];
      // Most cells are short: wider than any character with its space, and still on one line.
      if (chars.length * size * 20 * 1.2 <= room) return 1;
      const items = chars.map((ch, k) => ({ ch, widthTw: charTwips(ch, size, 0), spaceBeforeTw: k ? autoSpaceTwips(chars[k - 1]!, ch, size, 0) : 0 }));
      return lineStarts(items, () => room).length + 1;
    }),
  );
  const rule = (r: Omit<PlacedRow, 'gridLines'> | undefined) => (r === undefined || r.ruleAbove === 'heavy' ? t.heavyRulePt : t.rulePt);
  const rules = rule(rows[index + 1]) + (index === 0 ? rule(row) : 0);
  const heightPt = lines * t.lineHeight * size + 2 * mmToPt(t.cellPaddingYMm) + rules;
  return Math.max(1, Math.ceil(heightPt / linePitchPt(profile) - 1e-6));
}

function cells(columns: readonly TableColumn[], row: readonly Cell[], facesOf: PlacedCell['facesOf'], firstAlign?: CellAlign): PlacedCell[] {
  return columns.map((column, i) => {
    const cell = row[i] ?? '';
    const align: CellAlign = i === 0 && firstAlign ? firstAlign : isNumeric(cell) ? 'right' : column.align;
    return { text: cellText(cell), align, facesOf };
  });
}

/**
 * Each column's share of the width, by weight; a weight left out, zero or
 * negative counts as 1.
 *
 * @example columnShares([{ weight: 1 }, { weight: 3 }]) // [0.25, 0.75]
 */
export function columnShares(columns: readonly Pick<TableColumn, 'weight'>[]): number[] {
  const weights = columns.map((c) => (c.weight !== undefined && c.weight > 0 ? c.weight : 1));
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => w / total);
}
