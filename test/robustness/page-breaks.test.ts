/**
 * Wherever a page break falls, the PDF loses nothing. Found by the document
 * property: when the 落款 block (kept with the body's last two lines, one of
 * them a heading) moved to a new page, keep-with-next broke the page again
 * inside that unbreakable block, and pdfmake — which keeps only the first
 * page of an unbreakable block — dropped the heading, the closing line, the
 * attachment note and the signature.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Block, Report } from '../../src/model/index.js';
import { renderPdf, type FontSet } from '../../src/render/pdf/index.js';
import { sampleReport } from '../fixtures/sample-report.js';
import { defaultFonts, hasDefaultFonts } from '../support/pdf-fonts.js';
import { pdfRawText } from '../support/pdf-tools.js';
import { pdfTextMismatch } from '../support/same-text.js';
import { requireCommands } from '../support/tools.js';

/** `n` one-line paragraphs, then a closing section: a heading and one line, as a report's body ends. */
function report(n: number): Report {
  const filler: Block[] = Array.from({ length: n }, (_, i) => ({ type: 'paragraph', text: `第${i + 1}段。` }));
  return {
    ...sampleReport,
    subtitle: undefined,
    body: [...filler, { type: 'heading', level: 1, number: '四、', text: '下一步工作打算' }, { type: 'paragraph', text: '特此报告。' }],
    attachments: sampleReport.attachments.slice(0, 1),
  };
}

const ready = hasDefaultFonts('page breaks') && requireCommands('page breaks', 'pdftotext');

describe.skipIf(!ready)('PDF page breaks around the 落款', () => {
  let fonts: FontSet;
  beforeAll(async () => {
    fonts = await defaultFonts();
  });

  it('keeps every line, for every place a page break can fall in a page and a half of body', async () => {
    const lost: string[] = [];
    // 22 lines a page: 10 … 34 one-line paragraphs put the closing block at every line of pages 1 and 2.
    for (let n = 10; n <= 34; n++) {
      const r = report(n);
      const mismatch = pdfTextMismatch(pdfRawText(await renderPdf(r, { fonts })), r);
      if (mismatch) lost.push(`${n} paragraphs: ${mismatch}`);
    }
    expect(lost).toEqual([]);
  });
});
