import type { FileChild } from 'docx';
import type { Block, BlockType } from '../../model/index.js';
import type { DocxContext } from './context.js';
import { heading } from './heading.js';
import { paragraph } from './paragraph.js';
import { table } from './table.js';

type Handler<K extends BlockType> = (block: Extract<Block, { type: K }>, ctx: DocxContext) => FileChild[];

/** One handler per block kind. */
export const handlers: { [K in BlockType]: Handler<K> } = { heading, paragraph, table };

/**
 * The blocks in order. With `keepLastWithNext`, the last one is kept on the
 * page of what follows it, so that a signature never stands alone on a page.
 */
export function renderBlocks(blocks: readonly Block[], ctx: DocxContext, keepLastWithNext = false): FileChild[] {
  return blocks.flatMap((block, i) => {
    const blockCtx = keepLastWithNext && i === blocks.length - 1 ? { ...ctx, keepWithNext: true } : ctx;
    return (handlers[block.type] as Handler<BlockType>)(block as never, blockCtx);
  });
}
