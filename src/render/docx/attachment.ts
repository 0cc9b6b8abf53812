import type { FileChild } from 'docx';
import { attachmentLabel, type Attachment, type Report } from '../../model/index.js';
import { renderBlocks } from './blocks.js';
import type { DocxContext } from './context.js';
import { titleParagraph } from './front.js';
import { textRun } from './run.js';
import { styledParagraph } from './shared.js';
import { STYLE } from './styles.js';

/**
 * An attachment on a new page (GB/T 9704 §8): "附件1" in 黑体 flush left on
 * the first line, its title centred on the third line in the title face, a
 * blank line, then its blocks.
 */
export function attachment(report: Report, item: Attachment, ctx: DocxContext): FileChild[] {
  const label = styledParagraph(
    ctx,
    { style: STYLE.attachmentLabel, widowControl: false, pageBreakBefore: true, spacing: { after: ctx.linePitch } },
    [textRun(ctx, 'heading1', attachmentLabel(report, item), { tight: true })],
  );
  return [label, titleParagraph(ctx, item.title, STYLE.attachmentTitle, ctx.linePitch), ...renderBlocks(item.blocks, ctx)];
}
