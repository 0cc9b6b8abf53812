import { headingNumber } from '../format/heading.js';
import type { Block } from '../model/index.js';

/**
 * Drops headings with nothing under them (a section whose data is absent)
 * and numbers the rest 一、（一）1.（1）, so an omitted section closes the gap.
 */
export function outline(blocks: readonly Block[]): Block[] {
  return numberHeadings(pruneEmpty(blocks));
}

function pruneEmpty(blocks: readonly Block[]): Block[] {
  // Walking backwards, hasContent[L] says whether anything stands between
  // here and the next heading of level ≤ L.
  const hasContent = [false, false, false, false, false];
  const kept: Block[] = [];
  for (let i = blocks.length - 1; i >= 0; i--) {
    const block = blocks[i]!;
    if (block.type !== 'heading') {
      hasContent.fill(true);
      kept.push(block);
      continue;
    }
    const { level } = block;
    if (hasContent[level] || block.runIn) {
      kept.push(block);
      for (let l = 1; l < level; l++) hasContent[l] = true;
    }
    for (let l = level; l <= 4; l++) hasContent[l] = false;
  }
  return kept.reverse();
}

function numberHeadings(blocks: Block[]): Block[] {
  const counters = [0, 0, 0, 0, 0];
  return blocks.map((block) => {
    if (block.type !== 'heading') return block;
    counters[block.level]!++;
    for (let l = block.level + 1; l <= 4; l++) counters[l] = 0;
    return { ...block, number: headingNumber(block.level, counters[block.level]!) };
  });
}
