import type { TitleBlock } from '../../../layout/plan/index.js';
import { blanks } from './text.js';
import type { BlockHandler, Content } from './types.js';

/** A title: the plan's balanced lines, each centred in the title role; blank grid lines after. */
export const title: BlockHandler<TitleBlock> = (block, context) => {
  const { setter } = context;
  const lines: Content[] = block.lines.flatMap((line) => setter.paragraph(setter.items(line, block.role), { firstPt: 0, alignment: 'center' }));
  return [...blanks(context, block.space.before), ...lines, ...blanks(context, block.space.after)];
};
