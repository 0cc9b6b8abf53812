import type { Paragraph } from 'docx';
import type { Heading } from '../../model/index.js';
import type { DocxContext } from './context.js';
import { textRun } from './run.js';
import { styledParagraph } from './shared.js';
import { STYLE } from './styles.js';

/**
 * A heading with its literal, computed number (never Word list numbering, so
 * DOCX and PDF say the same). Levels 3 and 4 may run in: the heading in its
 * role font, then the paragraph text in the body font, one paragraph.
 */
export function heading(block: Heading, ctx: DocxContext): Paragraph[] {
  const children = [textRun(ctx, `heading${block.level}`, block.number + block.text, { tight: true })];
  if (block.runIn) children.push(textRun(ctx, 'body', block.runIn, { tight: true }));
  return [styledParagraph(ctx, { style: STYLE.heading[block.level - 1], widowControl: false, keepNext: ctx.keepWithNext }, children)];
}
