/**
 * Reading our PDFs back with qpdf and poppler, for the PDF renderer's tests.
 * (General runners and pdftotext -bbox parsing live in tools.ts and pdf-layout.ts.)
 */
import { runOnFile } from './tools.js';

/** `qpdf --check`: exit status and output. */
export function qpdfCheck(pdf: Uint8Array): { ok: boolean; output: string } {
  let output = '';
  let ok = true;
  try {
    output = runOnFile(pdf, 'pdf', 'qpdf', (f) => ['--check', f]);
  } catch (error) {
    ok = false;
    output = String((error as { stdout?: string }).stdout ?? error);
  }
  return { ok, output };
}

export interface PdfFontRow {
  name: string;
  type: string;
  embedded: boolean;
  subset: boolean;
  unicode: boolean;
}

/** The fonts `pdffonts` lists. */
export function pdfFonts(pdf: Uint8Array): PdfFontRow[] {
  const out = runOnFile(pdf, 'pdf', 'pdffonts', (f) => [f]);
  return out
    .split('\n')
    .slice(2)
    .filter(Boolean)
    .map((line) => {
      // name, type (may contain spaces), encoding, emb, sub, uni, object, ID
      const cols = line.trim().split(/\s+/);
      const [emb, sub, uni] = cols.slice(-5, -2);
      return { name: cols[0]!, type: cols.slice(1, -6).join(' '), embedded: emb === 'yes', subset: sub === 'yes', unicode: uni === 'yes' };
    });
}

/** `pdfinfo` fields by name, dates as ISO (`-isodates`). */
export function pdfInfo(pdf: Uint8Array): Record<string, string> {
  const out = runOnFile(pdf, 'pdf', 'pdfinfo', (f) => ['-isodates', f]);
  return Object.fromEntries(out.split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]));
}

/** The PDF's text in content-stream order (`pdftotext -raw`): the order we wrote it, table cells row by row. */
export function pdfRawText(pdf: Uint8Array, pages?: { first: number; last: number }): string {
  const range = pages ? ['-f', String(pages.first), '-l', String(pages.last)] : [];
  return runOnFile(pdf, 'pdf', 'pdftotext', (f) => ['-raw', '-enc', 'UTF-8', ...range, f, '-']);
}

export interface OutlineItem {
  title: string;
  page: number;
  kids: OutlineItem[];
}

/** The bookmarks, from `qpdf --json`. */
export function pdfOutline(pdf: Uint8Array): OutlineItem[] {
  const json = JSON.parse(runOnFile(pdf, 'pdf', 'qpdf', (f) => ['--json', '--json-key=outlines', f])) as { outlines: RawOutline[] };
  const walk = (items: RawOutline[]): OutlineItem[] => items.map((i) => ({ title: i.title, page: i.destpageposfrom1, kids: walk(i.kids) }));
  return walk(json.outlines);
}

interface RawOutline {
  title: string;
  destpageposfrom1: number;
  kids: RawOutline[];
}
