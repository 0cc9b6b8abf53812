import type { FontRole } from '../../../layout/profile.js';
import type { Heading } from '../../../model/index.js';
import type { BlockHandler, Content } from './types.js';

const ROLE: Record<Heading['level'], FontRole> = { 1: 'heading1', 2: 'heading2', 3: 'heading3', 4: 'heading4' };

/**
 * 一、（一） 1. （1）: a paragraph in the level's font, two characters in.
 * Levels 3 and 4 may run in with body text on the same line.
 */
export const heading: BlockHandler<Heading> = (block, { setter, outline }) => {
  const items = setter.items(block.number + block.text, ROLE[block.level]);
  if (block.runIn) items.push(...setter.items(block.runIn, 'body'));
  const lines: Content[] = setter.paragraph(items);
  const bookmark = outline.entry(block.level, (block.number + block.text).replace(/[。：]$/, ''));
  lines[0] = { ...lines[0], ...bookmark };
  // A heading that stands alone is kept with what follows (see keepWithNext).
  return block.runIn ? lines : lines.map((line) => ({ ...line, headlineLevel: bookmark.id }));
};
