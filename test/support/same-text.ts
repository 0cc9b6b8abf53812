/**
 * "Same text" across renderers, with `renderLines(report)` as the reference.
 * Normalising means: whitespace squeezed out (line breaks, justification
 * spaces and cell padding are layout, not text), and, per format, only what
 * that renderer adds by design taken away — PDF page numbers and table header
 * rows repeated on a new page; Markdown's block marks and escapes.
 */
import { planReport, type TableBlock } from '../../src/layout/plan/index.js';
import type { Report } from '../../src/model/index.js';
import { renderLines } from '../../src/render/text/index.js';

export const squeeze = (text: string) => text.replace(/\s+/g, '');

/** The reference: the report's printed lines, run together, whitespace out. */
export function modelText(report: Report, drop: ReadonlySet<string> = new Set()): string {
  return strip(squeeze(renderLines(report).join('')), drop);
}

/** Characters removed from a text (glyphs no font has do not come back out of a PDF). */
function strip(text: string, drop: ReadonlySet<string>): string {
  return drop.size === 0 ? text : [...text].filter((ch) => !drop.has(ch)).join('');
}

const PAGE_NUMBER = /— *\d+ *—/g;

/**
 * Where the PDF's text (pdftotext -raw) stops following the report's lines,
 * or undefined when it says exactly them, in order, with nothing added but
 * page numbers and repeated table headers. `drop`: characters the PDF drew as
 * an empty box (a missing-glyph warning), which carry no text.
 */
export function pdfTextMismatch(raw: string, report: Report, drop: ReadonlySet<string> = new Set()): string | undefined {
  const body = strip(squeeze(raw.replace(PAGE_NUMBER, '')), drop);
  // The plan's tables: a chart set as a table of its data repeats its header too.
  const tables = planReport(report).blocks.filter((b): b is TableBlock => b.kind === 'table');
  const headers = tables.map((t) => squeeze(t.rows[0]!.cells.map((c) => c.text).join('')));
  let at = 0;
  for (const line of renderLines(report)) {
    const want = strip(squeeze(line), drop);
    if (!body.startsWith(want, at)) {
      const header = headers.find((h) => h && body.startsWith(h, at) && h !== want);
      if (header) at += header.length;
    }
    if (!body.startsWith(want, at)) return `expected "${want.slice(0, 60)}" where the PDF says "${body.slice(at, at + 60)}"`;
    at += want.length;
  }
  return at === body.length ? undefined : `the PDF goes on: "${body.slice(at, at + 60)}"`;
}

const TABLE_RULE = /^\|( *:?-+:? *\|)+$/;

/** Markdown as a reader sees its text: each backslash escape (CommonMark: before ASCII punctuation) taken off. */
export function unescapeMarkdown(md: string): string {
  return md.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/**
 * The text of renderMarkdown's output with its own marks taken away: heading
 * marks, the escape backslash it puts before a line that would read as
 * structure, table pipes and rules, the attachment rule, the signature's
 * <div>, every backslash escape, and `*` (bold marks; user text's asterisks
 * go with them on both sides).
 */
export function markdownText(md: string): string {
  const out: string[] = [];
  for (let line of md.split('\n')) {
    if (line === '---' || line === '<div align="right">' || line === '</div>' || TABLE_RULE.test(line)) continue;
    if (line.startsWith('| ') && line.endsWith(' |')) line = line.slice(2, -2).replace(/ \| /g, ' ');
    else line = line.replace(/^#{1,6} /, '');
    out.push(unescapeMarkdown(line));
  }
  return squeeze(out.join('\n')).replace(/\*/g, '');
}

/** The reference text in the form {@link markdownText} compares to. */
export function modelTextForMarkdown(report: Report): string {
  return modelText(report).replace(/\*/g, '');
}
