import type { LayoutPlan } from '../../layout/plan/index.js';
import { createOutline, setBlock, type Content } from './blocks/index.js';
import { keepHeadingsWithNext, withoutKeep } from './page.js';
import type { Setter } from './setter.js';

/**
 * The plan's blocks as pdfmake nodes, in reading order, with its keep rules
 * turned into what pdfmake does in one layout pass: a block kept with the
 * next becomes part of an unbreakable stack with the line after it
 * (keepHeadingsWithNext), and a block whose last lines stay with what follows
 * (the body's end before the 落款) gives exactly those lines to one
 * unbreakable stack with the blocks kept after it.
 */
export function planContent(plan: LayoutPlan, setter: Setter): Content[] {
  const outline = createOutline();
  let keeps = 0;
  const context = { setter, outline, keepId: () => `zj-keep-${++keeps}` };
  const out: Content[] = [];
  const blocks = plan.blocks;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const nodes = setBlock(block, context);
    const lastLines = block.keep.lastLines;
    if (lastLines === undefined) {
      out.push(...nodes);
      continue;
    }
    // The blocks that stay with this one: each kept with the next, and the one after the last of them.
    let end = i + 1;
    while (end < blocks.length) if (!blocks[end++]!.keep.withNext) break;
    const after = blocks.slice(i + 1, end).flatMap((b) => setBlock(b, context));
    out.push(...nodes);
    // The last lines of this block only, as Word's widow control reads the DOCX (a one-line 特此报告。 goes alone),
    // counted back over plain lines (never into a table), then the kept blocks: one unbreakable stack.
    let from = out.length;
    const first = out.length - Math.min(lastLines, nodes.length);
    while (from > first && from > 0 && isLine(out[from - 1]!)) from--;
    // A heading in the stack is already kept with what follows, and a keep must not break inside it:
    // pdfmake keeps only the first page of an unbreakable block, so lines after such a break would vanish.
    out.push({ stack: [...out.splice(from).map(withoutKeep), ...after.map(withoutKeep)], unbreakable: true });
    i = end - 1;
  }
  return keepHeadingsWithNext(out, plan.profile.grid.linesPerPage);
}

/** A single set line (not a table, a figure or another composite node). */
function isLine(node: Content): boolean {
  return Array.isArray(node.text) && node.pageBreak === undefined;
}
