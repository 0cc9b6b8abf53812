import { attachmentLabel, attachmentNote, type Block, type Heading, type Paragraph, type Report, type Table } from '../../model/index.js';

/**
 * The document model as Markdown, for preview, diffs and tests.
 *
 * Text reads as it is written: "第#1小学 <A&B> {{x}}" appears literally in
 * any Markdown viewer, and nothing in it can change the structure. What
 * Markdown would read as markup gets a backslash: the start of a line that
 * would begin a block ("# ", "- ", "1. ", "> "), inline marks (* _ ` [ ] ~ \),
 * raw HTML ("<b>", "<!--") and entities ("&amp;"); a table cell's "|" too.
 * Where Markdown has one line (the title, a heading, a cell), a line break
 * in the text is a space.
 */
export function renderMarkdown(report: Report): string {
  const out: string[] = [`# ${oneLine(report.title)}`];
  if (report.subtitle) out.push(`**${oneLine(report.subtitle)}**`);
  for (const block of report.body) out.push(HANDLERS[block.type](block as never));
  const note = attachmentNote(report);
  if (note.length) out.push(note.map(escapeLineStart).join('  \n'));
  if (report.signature) out.push(`<div align="right">\n\n${escapeLineStart(report.signature.issuer)}  \n${escapeLineStart(report.signature.date)}\n\n</div>`);
  for (const attachment of report.attachments) {
    out.push('---', `**${oneLine(attachmentLabel(report, attachment))}**`, `## ${oneLine(attachment.title)}`);
    for (const block of attachment.blocks) out.push(HANDLERS[block.type](block as never));
  }
  return out.join('\n\n') + '\n';
}

const HEADING_MARKS = { 1: '##', 2: '###', 3: '####', 4: '#####' } as const;

const HANDLERS: { [K in Block['type']]: (block: Extract<Block, { type: K }>) => string } = {
  heading: (h: Heading) => `${HEADING_MARKS[h.level]} ${oneLine(`${h.number}${h.text}`)}${h.runIn ? `\n\n${escapeLineStart(h.runIn)}` : ''}`,
  paragraph: (p: Paragraph) => escapeLineStart(p.text),
  table: (t: Table) => {
    const cell = (text: string) => oneLine(text).replace(/\|/g, '\\|');
    const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
    const rule = `| ${t.columns.map((c) => (c.align === 'right' ? '---:' : c.align === 'center' ? ':---:' : '---')).join(' | ')} |`;
    const lines = [row(t.columns.map((c) => cell(c.title))), rule, ...t.rows.map((r) => row(r.map(cell)))];
    if (t.footer) lines.push(row(t.footer.map((c, i) => (i === 0 ? `**${cell(c)}**` : cell(c)))));
    const head = [t.caption ? `**${oneLine(t.caption)}**` : '', t.unit ? oneLine(t.unit) : ''].filter(Boolean).join('  \n');
    return [head, lines.join('\n')].filter(Boolean).join('\n\n');
  },
};

/**
 * What CommonMark would read as the start of a block (after up to three
 * spaces): an ATX heading, a list item, a quote, a code fence, a thematic
 * break or setext underline ("---", "==="), an HTML block; and a GFM table
 * row. The marker is the first character after the spaces, except an ordered
 * list's, where the "." or ")" after the digits is the punctuation to escape.
 */
const BLOCK_START = /^( {0,3})(?:(\d{1,9})(?=[.)](?:\s|$))|(#{1,6}(?=\s|$)|[-+*](?=\s|$)|>|`{3}|~{3}|[-*_=](?=[-*_= ]*$)|<(?=[A-Za-z/!?])|\|))/;

/**
 * Inline markup as literal text: emphasis, code, links and images,
 * strikethrough, backslashes, raw HTML (a "<" that could open a tag,
 * comment or declaration) and character references ("&amp;", "&#65;").
 * A backslash before ASCII punctuation is how CommonMark prints it as is.
 */
function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]~]|<(?=[A-Za-z/!?])|&(?=#?[A-Za-z0-9]+;)/g, '\\$&');
}

/** Text for a place Markdown keeps on one line (the title, a heading, a table cell). */
function oneLine(text: string): string {
  const line = escapeInline(text.replace(/\s*\n\s*/g, ' '));
  // A "#" run at the end of a heading would be read as its closing sequence.
  return line.replace(/#/g, '\\#');
}

/**
 * A backslash before what Markdown would read as a block marker at a line's
 * start. It goes before punctuation only ("\---", "1\. 一"): a backslash
 * before a digit or a space would print.
 */
function escapeLineStart(text: string): string {
  return escapeInline(text)
    .split('\n')
    .map((line) => {
      if (/^\s{4}/.test(line)) return `\\${line}`;
      return line.replace(BLOCK_START, (_, spaces: string, digits: string | undefined, marker: string | undefined) =>
        digits === undefined ? `${spaces}\\${marker}` : `${spaces}${digits}\\`,
      );
    })
    .join('  \n');
}
