import { planReport, type LayoutPlan, type PlacedBlock, type PlacedKind, type TextBlock, type TextStyle } from '../../layout/plan/index.js';
import type { Report } from '../../model/index.js';

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
  return planMarkdown(planReport(report));
}

/** A layout plan as Markdown. */
export function planMarkdown(plan: LayoutPlan): string {
  const chunks: Chunk[] = [];
  for (const block of plan.blocks) (handlers[block.kind] as Handler<PlacedKind>)(block as never, chunks);
  return chunks.map((c) => (c.close ? `${c.text}${c.close}` : c.text)).join('\n\n') + '\n';
}

/** A Markdown block; lines of a group (note, signature, caption and unit) join into one. */
interface Chunk {
  text: string;
  group?: TextStyle | 'caption+unit';
  close?: string;
}

type Handler<K extends PlacedKind> = (block: Extract<PlacedBlock, { kind: K }>, out: Chunk[]) => void;

const HEADING_MARKS = { heading1: '##', heading2: '###', heading3: '####', heading4: '#####' } as const;

/** One handler per kind of placed block. */
const handlers: { [K in PlacedKind]: Handler<K> } = {
  title: (block, out) => out.push({ text: `${block.style === 'title' ? '#' : '##'} ${oneLine(block.text)}` }),
  text: (block, out) => text(block, out),
  table: (block, out) => {
    const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
    const cell = (text: string) => oneLine(text).replace(/\|/g, '\\|');
    const [header, ...rows] = block.rows;
    const align = (i: number) => rows.find((r) => r.kind === 'body')?.cells[i]?.align ?? 'left';
    const rule = `| ${header!.cells.map((_, i) => (align(i) === 'right' ? '---:' : align(i) === 'center' ? ':---:' : '---')).join(' | ')} |`;
    const lines = [row(header!.cells.map((c) => cell(c.text))), rule, ...rows.map((r) => row(r.cells.map((c, i) => (r.kind === 'footer' && i === 0 ? `**${cell(c.text)}**` : cell(c.text)))))];
    const head = out.at(-1)?.group === 'caption+unit' ? out.pop()!.text : '';
    out.push({ text: [head, lines.join('\n')].filter(Boolean).join('\n\n') });
  },
  figure: (block, out) => {
    if (block.chart) out.push({ text: block.chart.bars.map((bar) => `${escapeLineStart(bar.label)}：${bar.text}${block.chart!.unit}`).join('  \n') });
  },
};

function text(block: TextBlock, out: Chunk[]): void {
  const [first, ...rest] = block.runs.map((r) => r.text);
  const content = first ?? '';
  const last = out.at(-1);
  switch (block.style) {
    case 'heading1':
    case 'heading2':
    case 'heading3':
    case 'heading4':
      out.push({ text: `${HEADING_MARKS[block.style]} ${oneLine(content)}${rest.length ? `\n\n${escapeLineStart(rest.join(''))}` : ''}` });
      return;
    case 'subtitle':
      out.push({ text: `**${oneLine(content)}**` });
      return;
    case 'caption':
      out.push({ text: `**${oneLine(content)}**`, group: 'caption+unit' });
      return;
    case 'unit':
      if (last?.group === 'caption+unit') last.text += `  \n${oneLine(content)}`;
      else out.push({ text: oneLine(content), group: 'caption+unit' });
      return;
    case 'note':
      if (last?.group === 'note') last.text += `  \n${escapeLineStart(content)}`;
      else out.push({ text: escapeLineStart(content), group: 'note' });
      return;
    case 'signature':
      if (last?.group === 'signature') last.text += `  \n${escapeLineStart(content)}`;
      else out.push({ text: `<div align="right">\n\n${escapeLineStart(content)}`, group: 'signature', close: '\n\n</div>' });
      return;
    case 'label':
      out.push({ text: '---' }, { text: `**${oneLine(content)}**` });
      return;
    case 'body':
      out.push({ text: escapeLineStart(content) });
  }
}

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
