import type { Paragraph } from 'docx';
import type { Report } from '../../model/index.js';
import { role, type DocxContext } from './context.js';
import { textRun } from './run.js';
import { styledParagraph } from './shared.js';
import { STYLE } from './styles.js';
import { titleLines } from '../../layout/title.js';

/**
 * A title paragraph: a long title broken into balanced lines (a trapezoid),
 * each line no wider than the text block at the title size.
 */
export function titleParagraph(ctx: DocxContext, text: string, style: string, after: number, issuer?: string): Paragraph {
  const capacity = Math.floor(ctx.textWidth / 20 / role(ctx, 'title').sizePt);
  const lines = titleLines(text, capacity, issuer);
  return styledParagraph(
    ctx,
    { style, widowControl: false, spacing: { after } },
    lines.map((line, i) => textRun(ctx, 'title', line, { break: i > 0 ? 1 : 0 })),
  );
}

/** Title (and subtitle), then one blank grid line before the body. */
export function front(report: Report, ctx: DocxContext): Paragraph[] {
  const out = [titleParagraph(ctx, report.title, STYLE.title, report.subtitle ? 0 : ctx.linePitch, report.meta.author)];
  if (report.subtitle) {
    out.push(
      styledParagraph(ctx, { style: STYLE.subtitle, widowControl: false, spacing: { after: ctx.linePitch } }, [
        textRun(ctx, 'heading2', report.subtitle, { tight: true }),
      ]),
    );
  }
  return out;
}
