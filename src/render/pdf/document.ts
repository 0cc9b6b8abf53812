import { attachmentLabel, attachmentNote, type Attachment, type Report, type Signature } from '../../model/index.js';
import { createOutline, setBlock, type Content } from './blocks/index.js';
import { titleLines } from '../../layout/title.js';
import { keepHeadingsWithNext, withoutKeep } from './page.js';
import type { Setter } from './setter.js';
import { footprint } from './text/breaker.js';
import type { Item } from './text/items.js';

/**
 * The report's content in reading order, as pdfmake nodes: title, body,
 * attachment note, signature (落款), then each attachment on a new page.
 */
export function reportContent(report: Report, setter: Setter): Content[] {
  const outline = createOutline();
  const context = { setter, outline };
  const out: Content[] = [...title(setter, report.title, report.meta.author)];
  if (report.subtitle) out.push(...setter.paragraph(setter.items(report.subtitle, 'body'), { firstPt: 0, alignment: 'center' }));
  out.push(setter.blank());
  const bodyStart = out.length;
  for (const block of report.body) out.push(...setBlock(block, context));

  const closing: Content[] = [];
  const note = attachmentNote(report);
  if (note.length > 0) closing.push(setter.blank(), ...attachmentNoteLines(setter, note));
  if (report.signature) closing.push(setter.blank(), ...signature(setter, report.signature));
  if (closing.length > 0) {
    // The 落款 never stands alone at the top of a page: it stays with the
    // body's last two lines, as the DOCX keeps them with what follows.
    let from = out.length;
    while (from > Math.max(bodyStart, out.length - 2) && isLine(out[from - 1]!)) from--;
    // A heading in the stack is already kept with what follows, and keepWithNext
    // must not break inside it: pdfmake keeps only the first page of an
    // unbreakable block, so the lines after such a break would vanish.
    out.push({ stack: [...out.splice(from).map(withoutKeep), ...closing], unbreakable: true } as Content);
  }

  for (const attachment of report.attachments) {
    const label = attachmentLabel(report, attachment);
    const [first, ...rest] = attachmentPage(setter, label, attachment);
    out.push({ ...first, pageBreak: 'before', ...outline.entry(1, `${label} ${attachment.title}`) }, ...rest);
    for (const block of attachment.blocks) out.push(...setBlock(block, context));
  }
  return keepHeadingsWithNext(out, setter.profile.grid.linesPerPage);
}

/**
 * The title: 二号 heavy serif, centred. A long title breaks where the DOCX
 * breaks it (layout/title.ts: balanced lines, a trapezoid, never inside a
 * number or 《》), one centred line each.
 */
function title(setter: Setter, text: string, issuer?: string): Content[] {
  const capacity = Math.floor(setter.widthPt / setter.profile.roles.title.sizePt);
  return titleLines(text, capacity, issuer).flatMap((line) =>
    setter.paragraph(setter.items(line, 'title'), { firstPt: 0, alignment: 'center' }),
  );
}

/**
 * 附件说明 (GB/T 9704 §7.3.4): two characters in; with several attachments the
 * later numbers align under "1.", and a wrapped name aligns with its first character.
 */
function attachmentNoteLines(setter: Setter, note: string[]): Content[] {
  const indent = setter.profile.indentChars * setter.charPt;
  const prefix = width(setter.items('附件：', 'body'));
  return note.flatMap((line, i) => {
    const items = setter.items(line, 'body');
    const firstPt = i === 0 ? indent : indent + prefix;
    const number = /^(附件：)?(\d+\.\s*)?/.exec(line)![0];
    return setter.paragraph(items, { firstPt, restPt: firstPt + width(items.slice(0, [...number].length)) });
  });
}

/**
 * 落款 without a seal (GB/T 9704 §7.3.5.2): the issuer two characters in from
 * the right; the date on the next line starting two characters right of the
 * issuer's first character — unless the date is the longer, in which case
 * the date keeps two characters from the right and the issuer moves left.
 */
function signature(setter: Setter, sig: Signature): Content[] {
  const two = 2 * setter.charPt;
  const issuer = setter.items(sig.issuer, 'body');
  const date = setter.items(sig.date, 'body');
  const right = setter.widthPt - two;
  let issuerAt = right - width(issuer);
  let dateAt = issuerAt + two;
  if (dateAt + width(date) > right) {
    dateAt = right - width(date);
    issuerAt = dateAt - two;
  }
  return [
    ...setter.paragraph(issuer, { firstPt: Math.max(0, issuerAt) }),
    ...setter.paragraph(date, { firstPt: Math.max(0, dateAt) }),
  ];
}

/** An attachment's first lines: "附件1" in 黑体 flush left, a blank line, its title, a blank line. */
function attachmentPage(setter: Setter, label: string, attachment: Attachment): Content[] {
  return [
    ...setter.paragraph(setter.items(label, 'heading1'), { firstPt: 0 }),
    setter.blank(),
    ...title(setter, attachment.title),
    setter.blank(),
  ];
}

/** A single set line (not a table or other composite node). */
function isLine(node: Content): boolean {
  return typeof node === 'object' && node !== null && !('table' in node) && !('stack' in node);
}

function width(items: readonly Item[]): number {
  return items.reduce((sum, item) => sum + footprint(item), 0);
}
