import type { PlacedBlock, PlacedKind } from '../../../layout/plan/index.js';
import { figure } from './figure.js';
import { table } from './table.js';
import { text } from './text.js';
import { title } from './title.js';
import type { BlockContext, BlockHandler, Content } from './types.js';

export type { BlockContext, Content } from './types.js';
export { createOutline } from './outline.js';

/** One handler per kind of placed block, keyed by `kind`. */
const handlers: { [K in PlacedKind]: BlockHandler<Extract<PlacedBlock, { kind: K }>> } = { title, text, table, figure };

export function setBlock(block: PlacedBlock, context: BlockContext): Content[] {
  return (handlers[block.kind] as BlockHandler<PlacedBlock>)(block, context);
}
