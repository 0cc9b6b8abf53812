import type { Block } from '../../../model/index.js';
import type { Setter } from '../setter.js';
import type { Outline } from './outline.js';

/** A pdfmake content node. */
export type Content = Record<string, unknown>;

export interface BlockContext {
  setter: Setter;
  outline: Outline;
}

/** Sets one kind of block as pdfmake nodes, one node per printed line where it can. */
export type BlockHandler<B extends Block> = (block: B, context: BlockContext) => Content[];
