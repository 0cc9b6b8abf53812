import type { Block } from '../../../model/index.js';
import { heading } from './heading.js';
import { paragraph } from './paragraph.js';
import { table } from './table.js';
import type { BlockContext, BlockHandler, Content } from './types.js';

export type { BlockContext, Content } from './types.js';
export { createOutline } from './outline.js';

/** One handler per block kind, keyed by `type`. */
const handlers: { [K in Block['type']]: BlockHandler<Extract<Block, { type: K }>> } = { heading, paragraph, table };

export function setBlock(block: Block, context: BlockContext): Content[] {
  return (handlers[block.type] as BlockHandler<Block>)(block, context);
}
