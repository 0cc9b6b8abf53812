import { headingNumber } from '../format/heading.js';
import type { Block, Heading } from '../model/index.js';

/**
 * Drops headings with nothing under them (a section whose data is absent),
 * makes sibling headings alike (all run in, or all stand alone) and numbers
 * the rest 一、（一）1.（1）, so an omitted section closes the gap.
 */
export function outline(blocks: readonly Block[]): Block[] {
  return numberHeadings(alikeSiblings(pruneEmpty(blocks)));
}

/**
 * Siblings alike, as careful offices write them: a heading that runs in with
 * its text ends with 。 (“1.学前教育资助情况。春季学期……”), one with headings
 * under it stands alone without 。 (“2.义务教育资助情况”). Where siblings
 * mix the two, each run-in heading stands alone too — its 。 dropped, its
 * text a paragraph under it — so the numbers 1. 2. 3. read one way. (A
 * heading the user wrote is printed as written.) Headings of levels 1 and
 * 2 never run in.
 */
function alikeSiblings(blocks: readonly Block[]): Block[] {
  // Siblings: headings of one level under the same parent heading.
  const parents: (number | undefined)[] = [];
  const groups = new Map<string, number[]>();
  blocks.forEach((block, i) => {
    if (block.type !== 'heading') return;
    parents[block.level] = i;
    for (let l = block.level + 1; l <= 4; l++) parents[l] = undefined;
    const parent = parents.slice(1, block.level).reduce<number | undefined>((p, x) => (x === undefined ? p : x), undefined);
    const key = `${parent ?? -1}/${block.level}`;
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  const standAlone = new Set<number>();
  for (const members of groups.values()) {
    const runIn = members.filter((i) => (blocks[i] as Heading).runIn !== undefined);
    if (runIn.length > 0 && runIn.length < members.length) runIn.forEach((i) => standAlone.add(i));
  }
  // Only levels 3 and 4 run in (GB/T 9704 practice): 一、 and （一） always stand alone.
  blocks.forEach((block, i) => {
    if (block.type === 'heading' && block.level <= 2 && block.runIn !== undefined) standAlone.add(i);
  });
  return blocks.flatMap((block, i): Block[] => {
    if (block.type !== 'heading') return [block];
    if (standAlone.has(i)) {
      const { runIn, ...heading } = block;
      return [{ ...heading, text: bare(heading.text) }, { type: 'paragraph', text: runIn! }];
    }
    return [block];
  });
}

/** A standalone heading's text without the 。 of a run-in one. */
const bare = (text: string) => text.replace(/。$/, '');

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
