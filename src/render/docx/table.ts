import {
  AlignmentType,
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
import type { CellAlign, Table as TableBlock } from '../../model/index.js';
import { mmToTwips } from '../../layout/profile.js';
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
 * A table: caption centred above, unit note at the right, then the grid.
 * The header row repeats on every page; rows never split; cells use the
 * table font at single spacing, numbers aligned as their column says. The
 * header and 合计 rows use the level 1 heading face (黑体) at table size rather
 * than a synthetic bold that most Chinese fonts lack.
 */
export function table(block: TableBlock, ctx: DocxContext): FileChild[] {
  const out: FileChild[] = [];
  if (block.caption) out.push(styledParagraph(ctx, { style: STYLE.caption, widowControl: false }, [textRun(ctx, 'body', block.caption, { tight: true })]));
  if (block.unit) out.push(styledParagraph(ctx, { style: STYLE.unit, widowControl: false }, [textRun(ctx, 'table', block.unit)]));
  const widths = columnWidths(block, ctx.textWidth);
  const thin = rule(ctx.profile.table.rulePt);
  const heavy = rule(ctx.profile.table.heavyRulePt);
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: block.columns.map((c, i) => cell(ctx, c.title, 'center', widths[i]!, true)),
  });
  const rows = block.rows.map(
    (row) => new TableRow({ cantSplit: true, children: block.columns.map((c, i) => cell(ctx, row[i] ?? '', c.align, widths[i]!, false)) }),
  );
  if (block.footer) {
    const footer = block.footer;
    rows.push(
      new TableRow({
        cantSplit: true,
        children: block.columns.map((c, i) => cell(ctx, footer[i] ?? '', i === 0 ? 'center' : c.align, widths[i]!, true, { top: heavy })),
      }),
    );
  }
  out.push(
    new Table({
      rows: [header, ...rows],
      width: { size: ctx.textWidth, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      margins: cellMargins(ctx),
      borders: { top: heavy, bottom: heavy, left: thin, right: thin, insideHorizontal: thin, insideVertical: thin },
    }),
  );
  return out;
}

/**
 * The text block shared out by column weight (1 when unset), in whole twips
 * that add up to the full width.
 *
 * @example columnWidths({ columns: [{ weight: 1 }, { weight: 3 }] }, 8844) // [2211, 6633]
 */
export function columnWidths(block: Pick<TableBlock, 'columns'>, width: number): number[] {
  const weights = block.columns.map((c) => (c.weight && c.weight > 0 ? c.weight : 1));
  const total = weights.reduce((a, b) => a + b, 0);
  let acc = 0;
  return weights.map((w) => {
    const from = Math.round((acc / total) * width);
    acc += w;
    return Math.round((acc / total) * width) - from;
  });
}

function cellMargins(ctx: DocxContext) {
  const x = mmToTwips(ctx.profile.table.cellPaddingXMm);
  const y = mmToTwips(ctx.profile.table.cellPaddingYMm);
  return { top: y, bottom: y, left: x, right: x };
}

function cell(
  ctx: DocxContext,
  text: string,
  align: CellAlign,
  width: number,
  strong: boolean,
  borders?: { top: IBorderOptions },
): TableCell {
  const run = textRun(ctx, 'table', text, strong ? { fontOf: 'heading1' } : {});
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    ...(borders ? { borders } : {}),
    children: [styledParagraph(ctx, { style: STYLE.cell, widowControl: false, alignment: ALIGN[align] }, [run])],
  });
}
