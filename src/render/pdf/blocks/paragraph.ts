import type { Paragraph } from '../../../model/index.js';
import type { BlockHandler } from './types.js';

/** Body text on the grid: two characters in, justified, the last line ragged. */
export const paragraph: BlockHandler<Paragraph> = (block, { setter }) => setter.paragraph(setter.items(block.text, 'body'));
