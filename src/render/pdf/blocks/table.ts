import { mmToPt, type FontRole } from '../../../layout/profile.js';
import type { CellAlign, Table } from '../../../model/index.js';
import type { Setter } from '../setter.js';
import type { BlockHandler, Content } from './types.js';

interface Measures {
  padXPt: number;
  padYPt: number;
  /** Single spacing inside cells. */
  slotPt: number;
  /** Width of horizontal rule `i` (0 above the header … rows below the last row). */
  rule(i: number): number;
  thinPt: number;
}

/**
 * A table: caption centred above it, the unit at the right, then the cells in
 * the table role's size with single spacing. The header row repeats on every
 * page and a row never splits.
 *
 * Every row takes a whole number of grid lines (rules and padding included),
 * so the text after a table, or on the page a table breaks to, stays on the
 * 22-line grid. Header and 合计 rows use the level-1 heading font (黑体), as
 * in the DOCX; heavy rules close the table and set off the 合计 row.
 */
export const table: BlockHandler<Table> = (block, { setter }) => {
  const out: Content[] = [];
  if (block.caption) out.push(...setter.paragraph(setter.items(block.caption, 'body'), { firstPt: 0, alignment: 'center' }));
  if (block.unit) out.push(...setter.paragraph(setter.items(block.unit, 'table'), { firstPt: 0, alignment: 'right' }));

  const { table: t, roles } = setter.profile;
  const rows: { cells: string[]; facesOf: FontRole; kind: 'header' | 'row' | 'footer' }[] = [
    { cells: block.columns.map((c) => c.title), facesOf: 'heading1', kind: 'header' },
    ...block.rows.map((cells) => ({ cells, facesOf: 'table' as const, kind: 'row' as const })),
    ...(block.footer ? [{ cells: block.footer, facesOf: 'heading1' as const, kind: 'footer' as const }] : []),
  ];
  const heavy = new Set([0, rows.length, ...(block.footer ? [rows.length - 1] : [])]);
  const m: Measures = {
    padXPt: mmToPt(t.cellPaddingXMm),
    padYPt: mmToPt(t.cellPaddingYMm),
    slotPt: t.lineHeight * roles.table.sizePt,
    rule: (i) => (heavy.has(i) ? t.heavyRulePt : t.rulePt),
    thinPt: t.rulePt,
  };
  const widths = columnWidths(block, setter.widthPt, m);

  const heights: number[] = [];
  const body = rows.map((row, r) => {
    const cells = block.columns.map((column, i) => {
      const align: CellAlign = row.kind === 'header' || (row.kind === 'footer' && i === 0) ? 'center' : column.align;
      return cell(setter, row.cells[i] ?? '', row.facesOf, align, widths[i]!, m);
    });
    heights.push(rowHeight(r, Math.max(...cells.map((c) => c.stack.length)), setter.pitchPt, m));
    return cells;
  });

  out.push({
    table: { headerRows: 1, dontBreakRows: true, widths, heights, body },
    layout: {
      hLineWidth: (i: number) => m.rule(i),
      vLineWidth: () => m.thinPt,
      paddingLeft: () => m.padXPt,
      paddingRight: () => m.padXPt,
      paddingTop: () => m.padYPt,
      paddingBottom: () => m.padYPt,
    },
  });
  return out;
};

/** Text widths by weight, such that with rules and padding the table is as wide as the text block. */
function columnWidths(block: Table, widthPt: number, m: Measures): number[] {
  const n = block.columns.length;
  const text = widthPt - n * 2 * m.padXPt - (n + 1) * m.thinPt;
  const weights = block.columns.map((c) => c.weight ?? 1);
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => (text * w) / total);
}

function cell(setter: Setter, text: string, facesOf: FontRole, align: CellAlign, widthPt: number, m: Measures) {
  const stack = setter.paragraph(setter.items(text, 'table', facesOf), { firstPt: 0, alignment: align, widthPt, slotPt: m.slotPt });
  return { stack, verticalAlignment: 'middle' };
}

/**
 * A row's text height for pdfmake: whole grid lines, less what pdfmake adds —
 * the padding, the rule below, and for the header the rule above the table
 * (drawn again with the header on every page the table runs onto).
 */
function rowHeight(row: number, lines: number, pitchPt: number, m: Measures): number {
  const rules = m.rule(row + 1) + (row === 0 ? m.rule(0) : 0);
  const needed = lines * m.slotPt + 2 * m.padYPt + rules;
  const gridLines = Math.max(1, Math.ceil(needed / pitchPt - 1e-6));
  return gridLines * pitchPt - 2 * m.padYPt - rules;
}
