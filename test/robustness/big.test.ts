/**
 * A big bureau — 500 schools' projects and a 2,000-row attachment table —
 * renders in both formats, says the same text in each, and does it in a time
 * that grows no faster than the document (docs/robustness.md has the numbers;
 * test/robustness/measure-big.sh measures them).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { composeReport, renderDocx, type Report, type Table } from '../../src/index.js';
import { renderPdfWithWarnings, type FontSet } from '../../src/render/pdf/index.js';
import { readDocx } from '../support/docx-text.js';
import { defaultFonts, hasDefaultFonts } from '../support/pdf-fonts.js';
import { pdfRawText, qpdfCheck } from '../support/pdf-tools.js';
import { modelText, pdfTextMismatch, squeeze } from '../support/same-text.js';
import { requireCommands } from '../support/tools.js';
import { BIG, bigStats } from './big-stats.js';

/** Far above what the machine takes (about 4 s a format): a limit for pathological slowness, not a benchmark. */

function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  return run().then((value) => ({ value, ms: performance.now() - start }));
}

describe('a bureau with 500 schools’ projects and 2,000 aid rows', () => {
  let report: Report;
  beforeAll(() => {
    report = composeReport(bigStats()).report;
  });

  it('composes a 2,000-row and a 500-row attachment table', () => {
    const tables = report.attachments.flatMap((a) => a.blocks).filter((b): b is Table => b.type === 'table');
    expect(tables.map((t) => t.rows.length)).toEqual([BIG.aidRows, BIG.schools, 40]);
  });

  it('renders a DOCX of well-formed XML that says it all', async () => {
    const { value, ms } = await timed(() => renderDocx(report));
    console.info(`big DOCX: ${ms.toFixed(0)} ms, ${(value.length / 1024).toFixed(0)} KiB`);
    expect(squeeze(readDocx(value).paragraphs.join(''))).toBe(modelText(report));
  });

  const ready = hasDefaultFonts('big document: PDF') && requireCommands('big document: PDF', 'qpdf', 'pdftotext');
  describe.skipIf(!ready)('PDF', () => {
    let fonts: FontSet;
    beforeAll(async () => {
      fonts = await defaultFonts();
    });

    it('renders a PDF that passes qpdf --check and says it all', async () => {
      const { value, ms } = await timed(() => renderPdfWithWarnings(report, { fonts }));
      console.info(`big PDF: ${ms.toFixed(0)} ms, ${(value.bytes.length / 1024).toFixed(0)} KiB`);
        expect(value.warnings).toEqual([]);
      const check = qpdfCheck(value.bytes);
      expect(check.ok, check.output).toBe(true);
      expect(pdfTextMismatch(pdfRawText(value.bytes), report)).toBeUndefined();
    });
  });
});
