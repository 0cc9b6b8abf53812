import type { FileChild } from 'docx';
import type { LayoutPlan, PlacedBlock, PlacedKind } from '../../layout/plan/index.js';
import type { DocxContext } from './context.js';
import { figure } from './figure.js';
import { table } from './table.js';
import { text } from './text.js';
import { title } from './title.js';

type Handler<K extends PlacedKind> = (block: Extract<PlacedBlock, { kind: K }>, ctx: DocxContext) => FileChild[];

/** One handler per kind of placed block. */
const handlers: { [K in PlacedKind]: Handler<K> } = { title, text, table, figure };

/** The plan's blocks as the body's paragraphs and tables, in reading order. */
export function planContent(plan: LayoutPlan, ctx: DocxContext): FileChild[] {
  return plan.blocks.flatMap((block) => (handlers[block.kind] as Handler<PlacedKind>)(block as never, ctx));
}
