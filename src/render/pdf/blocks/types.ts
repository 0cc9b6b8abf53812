import type { PlacedBlock } from '../../../layout/plan/index.js';
import type { Setter } from '../setter.js';
import type { Outline } from './outline.js';

/** A pdfmake content node. */
export type Content = Record<string, unknown>;

export interface BlockContext {
  setter: Setter;
  outline: Outline;
  /** A fresh id for a kept block's lines (see page.ts). */
  keepId(): string;
}

/** Sets one kind of placed block as pdfmake nodes, one node per printed line where it can. */
export type BlockHandler<B extends PlacedBlock> = (block: B, context: BlockContext) => Content[];
