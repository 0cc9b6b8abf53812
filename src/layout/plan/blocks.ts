import type { Block, Figure, Heading, Paragraph, Table } from '../../model/index.js';
import type { FontRole } from '../profile.js';
import { planFigure } from './figure.js';
import type { PlanContext } from './context.js';
import { planTable } from './table.js';
import type { PlacedBlock, TextBlock } from './types.js';

type Planner<B extends Block> = (block: B, ctx: PlanContext) => PlacedBlock[];

const HEADING_ROLE: Record<Heading['level'], FontRole> = { 1: 'heading1', 2: 'heading2', 3: 'heading3', 4: 'heading4' };

/**
 * 一、（一） 1. （1）: the level's role, two characters in, justified. A heading
 * that stands alone stays with what follows it; levels 3 and 4 may run in
 * with body text on the same line, and then carry their text with them.
 */
const heading: Planner<Heading> = (block, ctx) => [
  ctx.text(`heading${block.level}`, [{ text: block.number + block.text, role: HEADING_ROLE[block.level] }, ...(block.runIn ? [{ text: block.runIn, role: 'body' as const }] : [])], {
    keep: { withNext: !block.runIn },
    outline: { level: block.level, text: (block.number + block.text).replace(/[。：]$/, '') },
  }),
];

/** Body text on the grid: two characters in, justified, the last line ragged. */
const paragraph: Planner<Paragraph> = (block, ctx) => [ctx.text('body', [{ text: block.text, role: 'body' }])];

/** One planner per block kind. */
const planners: { [K in Block['type']]: Planner<Extract<Block, { type: K }>> } = {
  heading,
  paragraph,
  table: (block: Table, ctx) => planTable(block, ctx),
  figure: (block: Figure, ctx) => planFigure(block, ctx),
};

export function planBlock(block: Block, ctx: PlanContext): PlacedBlock[] {
  return (planners[block.type] as Planner<Block>)(block, ctx);
}

/** Whether a placed block is a text block. */
export function isText(block: PlacedBlock | undefined): block is TextBlock {
  return block?.kind === 'text';
}
