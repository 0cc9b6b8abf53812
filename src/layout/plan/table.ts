import { cellText, isNumeric, type Cell, type CellAlign, type Table, type TableColumn } from '../../model/index.js';
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
  const rows: PlacedRow[] = [
    { kind: 'header', ruleAbove: 'heavy', cells: block.columns.map((c) => ({ text: c.title, align: 'center', facesOf: 'heading1' })) },
    ...block.rows.map((row): PlacedRow => ({ kind: 'body', ruleAbove: 'thin', cells: cells(block.columns, row, 'table') })),
    ...(block.footer ? [{ kind: 'footer' as const, ruleAbove: 'heavy' as const, cells: cells(block.columns, block.footer, 'heading1', 'center') }] : []),
  ];
  out.push({ kind: 'table', columns: columnShares(block.columns), rows, rowsSplit: false, role: 'table', keep: { withNext: false } });
  return out;
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
