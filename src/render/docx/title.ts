import type { Paragraph } from 'docx';
import type { TitleBlock } from '../../layout/plan/index.js';
import type { DocxContext } from './context.js';
import { textRun } from './run.js';
import { styledParagraph } from './shared.js';
import { STYLE } from './styles.js';

/** A title paragraph: the plan's balanced lines joined by line breaks, centred by its style. */
export function title(block: TitleBlock, ctx: DocxContext): Paragraph[] {
  const style = block.style === 'title' ? STYLE.title : STYLE.attachmentTitle;
  const spacing = block.space.after ? { spacing: { after: block.space.after * ctx.linePitch } } : {};
  return [
    styledParagraph(
      ctx,
      { style, widowControl: false, ...spacing },
      block.lines.map((line, i) => textRun(ctx, block.role, line, { break: i > 0 ? 1 : 0 })),
    ),
  ];
}
