import type { Paragraph } from 'docx';
import type { Paragraph as ParagraphBlock } from '../../model/index.js';
import type { DocxContext } from './context.js';
import { textRun } from './run.js';
import { styledParagraph } from './shared.js';
import { STYLE } from './styles.js';

/** A body paragraph: justified, two characters in, on the grid (all from the Normal style). */
export function paragraph(block: ParagraphBlock, ctx: DocxContext): Paragraph[] {
  return [styledParagraph(ctx, { style: STYLE.body, widowControl: false, keepNext: ctx.keepWithNext }, [textRun(ctx, 'body', block.text, { tight: true })])];
}
