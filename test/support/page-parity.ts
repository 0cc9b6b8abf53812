/**
 * Page parity: whether two PDFs of the same report break pages at the same
 * lines. We compare the first line of every page (the row nearest the top of
 * the text block, as pdftotext reads it) of our PDF with that of
 * LibreOffice's PDF of our DOCX, and the page counts.
 */
import type { LayoutProfile } from '../../src/layout/profile.js';
import { measureGrid, squeeze, type PdfPage } from './pdf-layout.js';

export interface PageMismatch {
  page: number;
  ours: string;
  theirs: string;
}

export interface Parity {
  pages: { ours: number; theirs: number };
  /** Pages (up to the shorter document's count) whose first lines are the same. */
  matching: number;
  mismatches: PageMismatch[];
}

/** Each page's first line of text in the text block, white space removed ('' for an empty page). */
export function firstLines(pages: PdfPage[], profile: LayoutProfile): string[] {
  return measureGrid(pages, profile).map((grid) => squeeze(grid.rows[0]?.text ?? ''));
}

export function compareFirstLines(ours: string[], theirs: string[]): Parity {
  const mismatches: PageMismatch[] = [];
  const common = Math.min(ours.length, theirs.length);
  for (let i = 0; i < common; i++) {
    if (ours[i] !== theirs[i]) mismatches.push({ page: i + 1, ours: ours[i]!, theirs: theirs[i]! });
  }
  return { pages: { ours: ours.length, theirs: theirs.length }, matching: common - mismatches.length, mismatches };
}

/** One line a document: "name: 7/9 pages match (9 vs 9) — p4 ours «…» LibreOffice «…»". */
export function describeParity(name: string, parity: Parity): string {
  const { ours, theirs } = parity.pages;
  const detail = parity.mismatches.map((m) => `p${m.page} ours «${m.ours.slice(0, 16)}» LibreOffice «${m.theirs.slice(0, 16)}»`);
  return `${name}: ${parity.matching}/${Math.max(ours, theirs)} pages match (${ours} vs ${theirs} pages)${detail.length ? ' — ' + detail.join('; ') : ''}`;
}
