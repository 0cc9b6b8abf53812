import { AlignmentType, ImageRun, LineRuleType, Paragraph, type FileChild } from 'docx';
import type { FigureBlock } from '../../layout/plan/index.js';
import { mmToPt } from '../../layout/profile.js';
import type { DocxContext } from './context.js';
import { STYLE } from './styles.js';

/** Pixels at Word's 96 dpi, the unit of an image's size in docx. */
const PX_PER_PT = 96 / 72;

/**
 * A figure as an SVG picture with a PNG fallback (Word before 2016 shows
 * the PNG), centred, kept with its caption. Its paragraph is off the grid at
 * single spacing: an exact line pitch would clip the picture to one line.
 */
export function figure(block: FigureBlock, ctx: DocxContext): FileChild[] {
  if (!ctx.rasterize) {
    throw new TypeError('renderDocx: a figure needs a PNG fallback for Word — pass options.rasterize (zongjie/node renders with one)');
  }
  const width = Math.round(mmToPt(block.widthMm) * PX_PER_PT);
  const height = Math.round(mmToPt(block.heightMm) * PX_PER_PT);
  const png = ctx.rasterize(block.svg, { widthPx: width * 2, heightPx: height * 2 });
  return [
    new Paragraph({
      style: STYLE.offGrid,
      alignment: AlignmentType.CENTER,
      indent: { firstLine: 0, firstLineChars: 0 },
      keepNext: block.keep.withNext,
      widowControl: false,
      spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
      children: [
        new ImageRun({
          type: 'svg',
          data: new TextEncoder().encode(block.svg),
          fallback: { type: 'png', data: png },
          transformation: { width, height },
          altText: { name: block.alt, description: block.alt, title: block.alt },
        }),
      ],
    }),
  ];
}
