import type { TextBlock } from '../../../layout/plan/index.js';
import type { BlockContext, BlockHandler, Content } from './types.js';

/**
 * A text block: its runs in their roles, broken and set on the grid, indented
 * and aligned as the plan says, with blank grid lines before and after. The
 * first line carries the bookmark and a page break; the lines of a block kept
 * with the next carry a mark that keepWithNext acts on (page.ts).
 */
export const text: BlockHandler<TextBlock> = (block, context) => {
  const { setter } = context;
  const items = block.runs.flatMap((run) => setter.items(run.text, run.role));
  const lines: Content[] = setter.paragraph(items, {
    firstPt: block.indent.first * setter.charPt,
    restPt: block.indent.rest * setter.charPt,
    rightPt: block.indent.right * setter.charPt,
    alignment: block.align,
  });
  const first: Content = { ...lines[0] };
  if (block.pageBreakBefore) first.pageBreak = 'before';
  if (block.outline) Object.assign(first, context.outline.entry(block.outline.level, block.outline.text));
  lines[0] = first;
  const marked = block.keep.withNext ? keepMarked(lines, (first.id as string | undefined) ?? context.keepId()) : lines;
  return [...blanks(context, block.space.before), ...marked, ...blanks(context, block.space.after)];
};

function keepMarked(lines: Content[], id: string): Content[] {
  return lines.map((line, i) => ({ ...line, ...(i === 0 ? { id } : {}), headlineLevel: id }));
}

export function blanks(context: BlockContext, n: number): Content[] {
  return Array.from({ length: n }, () => context.setter.blank());
}
