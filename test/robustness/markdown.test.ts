/**
 * The README promises that user text cannot change a document's structure.
 * In Markdown that is checked with a real CommonMark parser (the reference
 * implementation): whatever a name, title, measure title or programme name
 * holds — a line break, "# ", "- ", raw HTML, an entity, emphasis marks — the
 * parsed document has exactly the blocks the model has, no HTML node, and
 * each text reads back as written (line breaks in a one-line place as spaces).
 */
import { Parser, type Node } from 'commonmark';
import { describe, expect, it } from 'vitest';
import { composeReport, renderMarkdown, type Report } from '../../src/index.js';
import { FULL_STATS } from '../support/schema-fields.js';

const HOSTILE = '甲\n# 乙\n- 丙\n1. 丁 <b>粗</b><!-- 注 --> &amp; &#65; *斜* _下_ `码` [链](javascript:x) ~~删~~ \\ 尾 ##';

/** Every node of a parsed document, depth first. */
function nodes(root: Node): Node[] {
  const out: Node[] = [];
  const walker = root.walker();
  for (let event = walker.next(); event; event = walker.next()) if (event.entering) out.push(event.node);
  return out;
}

/** The text a reader sees in a block: its text and code nodes, soft and hard breaks as line breaks. */
function textOf(block: Node): string {
  return nodes(block)
    .map((n) => (n.type === 'text' || n.type === 'code' ? n.literal : n.type === 'softbreak' || n.type === 'linebreak' ? '\n' : ''))
    .join('');
}

function hostileReport(): Report {
  const stats = {
    ...FULL_STATS,
    organisation: { ...FULL_STATS.organisation, name: HOSTILE },
    title: HOSTILE,
    measures: [{ title: HOSTILE, text: HOSTILE }],
    aid: FULL_STATS.aid.map((a, i) => (i === 0 ? { ...a, programme: 'custom', name: HOSTILE.slice(0, 50) } : a)),
  };
  return composeReport(stats).report;
}

describe('Markdown: user text never changes the structure', () => {
  const report = hostileReport();
  const md = renderMarkdown(report);
  const doc = new Parser().parse(md);
  const all = nodes(doc);

  it('has no raw HTML but the 落款 wrapper, no link, no emphasis, no code from user text', () => {
    const html = all.filter((n) => n.type === 'html_block' || n.type === 'html_inline').map((n) => n.literal!.trim());
    expect(html.every((h) => h === '<div align="right">' || h === '</div>'), html.join(' | ')).toBe(true);
    expect(all.filter((n) => ['link', 'image', 'emph', 'code', 'code_block', 'list', 'block_quote', 'thematic_break'].includes(n.type)).map((n) => n.type)).toEqual(
      // The attachments' rule is ours: one per attachment.
      report.attachments.map(() => 'thematic_break'),
    );
  });

  it('has exactly the model’s headings, each reading as its text with line breaks as spaces', () => {
    const headings = all.filter((n) => n.type === 'heading').map((n) => textOf(n));
    const flat = (s: string) => s.replace(/\s*\n\s*/g, ' ');
    const expected = [
      flat(report.title),
      ...report.body.flatMap((b) => (b.type === 'heading' ? [flat(`${b.number}${b.text}`)] : [])),
      ...report.attachments.flatMap((a) => [flat(a.title), ...a.blocks.flatMap((b) => (b.type === 'heading' ? [flat(`${b.number}${b.text}`)] : []))]),
    ];
    expect(headings).toEqual(expected);
    expect(headings).toContain(flat(HOSTILE));
  });

  it('prints paragraphs of user text as written (a line break in free text starts a new paragraph)', () => {
    const paragraphs = all.filter((n) => n.type === 'paragraph').map(textOf);
    for (const line of HOSTILE.split('\n')) expect(paragraphs).toContain(line);
  });

  it('keeps table cells in their cells', () => {
    // commonmark has no tables: each table line stays one paragraph line, pipes escaped.
    const row = md.split('\n').find((line) => line.startsWith('|') && line.includes('丁'));
    expect(row).toBeDefined();
    expect(row).not.toContain('\n');
  });
});
