/**
 * A PDF's text with positions, from `pdftotext -bbox-layout`, and the page
 * grid measured from it the way a reader sees it: body lines, line pitch,
 * left edges, lines ending flush right, characters on a full line, and the
 * page number under the text block, all against the layout profile's text
 * block. Used on our PDFs and on LibreOffice's PDFs of our DOCX alike.
 *
 * Coordinates are PDF points from the top-left corner of the page.
 */
import { mmToPt, type LayoutProfile } from '../../src/layout/profile.js';
import { runOnFile } from './tools.js';

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PdfWord extends Box {
  text: string;
}

export interface PdfLine extends Box {
  /** The words run together (CJK text has no spaces between words). */
  text: string;
  words: PdfWord[];
}

export interface PdfPage {
  /** 1-based. */
  number: number;
  width: number;
  height: number;
  /** Lines in pdftotext's reading order (flows, blocks, lines). */
  lines: PdfLine[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e] ?? whole;
  });
}

function box(attrs: string): Box {
  const num = (name: string) => Number(new RegExp(`${name}="([^"]+)"`).exec(attrs)?.[1]);
  return { x0: num('xMin'), y0: num('yMin'), x1: num('xMax'), y1: num('yMax') };
}

/** Parses the XHTML that `pdftotext -bbox-layout` writes. */
export function parseBboxLayout(xhtml: string): PdfPage[] {
  const pages: PdfPage[] = [];
  const pageRe = /<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g;
  for (const [, width, height, body] of xhtml.matchAll(pageRe)) {
    const lines: PdfLine[] = [];
    for (const [, lineAttrs, lineBody] of body!.matchAll(/<line ([^>]*)>([\s\S]*?)<\/line>/g)) {
      const words = [...lineBody!.matchAll(/<word ([^>]*)>([\s\S]*?)<\/word>/g)].map(([, a, t]) => ({ ...box(a!), text: decode(t!) }));
      lines.push({ ...box(lineAttrs!), words, text: words.map((w) => w.text).join('') });
    }
    pages.push({ number: pages.length + 1, width: Number(width), height: Number(height), lines });
  }
  return pages;
}

/** The pages of a PDF with their lines and words. */
export function pdfLayout(pdf: Uint8Array): PdfPage[] {
  return parseBboxLayout(runOnFile(pdf, 'pdf', 'pdftotext', (f) => ['-bbox-layout', '-enc', 'UTF-8', f, '-']));
}

/**
 * Lines on one baseline merged into one row (LibreOffice may split a line
 * into fragments; a table row is several cells), sorted top to bottom, the
 * fragments left to right.
 */
export function rowsOf(lines: PdfLine[], tolerance = 3): PdfLine[] {
  const rows: PdfLine[] = [];
  for (const line of [...lines].sort((a, b) => a.y1 - b.y1 || a.x0 - b.x0)) {
    const row = rows.at(-1);
    if (row && Math.abs(row.y1 - line.y1) < tolerance) {
      row.words.push(...line.words);
      row.words.sort((a, b) => a.x0 - b.x0);
      row.x0 = Math.min(row.x0, line.x0);
      row.x1 = Math.max(row.x1, line.x1);
      row.y0 = Math.min(row.y0, line.y0);
      row.text = row.words.map((w) => w.text).join('');
    } else {
      rows.push({ ...line, words: [...line.words] });
    }
  }
  return rows;
}

export interface PageGrid {
  page: number;
  widthMm: number;
  heightMm: number;
  /** Rows inside the text block, top to bottom. */
  rows: PdfLine[];
  /** Median distance between successive baselines, pt. */
  pitch: number | undefined;
  /** Each row's left edge, relative to the left margin, pt. */
  indents: number[];
  /** Rows whose right edge is within 1.5 pt of the text block's. */
  flushRight: PdfLine[];
  /**
   * Characters on each full line of Chinese text (flush right, nothing but
   * wide characters), an indent of about two characters counted as two.
   */
  fullLineChars: number[];
  /** The text below the text block (the page number), if any. */
  footer?: {
    text: string;
    box: Box;
    side: 'left' | 'right' | 'center';
    /** From the bottom of the text block to the top of the footer text, mm. */
    gapMm: number;
    /** From the text block's nearer side edge to the footer text, pt. */
    insetPt: number;
  };
}

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1]! + s[mid]!) / 2;
}

/** Measures each page's grid against the profile's text block. */
export function measureGrid(pages: PdfPage[], profile: LayoutProfile): PageGrid[] {
  const { page: p } = profile;
  return pages.map((page) => {
    const left = mmToPt(p.marginLeftMm);
    const right = page.width - mmToPt(p.marginRightMm);
    const bottom = page.height - mmToPt(p.marginBottomMm);
    const below = page.lines.filter((l) => l.y0 >= bottom - 2);
    const rows = rowsOf(page.lines.filter((l) => l.y0 < bottom - 2));
    const pitches = rows.slice(1).map((r, i) => r.y1 - rows[i]!.y1);
    const flushRight = rows.filter((r) => Math.abs(r.x1 - right) <= 1.5);
    const charPt = (right - left) / profile.grid.charsPerLine;
    const fullLineChars = flushRight
      .filter((r) => r.text.length > 0 && [...r.text].every((ch) => ch.codePointAt(0)! > 0x2000))
      .map((r) => [...r.text].length + Math.round((r.x0 - left) / charPt));
    const grid: PageGrid = {
      page: page.number,
      widthMm: page.width / mmToPt(1),
      heightMm: page.height / mmToPt(1),
      rows,
      pitch: median(pitches),
      indents: rows.map((r) => r.x0 - left),
      flushRight,
      fullLineChars,
    };
    if (below.length > 0) {
      const fb: Box = {
        x0: Math.min(...below.map((l) => l.x0)),
        y0: Math.min(...below.map((l) => l.y0)),
        x1: Math.max(...below.map((l) => l.x1)),
        y1: Math.max(...below.map((l) => l.y1)),
      };
      const centre = (fb.x0 + fb.x1) / 2;
      const side = Math.abs(centre - page.width / 2) < 10 ? 'center' : right - fb.x1 < fb.x0 - left ? 'right' : 'left';
      grid.footer = {
        text: below.map((l) => l.words.map((w) => w.text).join(' ')).join(' '),
        box: fb,
        side,
        gapMm: (fb.y0 - bottom) / mmToPt(1),
        insetPt: side === 'right' ? right - fb.x1 : fb.x0 - left,
      };
    }
    return grid;
  });
}

/**
 * The body text of a document in reading order, page numbers left out:
 * what a reader reads, for "same text" checks.
 */
export function bodyText(pages: PdfPage[], profile: LayoutProfile): string {
  const bottom = (page: PdfPage) => page.height - mmToPt(profile.page.marginBottomMm) - 2;
  return pages.map((page) => page.lines.filter((l) => l.y0 < bottom(page)).map((l) => l.text).join('\n')).join('\n');
}

/** Text with all white space removed, for comparing text across line breaks. */
export function squeeze(text: string): string {
  return text.replace(/\s+/g, '');
}

/**
 * Checks that each expected line occurs in `text`, in order (white space
 * ignored). Returns the lines that were not found where expected; an empty
 * list means all were.
 *
 * pdftotext may read the cells of a table row out of order (a centred cell
 * after the numbers). With `cells`, a line not found whole passes when each of
 * its space-separated cells occurs after the previous match; the search then
 * goes on from the first of them.
 */
export function missingInOrder(text: string, expected: string[], options: { cells?: boolean } = {}): string[] {
  const haystack = squeeze(text);
  const missing: string[] = [];
  let at = 0;
  for (const line of expected) {
    const needle = squeeze(line);
    if (!needle) continue;
    const found = haystack.indexOf(needle, at);
    if (found >= 0) {
      at = found + needle.length;
      continue;
    }
    const cells = options.cells ? line.split(/\s+/).filter(Boolean) : [];
    const starts = cells.map((cell) => haystack.indexOf(cell, at));
    if (cells.length > 1 && starts.every((s) => s >= 0)) at = Math.min(...starts);
    else missing.push(line);
  }
  return missing;
}
