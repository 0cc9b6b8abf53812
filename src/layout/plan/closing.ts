import { attachmentNote, type Report, type Signature } from '../../model/index.js';
import { emWidth } from '../measure.js';
import type { PlanContext } from './context.js';
import type { TextBlock } from './types.js';

/**
 * 附件说明 (GB/T 9704 §7.3.4): one blank line below the body, two characters
 * in, "附件：" then the names; later numbers line up under the first name,
 * and a wrapped name under its own first character.
 */
export function planAttachmentNote(report: Report, ctx: PlanContext): TextBlock[] {
  const lines = attachmentNote(report);
  const first = lines[0];
  if (!first) return [];
  const indent = ctx.profile.indentChars;
  const hang = emWidth('附件：');
  return lines.map((line, i) => {
    const at = i === 0 ? indent : indent + hang;
    const number = /^(附件：)?(\d+\.\s*)?/.exec(line)![0];
    return ctx.text('note', [{ text: line, role: 'body' }], {
      align: 'left',
      indent: { first: at, rest: at + emWidth(number) },
      space: { before: i === 0 ? 1 : 0 },
      keep: { withNext: Boolean(report.signature) || i < lines.length - 1 },
    });
  });
}

/**
 * 落款 without a seal (GB/T 9704 §7.3.5.2): the issuer one blank line below
 * the body (or the attachment note), two characters in from the right; the
 * date on the next line, its first character two characters right of the
 * issuer's. A date longer than that allows keeps two characters from the
 * right, and the issuer moves left to keep the two-character step.
 */
export function planSignature(signature: Signature, ctx: PlanContext): TextBlock[] {
  const step = ctx.profile.indentChars;
  const issuerWidth = emWidth(signature.issuer);
  const dateWidth = emWidth(signature.date);
  let issuerRight = step;
  let dateRight = issuerRight + issuerWidth - step - dateWidth;
  if (dateRight < step) {
    dateRight = step;
    issuerRight = dateRight + dateWidth + step - issuerWidth;
  }
  // The issuer is set from the right; the date from the left, as its first character is what the rule
  // places — unless it is the longer, when it keeps two characters from the right.
  const chars = ctx.profile.grid.charsPerLine;
  const dateAnchoredRight = dateRight === step;
  const issuer = ctx.text('signature', [{ text: signature.issuer, role: 'body' }], {
    align: 'right',
    indent: { first: 0, rest: 0, right: issuerRight },
    space: { before: 1 },
    keep: { withNext: true },
  });
  const date = ctx.text('signature', [{ text: signature.date, role: 'body' }], dateAnchoredRight
    ? { align: 'right', indent: { first: 0, rest: 0, right: dateRight } }
    : { align: 'left', indent: { first: Math.max(0, chars - dateRight - dateWidth), rest: 0 } });
  return [issuer, date];
}
