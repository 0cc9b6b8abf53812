import { beforeAll, describe, expect, it } from 'vitest';
import { GBT9704, charPitchPt, mmToPt } from '../../src/layout/profile.js';
import { renderPdf } from '../../src/render/pdf/index.js';
import { runningReport } from '../fixtures/sample-report.js';
import { defaultFonts, hasDefaultFonts } from '../support/pdf-fonts.js';
import { measureGrid, pdfLayout, type PageGrid } from '../support/pdf-layout.js';
import { requireCommands } from '../support/tools.js';

const ok = hasDefaultFonts('PDF page grid') && requireCommands('PDF page grid', 'pdftotext');

const profile = GBT9704;
const INDENT = 2 * charPitchPt(profile); // 31.6 pt
const PITCH = 28.95;

/** A page of running body text: 22 rows, each flush left or two characters in (no title, table or signature). */
const isBodyPage = (g: PageGrid) => g.rows.length === 22 && g.indents.every((x) => Math.abs(x) < 0.5 || Math.abs(x - INDENT) < 0.5);

describe.skipIf(!ok)('the PDF page grid (pdftotext -bbox-layout)', () => {
  let grids: PageGrid[];
  let rightEdge: number;
  const leftEdge = mmToPt(profile.page.marginLeftMm);
  beforeAll(async () => {
    const pdf = await renderPdf(runningReport, { fonts: await defaultFonts() });
    const pages = pdfLayout(pdf);
    grids = measureGrid(pages, profile);
    rightEdge = pages[0]!.width - mmToPt(profile.page.marginRightMm);
  });

  it('has full body pages of 22 lines at a 28.95 pt pitch', () => {
    const body = grids.filter(isBodyPage);
    expect(body.length).toBeGreaterThan(0);
    for (const g of body) {
      expect(g.pitch!).toBeCloseTo(PITCH, 1);
      // Baselines are exact; pdftotext boxes differ by each font's descent (黑体, 楷体 lines) by < 0.6 pt.
      g.rows.slice(1).forEach((r, i) => expect(Math.abs(r.y1 - g.rows[i]!.y1 - PITCH)).toBeLessThan(0.6));
    }
  });

  it('starts body paragraphs and headings two characters in, wrapped lines flush left', () => {
    for (const g of grids.filter(isBodyPage)) {
      expect(g.indents.some((x) => Math.abs(x - INDENT) < 0.1)).toBe(true);
      expect(g.indents.some((x) => Math.abs(x) < 0.1)).toBe(true);
    }
  });

  it('ends every line but a paragraph’s last within 1.5 pt of the right edge', () => {
    const body = grids.filter(isBodyPage);
    for (const g of body) {
      const next = grids[g.page]; // the following page, if any
      g.rows.forEach((row, i) => {
        const following = g.rows[i + 1] ?? next?.rows[0];
        const paragraphEnds = !following || Math.abs(following.x0 - leftEdge) > 0.5;
        const gap = rightEdge - row.x1;
        if (!paragraphEnds) expect(Math.abs(gap), row.text).toBeLessThan(1.5);
        else expect(gap, row.text).toBeGreaterThan(-1.5);
      });
    }
  });

  it('puts "— N —" 7 mm below the text block, odd pages right and even pages left, one character in', () => {
    for (const g of grids) {
      expect(g.footer?.text.replace(/\s/g, '')).toBe(`—${g.page}—`);
      expect(g.footer!.side).toBe(g.page % 2 === 1 ? 'right' : 'left');
      expect(g.footer!.gapMm).toBeCloseTo(profile.footer.distanceBelowTextMm, 0);
      expect(g.footer!.insetPt).toBeCloseTo(profile.footer.indentChars * charPitchPt(profile), 0);
    }
  });

  it('sets 28 characters on every full line of Chinese text, and most lines end flush right', () => {
    const body = grids.filter(isBodyPage);
    for (const g of body) {
      expect(g.flushRight.length, `page ${g.page}`).toBeGreaterThan(10);
      expect(new Set(g.fullLineChars), `page ${g.page}`).toEqual(new Set([profile.grid.charsPerLine]));
    }
  });
});
