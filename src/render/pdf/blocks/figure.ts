import type { FigureBlock } from '../../../layout/plan/index.js';
import { mmToPt } from '../../../layout/profile.js';
import type { BlockHandler, Content } from './types.js';

/**
 * A figure drawn as vector graphics, centred. Its text stays text: the SVG's
 * font family (FIGURE_FONT) is one pdfmake does not know, so every label is
 * set in the `font` given here, the body role's first face, embedded like
 * the rest — pdftotext finds the labels. The figure is kept with its caption.
 */
export const figure: BlockHandler<FigureBlock> = (block, context) => {
  const { setter } = context;
  const node: Content = {
    svg: block.svg,
    width: mmToPt(block.widthMm),
    height: mmToPt(block.heightMm),
    alignment: 'center',
    font: setter.setup('body').faces[0]!.family,
  };
  if (!block.keep.withNext) return [node];
  const id = context.keepId();
  return [{ ...node, id, headlineLevel: id }];
};
