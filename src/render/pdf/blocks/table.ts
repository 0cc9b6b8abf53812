import { mmToPt, mmToTwips, TWIPS_PER_PT, type FontRole } from '../../../layout/profile.js';
import type { TableBlock } from '../../../layout/plan/index.js';
import type { CellAlign } from '../../../model/index.js';
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
 * A table grid as the plan places it, in the table role's size with single
 * spacing. The header row repeats on every page and a row never splits.
 *
 * Every row takes a whole number of grid lines (rules and padding included),
 * so the text after a table, or on the page a table breaks to, stays on the
 * 22-line grid. Header and 合计 rows use the fonts the plan names (黑体);
 * heavy rules close the table and set off the 合计 row.
 */
export const table: BlockHandler<TableBlock> = (block, { setter }) => {
  const { table: t, roles } = setter.profile;
  const rows = block.rows;
  const heavy = new Set([0, rows.length, ...rows.flatMap((row, i) => (i > 0 && row.ruleAbove === 'heavy' ? [i] : []))]);
  const m: Measures = {
    padXPt: mmToPt(t.cellPaddingXMm),
    padYPt: mmToPt(t.cellPaddingYMm),
    slotPt: t.lineHeight * roles[block.role].sizePt,
    rule: (i) => (heavy.has(i) ? t.heavyRulePt : t.rulePt),
    thinPt: t.rulePt,
  };
  const widths = columnWidths(block.columns, setter.widthPt, m);
  // Lines break where the DOCX's cells break them: the column's twips less the cell margins, as the plan counts rows.
  const widthTw = Math.round(setter.widthPt * TWIPS_PER_PT);
  const breakWidths = block.columns.map((share) => (Math.round(share * widthTw) - 2 * mmToTwips(t.cellPaddingXMm)) / TWIPS_PER_PT);

  const heights: number[] = [];
  const body = rows.map((row, r) => {
    const cells = row.cells.map((c, i) => cell(setter, c.text, block.role, c.facesOf, c.align, widths[i]!, breakWidths[i]!, m));
    heights.push(row.gridLines * setter.pitchPt - 2 * m.padYPt - m.rule(r + 1) - (r === 0 ? m.rule(0) : 0));
    return cells;
  });

  return [
    {
      table: { headerRows: 1, dontBreakRows: true, widths, heights, body },
      layout: {
        hLineWidth: (i: number) => m.rule(i),
        vLineWidth: () => m.thinPt,
        paddingLeft: () => m.padXPt,
        paddingRight: () => m.padXPt,
        paddingTop: () => m.padYPt,
        paddingBottom: () => m.padYPt,
      },
    },
  ];
};

/** Text widths by the plan's shares, such that with rules and padding the table is as wide as the text block. */
function columnWidths(shares: readonly number[], widthPt: number, m: Measures): number[] {
  const n = shares.length;
  const text = widthPt - n * 2 * m.padXPt - (n + 1) * m.thinPt;
  return shares.map((share) => text * share);
}

/** A cell's lines, aligned as the plan says: text flush left (never justified, so short texts are not spread), numbers right. */
function cell(setter: Setter, text: string, role: FontRole, facesOf: FontRole, align: CellAlign, widthPt: number, breakPt: number, m: Measures) {
  const stack = setter.paragraph(setter.items(text, role, facesOf), { firstPt: 0, alignment: align, widthPt, breakPt, slotPt: m.slotPt });
  return { stack, verticalAlignment: 'middle' };
}
