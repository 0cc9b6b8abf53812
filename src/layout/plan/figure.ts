import type { Figure, Table } from '../../model/index.js';
import { mmToPt } from '../profile.js';
import type { PlanContext } from './context.js';
import { planTable } from './table.js';
import type { PlacedBlock } from './types.js';

/**
 * A figure centred in the text block, its caption centred below it and kept
 * on its page. A chart without a drawing is drawn by the plan's chart drawer;
 * with none, its data is set as a table, so nothing is lost.
 */
export function planFigure(block: Figure, ctx: PlanContext): PlacedBlock[] {
  const caption = ctx.text('caption', [{ text: block.caption, role: 'body' }], { align: 'center', indent: { first: 0, rest: 0 } });
  const size = { widthPt: mmToPt(block.widthMm), heightPt: mmToPt(block.heightMm), fontPt: ctx.profile.roles.table.sizePt };
  const svg = block.svg ?? (block.chart && ctx.options.drawChart?.(block.chart, size));
  if (svg) {
    const figure: PlacedBlock = { kind: 'figure', widthMm: block.widthMm, heightMm: block.heightMm, svg, keep: { withNext: true }, alt: block.caption };
    if (block.chart) figure.chart = block.chart;
    return [figure, caption];
  }
  if (!block.chart) return [caption];
  const table: Table = {
    type: 'table',
    caption: block.caption,
    unit: `单位：${block.chart.unit}`,
    columns: [
      { title: block.chart.titles[0], align: 'left', weight: 3 },
      { title: block.chart.titles[1], align: 'right', weight: 2 },
    ],
    rows: block.chart.bars.map((bar) => [bar.label, { type: 'count', value: bar.value, text: bar.text }]),
  };
  return planTable(table, ctx);
}
