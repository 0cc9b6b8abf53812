import type { Paragraph } from 'docx';
import { attachmentNote, type Report, type Signature } from '../../model/index.js';
import { chars, type DocxContext } from './context.js';
import { emWidth } from '../../layout/measure.js';
import { textRun } from './run.js';
import { styledParagraph } from './shared.js';
import { NO_INDENT, STYLE } from './styles.js';

/**
 * 附件说明 (GB/T 9704 §7.3.4): one blank line below the body, two characters
 * in, "附件：" then the names; further names and wrapped lines line up under
 * the first name.
 */
export function attachmentNoteParagraphs(report: Report, ctx: DocxContext): Paragraph[] {
  const lines = attachmentNote(report);
  const first = lines[0];
  if (!first) return [];
  const indent = ctx.profile.indentChars;
  const hang = emWidth(first.slice(0, first.indexOf('：') + 1));
  return lines.map(
    (line, i) =>
      styledParagraph(
        ctx,
        {
          style: STYLE.note,
          widowControl: false,
          keepNext: report.signature !== undefined || i < lines.length - 1,
          spacing: { before: i === 0 ? ctx.linePitch : 0 },
          indent:
            i === 0
              ? { left: chars(ctx, indent + hang), hanging: chars(ctx, hang), firstLineChars: 0 }
              : { ...NO_INDENT, left: chars(ctx, indent + hang) },
        },
        [textRun(ctx, 'body', line, { tight: true })],
      ),
  );
}

/**
 * 落款 without a seal (GB/T 9704 §7.3.5.2): the issuer one blank line below
 * the body (or the attachment note), two characters in from the right; the
 * date on the next line, its first character two to the right of the
 * issuer's. A date longer than that allows sits two characters in from the
 * right instead, and the issuer moves left to keep the two-character step.
 */
export function signatureParagraphs(signature: Signature, ctx: DocxContext): Paragraph[] {
  const step = ctx.profile.indentChars;
  const issuerWidth = emWidth(signature.issuer);
  const dateWidth = emWidth(signature.date);
  let issuerRight = step;
  let dateRight = issuerRight + issuerWidth - step - dateWidth;
  if (dateRight < step) {
    dateRight = step;
    issuerRight = dateRight + dateWidth + step - issuerWidth;
  }
  const line = (text: string, right: number, before: number) =>
    styledParagraph(
      ctx,
      { style: STYLE.signature, widowControl: false, keepNext: before > 0, spacing: { before }, indent: { ...NO_INDENT, right: chars(ctx, right) } },
      [textRun(ctx, 'body', text, { tight: true })],
    );
  return [line(signature.issuer, issuerRight, ctx.linePitch), line(signature.date, dateRight, 0)];
}
