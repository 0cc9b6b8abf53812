/**
 * Random valid stats all the way to files (FUZZ_RUNS, default 15): the DOCX
 * is a zip of well-formed XML 1.0 parts (saxes), the PDF passes qpdf --check,
 * and the DOCX, the PDF and the Markdown say the report's lines — the same
 * text once normalised (test/support/same-text.ts).
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { composeReport, renderDocx, renderMarkdown, type Report } from '../../src/index.js';
import { renderPdfWithWarnings, type FontSet } from '../../src/render/pdf/index.js';
import { readDocx } from '../support/docx-text.js';
import { defaultFonts, hasDefaultFonts } from '../support/pdf-fonts.js';
import { pdfRawText, qpdfCheck } from '../support/pdf-tools.js';
import { markdownText, modelText, modelTextForMarkdown, pdfTextMismatch, squeeze } from '../support/same-text.js';
import { requireCommands } from '../support/tools.js';
import { runs, statsInput } from './arbitraries.js';

const RUNS = runs(15);
/** Rendering is slow: shrinking a failure stops after this long and reports what it has. */
const SHRINK_LIMIT = { interruptAfterTimeLimit: 180_000 };

describe('documents from random valid stats', () => {
  it('DOCX: every part is well-formed XML and the body says the report’s lines', async () => {
    await fc.assert(
      fc.asyncProperty(statsInput, async (input) => {
        const { report } = composeReport(input);
        const docx = readDocx(await renderDocx(report));
        expect(squeeze(docx.paragraphs.join(''))).toBe(modelText(report));
      }),
      { numRuns: RUNS, ...SHRINK_LIMIT },
    );
  });

  it('Markdown: says the report’s lines once its own marks are taken away', () => {
    fc.assert(
      fc.property(statsInput, (input) => {
        const { report } = composeReport(input);
        expect(markdownText(renderMarkdown(report))).toBe(modelTextForMarkdown(report));
      }),
      { numRuns: runs(200) },
    );
  });

  const ready = hasDefaultFonts('property: PDF') && requireCommands('property: PDF', 'qpdf', 'pdftotext');
  describe.skipIf(!ready)('PDF', () => {
    let fonts: FontSet;
    beforeAll(async () => {
      fonts = await defaultFonts();
    });

    it('passes qpdf --check and says the report’s lines, with no glyph missing', async () => {
      const seen: Report[] = [];
      await fc.assert(
        fc.asyncProperty(statsInput, async (input) => {
          const { report } = composeReport(input);
          seen.push(report);
          const { bytes, warnings } = await renderPdfWithWarnings(report, { fonts });
          expect(warnings).toEqual([]);
          const check = qpdfCheck(bytes);
          expect(check.ok, check.output).toBe(true);
          expect(pdfTextMismatch(pdfRawText(bytes), report)).toBeUndefined();
        }),
        { numRuns: RUNS, ...SHRINK_LIMIT },
      );
      expect(seen.length).toBeGreaterThan(0);
    });
  });
});
