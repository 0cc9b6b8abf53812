import {
  AlignmentType,
  HeightRule,
  BorderStyle,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  WidthType,
  type FileChild,
  type IBorderOptions,
} from 'docx';
import type { PlacedCell, TableBlock } from '../../layout/plan/index.js';
import { mmToTwips, TWIPS_PER_PT } from '../../layout/profile.js';
import type { DocxContext } from './context.js';
import { textRun } from './run.js';
import { styledParagraph } from './shared.js';
import { STYLE } from './styles.js';

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

/** A rule of the given weight; DOCX counts border sizes in eighths of a point. */
function rule(pt: number): IBorderOptions {
  return { style: BorderStyle.SINGLE, size: Math.round(pt * 8), color: '000000' };
}

/**
 * A table grid as the plan places it: columns by their share of the text
 * block, the header row repeated on every page, rows never split, cells in
 * the table role at single spacing, aligned as the plan says. The caption and
 * unit note are text blocks before it.
 */
export function table(block: TableBlock, ctx: DocxContext): FileChild[] {
  const widths = columnWidths(block.columns, ctx.textWidth);
  const thin = rule(ctx.profile.table.rulePt);
  const heavy = rule(ctx.profile.table.heavyRulePt);
  const ruleTw = (kind: 'thin' | 'heavy' | undefined) => Math.round((kind === 'thin' ? ctx.profile.table.rulePt : ctx.profile.table.heavyRulePt) * TWIPS_PER_PT);
  const rows = block.rows.map(
    (row, r) =>
      new TableRow({
        ...(row.kind === 'header' ? { tableHeader: true } : {}),
        cantSplit: true,
        // The plan's whole grid lines, as the PDF's row has them, less the rules, which LibreOffice adds
        // to a row's height; text that needs more still grows the row.
        height: {
          value: row.gridLines * ctx.linePitch - ruleTw(block.rows[r + 1]?.ruleAbove) - (r === 0 ? ruleTw('heavy') : 0),
          rule: HeightRule.ATLEAST,
        },
        children: row.cells.map((c, i) => cell(ctx, c, widths[i]!, row.kind === 'footer' ? { top: heavy } : undefined)),
      }),
  );
  return [
    new Table({
      rows,
      width: { size: ctx.textWidth, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      margins: cellMargins(ctx),
      borders: { top: heavy, bottom: heavy, left: thin, right: thin, insideHorizontal: thin, insideVertical: thin },
    }),
  ];
}

/**
 * The width shared out by the plan's column shares, in whole twips that add
 * up to the full width.
 *
 * @example columnWidths([0.25, 0.75], 8844) // [2211, 6633]
 */
export function columnWidths(shares: readonly number[], width: number): number[] {
  let acc = 0;
  return shares.map((share) => {
    const from = Math.round(acc * width);
    acc += share;
    return Math.round(acc * width) - from;
  });
}

function cellMargins(ctx: DocxContext) {
  const x = mmToTwips(ctx.profile.table.cellPaddingXMm);
  const y = mmToTwips(ctx.profile.table.cellPaddingYMm);
  return { top: y, bottom: y, left: x, right: x };
}

function cell(ctx: DocxContext, placed: PlacedCell, width: number, borders?: { top: IBorderOptions }): TableCell {
  const run = textRun(ctx, 'table', placed.text, placed.facesOf === 'table' ? {} : { fontOf: placed.facesOf });
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    ...(borders ? { borders } : {}),
    children: [styledParagraph(ctx, { style: STYLE.cell, widowControl: false, alignment: ALIGN[placed.align] }, [run])],
  });
}
