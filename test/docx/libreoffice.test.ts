/**
 * The DOCX as LibreOffice lays it out: converted to PDF and measured with
 * pdftotext. Word is not available here; LibreOffice is the stricter reader
 * of the two for grids and indents (see shared/docs/layout.md, DOCX traps).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { charPitchPt, GBT9704, linePitchTwips, mmToPt } from '../../src/layout/profile.js';
import { headingLine } from '../../src/model/index.js';
import { renderDocx } from '../../src/render/docx/index.js';
import { renderLines } from '../../src/render/text/index.js';
import { runningReport } from '../fixtures/sample-report.js';
import { bodyText, measureGrid, missingInOrder, pdfLayout, squeeze, type PageGrid, type PdfPage } from '../support/pdf-layout.js';
import { describeLibreOfficeFonts } from '../support/office-fonts.js';
import { convertWithLibreOffice, requireCommands } from '../support/tools.js';

const available = requireCommands('DOCX read back through LibreOffice', 'soffice', 'pdftotext', 'pdffonts');

const PITCH = linePitchTwips(GBT9704) / 20; // 28.95 pt
const CHAR = charPitchPt(GBT9704); // 15.79 pt
const INDENT = GBT9704.indentChars * CHAR; // ≈ 31.6 pt

let pages: PdfPage[];
let grids: PageGrid[];

/** The page that holds a row starting with this text, and the row. */
function findRow(text: string) {
  const start = squeeze(text).slice(0, 8);
  for (const grid of grids) {
    const row = grid.rows.find((r) => squeeze(r.text).startsWith(start));
    if (row) return { grid, row };
  }
  return undefined;
}

/** The row whose whole text is this. */
function exactRow(text: string) {
  for (const grid of grids) {
    const row = grid.rows.find((r) => squeeze(r.text) === squeeze(text));
    if (row) return row;
  }
  throw new Error(`no row reads ${text}`);
}

/** Body pages: from the first page to the one with the signature. */
function bodyPages(): PageGrid[] {
  const last = findRow(runningReport.signature!.date)!.grid.page;
  return grids.filter((g) => g.page <= last);
}

/** A page with a table has rows closer together than a grid line. */
function hasTable(grid: PageGrid): boolean {
  return grid.rows.some((r, i) => i > 0 && r.y1 - grid.rows[i - 1]!.y1 < PITCH - 1);
}

describe.skipIf(!available)('renderDocx read back through LibreOffice', () => {
  beforeAll(async () => {
    const pdf = convertWithLibreOffice(await renderDocx(runningReport), 'sample.docx');
    console.log(describeLibreOfficeFonts(pdf));
    pages = pdfLayout(pdf);
    grids = measureGrid(pages, GBT9704);
  });

  it('converts to A4 pages', () => {
    expect(pages.length).toBeGreaterThanOrEqual(5);
    for (const g of grids) {
      expect(g.widthMm).toBeCloseTo(210, 0);
      expect(g.heightMm).toBeCloseTo(297, 0);
    }
  });

  it('fills full body pages with 22 lines at a 28.95 pt pitch', () => {
    const body = bodyPages();
    // Not the last page, nor the one before it: it gives the lines that go with the 落款.
    const full = body.slice(0, -2).filter((g) => !hasTable(g));
    expect(full.length).toBeGreaterThanOrEqual(2);
    for (const g of full) {
      expect(g.pitch!).toBeGreaterThan(PITCH - 0.1);
      expect(g.pitch!).toBeLessThan(PITCH + 0.1);
      // Every body row on a grid line (the title, in a larger face, sits lower in its line).
      const first = g.rows[0]!;
      const last = g.rows.at(-1)!;
      const height = (r: typeof last) => r.y1 - r.y0;
      for (const r of g.rows.filter((r) => Math.abs(height(r) - height(last)) < 1)) {
        const lines = (last.y1 - r.y1) / PITCH;
        expect(Math.abs(lines - Math.round(lines))).toBeLessThan(0.1);
      }
      // The first row to the last span the whole grid; the title's blank line counts as one.
      expect(Math.round((last.y0 - first.y0) / PITCH) + 1).toBe(GBT9704.grid.linesPerPage);
    }
    for (const g of body) expect(g.rows.length).toBeLessThanOrEqual(hasTable(g) ? 40 : GBT9704.grid.linesPerPage);
  });

  it('keeps the rows of a full line inside the text block', () => {
    const left = mmToPt(GBT9704.page.marginLeftMm);
    const right = mmToPt(GBT9704.page.widthMm - GBT9704.page.marginRightMm);
    for (const g of bodyPages()) {
      for (const r of g.rows) {
        expect(r.x0).toBeGreaterThan(left - 1);
        expect(r.x1).toBeLessThan(right + 1.5);
      }
    }
  });

  it('starts every paragraph and heading two characters in, and wrapped lines flush left', () => {
    for (const block of runningReport.body) {
      if (block.type !== 'heading' && block.type !== 'paragraph') continue;
      const text = block.type === 'heading' ? headingLine(block) : block.text;
      const found = findRow(text);
      expect(found, text).toBeDefined();
      expect(found!.row.x0 - mmToPt(GBT9704.page.marginLeftMm), text).toBeGreaterThan(INDENT - 2);
      expect(found!.row.x0 - mmToPt(GBT9704.page.marginLeftMm), text).toBeLessThan(INDENT + 2);
    }
    for (const g of bodyPages().filter((p) => !hasTable(p))) {
      for (const indent of g.indents.slice(1)) {
        const near = [0, INDENT].some((x) => Math.abs(indent - x) < 2);
        if (!near) expect(g.rows.find((r) => r.x0 - mmToPt(GBT9704.page.marginLeftMm) === indent)!.text).toMatch(/附件|青山县教育局|年.*月.*日|\d+\./);
      }
    }
  });

  it('centres the title on the first line', () => {
    const title = grids[0]!.rows[0]!;
    expect(squeeze(title.text)).toBe(squeeze(runningReport.title));
    const centre = mmToPt(GBT9704.page.marginLeftMm + (GBT9704.page.widthMm - GBT9704.page.marginLeftMm - GBT9704.page.marginRightMm) / 2);
    expect(Math.abs((title.x0 + title.x1) / 2 - centre)).toBeLessThan(3);
    expect(title.y0 - mmToPt(GBT9704.page.marginTopMm)).toBeLessThan(PITCH);
  });

  it('numbers pages "— N —", odd at the right and even at the left, one character in, about 7 mm below the text', () => {
    for (const g of grids) {
      expect(g.footer, `page ${g.page}`).toBeDefined();
      expect(squeeze(g.footer!.text)).toBe(`—${g.page}—`);
      expect(g.footer!.side).toBe(g.page % 2 ? 'right' : 'left');
      expect(g.footer!.insetPt).toBeGreaterThan(CHAR - 2);
      expect(g.footer!.insetPt).toBeLessThan(CHAR + 2);
      expect(g.footer!.gapMm).toBeGreaterThan(GBT9704.footer.distanceBelowTextMm - 1);
      expect(g.footer!.gapMm).toBeLessThan(GBT9704.footer.distanceBelowTextMm + 1);
    }
  });

  it('signs two characters in from the right, the date two characters right of the issuer', () => {
    const right = mmToPt(GBT9704.page.widthMm - GBT9704.page.marginRightMm);
    const issuer = exactRow(runningReport.signature!.issuer);
    const dateRow = exactRow(runningReport.signature!.date);
    expect(right - dateRow.x1).toBeGreaterThan(INDENT - 3);
    expect(right - dateRow.x1).toBeLessThan(INDENT + 3);
    expect(dateRow.x0 - issuer.x0).toBeGreaterThan(INDENT - 4);
    expect(dateRow.x0 - issuer.x0).toBeLessThan(INDENT + 4);
    expect(dateRow.y1 - issuer.y1).toBeCloseTo(PITCH, 0);
  });

  it('starts each attachment on a new page, its label flush left on the first line', () => {
    for (const label of ['附件1', '附件2']) {
      const found = grids.find((g) => squeeze(g.rows[0]?.text ?? '') === label);
      expect(found, label).toBeDefined();
      expect(Math.abs(found!.indents[0]!)).toBeLessThan(1);
      expect(found!.rows[0]!.y0 - mmToPt(GBT9704.page.marginTopMm)).toBeLessThan(PITCH);
    }
  });

  it('repeats the attachment table header on each of its pages', () => {
    const header = squeeze('序号学校项目面积投资状态');
    const withRows = grids.filter((g) => g.rows.some((r) => /青山县第\d+小学/.test(r.text)));
    expect(withRows.length).toBeGreaterThanOrEqual(2);
    for (const g of withRows) expect(g.rows.some((r) => squeeze(r.text).includes(header.slice(2)))).toBe(true);
  });

  it('says every line of the report, in order', () => {
    expect(missingInOrder(bodyText(pages, GBT9704), renderLines(runningReport), { cells: true })).toEqual([]);
  });
});
