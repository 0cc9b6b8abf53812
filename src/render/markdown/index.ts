import { attachmentLabel, attachmentNote, type Block, type Heading, type Paragraph, type Report, type Table } from '../../model/index.js';

/**
 * The document model as Markdown, for preview, diffs and tests.
 *
 * Text is written as it is: "第#1小学 <A&B> {{x}}" appears literally. Only a
 * paragraph whose first characters Markdown would read as structure
 * ("# ", "- ", "1. ", "> ") gets a backslash, and a table cell's "|" is
 * escaped, so the preview keeps the model's structure.
 */
export function renderMarkdown(report: Report): string {
  const out: string[] = [`# ${report.title}`];
  if (report.subtitle) out.push(`**${report.subtitle}**`);
  for (const block of report.body) out.push(HANDLERS[block.type](block as never));
  const note = attachmentNote(report);
  if (note.length) out.push(note.map(escapeLineStart).join('  \n'));
  if (report.signature) out.push(`<div align="right">\n\n${escapeLineStart(report.signature.issuer)}  \n${report.signature.date}\n\n</div>`);
  for (const attachment of report.attachments) {
    out.push('---', `**${attachmentLabel(report, attachment)}**`, `## ${attachment.title}`);
    for (const block of attachment.blocks) out.push(HANDLERS[block.type](block as never));
  }
  return out.join('\n\n') + '\n';
}

const HEADING_MARKS = { 1: '##', 2: '###', 3: '####', 4: '#####' } as const;

const HANDLERS: { [K in Block['type']]: (block: Extract<Block, { type: K }>) => string } = {
  heading: (h: Heading) => `${HEADING_MARKS[h.level]} ${h.number}${h.text}${h.runIn ? `\n\n${escapeLineStart(h.runIn)}` : ''}`,
  paragraph: (p: Paragraph) => escapeLineStart(p.text),
  table: (t: Table) => {
    const row = (cells: string[]) => `| ${cells.map((c) => c.replace(/\|/g, '\\|').replace(/\n/g, ' ')).join(' | ')} |`;
    const rule = `| ${t.columns.map((c) => (c.align === 'right' ? '---:' : c.align === 'center' ? ':---:' : '---')).join(' | ')} |`;
    const lines = [row(t.columns.map((c) => c.title)), rule, ...t.rows.map(row)];
    if (t.footer) lines.push(row(t.footer.map((c, i) => (i === 0 ? `**${c}**` : c))));
    const head = [t.caption ? `**${t.caption}**` : '', t.unit ?? ''].filter(Boolean).join('  \n');
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
 * A backslash before what Markdown would read as a block marker at a line's
 * start. It goes before punctuation only ("\---", "1\. 一"): a backslash
 * before a digit or a space would print.
 */
function escapeLineStart(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      if (/^\s{4}/.test(line)) return `\\${line}`;
      return line.replace(BLOCK_START, (_, spaces: string, digits: string | undefined, marker: string | undefined) =>
        digits === undefined ? `${spaces}\\${marker}` : `${spaces}${digits}\\`,
      );
    })
    .join('  \n');
}
