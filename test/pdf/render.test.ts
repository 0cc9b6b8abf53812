import pdfMake from 'pdfmake';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { renderPdf, renderPdfWithWarnings, type FontSet } from '../../src/render/pdf/index.js';
import { renderLines } from '../../src/render/text/index.js';
import { sampleReport } from '../fixtures/sample-report.js';
import { defaultFonts, hasDefaultFonts } from '../support/pdf-fonts.js';
import { pdfFonts, pdfInfo, pdfOutline, pdfRawText, qpdfCheck } from '../support/pdf-tools.js';
import { requireCommands } from '../support/tools.js';

const fontsOk = hasDefaultFonts('PDF renderer');
const toolsOk = requireCommands('PDF renderer (read back)', 'qpdf', 'pdftotext', 'pdffonts', 'pdfinfo');
const squeeze = (text: string) => text.replace(/\s+/g, '');

describe.skipIf(!fontsOk)('renderPdf', () => {
  let fonts: FontSet;
  let pdf: Uint8Array;
  beforeAll(async () => {
    fonts = await defaultFonts();
    pdf = await renderPdf(sampleReport, { fonts });
  });
  afterEach(() => vi.useRealTimers());

  it('writes a PDF', () => {
    expect(new TextDecoder().decode(pdf.subarray(0, 8))).toBe('%PDF-1.7');
  });

  it('gives the same bytes for the same input, whatever the clock says', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2031-07-04T12:34:56Z'));
    const again = await renderPdf(sampleReport, { fonts });
    expect(Buffer.from(again).equals(Buffer.from(pdf))).toBe(true);
  });

  it('hands pdfmake only TTF or OTF bytes, never WOFF or WOFF2 (88 s against 0.36 s a report)', () => {
    // Speed is the benchmark's job (npm run bench); this is the invariant that keeps it.
    const magic = (data: Uint8Array) => String.fromCharCode(...data.subarray(0, 4));
    const faces = Object.values(fonts).flat();
    expect(faces.length).toBeGreaterThan(0);
    for (const face of faces) expect(['\0\u0001\0\0', 'OTTO', 'true'], face.name).toContain(magic(face.data));
  });

  it('leaves a host application’s pdfmake access policies as it found them', async () => {
    const policy = (url: string) => url.startsWith('https://example.org/');
    pdfMake.setUrlAccessPolicy(policy);
    try {
      await renderPdf(sampleReport, { fonts });
      expect(pdfMake.urlAccessPolicy).toBe(policy);
    } finally {
      pdfMake.setUrlAccessPolicy(undefined);
    }
  });

  it('reports a character no font has through onWarning and renderPdfWithWarnings', async () => {
    const report = { ...sampleReport, attachments: [], body: [{ type: 'paragraph' as const, text: '联系人：王\u{30000}' }] };
    const seen: string[] = [];
    await renderPdf(report, { fonts, onWarning: (w) => seen.push('codePoint' in w ? w.codePoint : w.code) });
    const { warnings } = await renderPdfWithWarnings(report, { fonts });
    expect(seen).toEqual(['U+30000']);
    expect(warnings).toMatchObject([{ code: 'missing-glyph', char: '\u{30000}', role: 'body' }]);
    expect(warnings[0]!.message).toContain('\u{30000}');
  });

  it('rejects a report date that is not yyyy-mm-dd rather than use the clock', async () => {
    const report = { ...sampleReport, meta: { ...sampleReport.meta, date: '2025年12月20日' } };
    await expect(renderPdf(report, { fonts })).rejects.toThrow(RangeError);
  });

  it('names the role when no font is given', async () => {
    await expect(renderPdf(sampleReport, { fonts: {} })).rejects.toThrow(/no font for role "title"/);
  });

  describe.skipIf(!toolsOk)('read back', () => {
    it('passes qpdf --check', () => {
      const { ok, output } = qpdfCheck(pdf);
      expect(output).toContain('No syntax or stream encoding errors');
      expect(ok).toBe(true);
    });

    it('embeds every font as a subset with a Unicode map', () => {
      const rows = pdfFonts(pdf);
      expect(rows.length).toBeGreaterThanOrEqual(4);
      for (const row of rows) {
        expect(row, row.name).toMatchObject({ embedded: true, subset: true, unicode: true });
        expect(row.name).toMatch(/^[A-Z]{6}\+/);
      }
    });

    it('says exactly the report’s lines in order, and nothing else but page numbers', () => {
      const text = pdfRawText(pdf);
      const pageNumbers = text.match(/— *\d+ *—/g) ?? [];
      expect(pageNumbers.length).toBe(Number(pdfInfo(pdf).Pages));
      const body = squeeze(text.replace(/— *\d+ *—/g, ''));
      // A table's header row repeats on each page it runs onto; nothing else may be added.
      const headers = [...sampleReport.body, ...sampleReport.attachments.flatMap((a) => a.blocks)]
        .flatMap((b) => (b.type === 'table' ? [squeeze(b.columns.map((c) => c.title).join(''))] : []));
      let at = 0;
      for (const line of renderLines(sampleReport)) {
        if (!body.startsWith(squeeze(line), at)) {
          const header = headers.find((h) => body.startsWith(h, at) && h !== squeeze(line));
          if (header) at += header.length;
        }
        const found = body.indexOf(squeeze(line), at);
        expect(found, `"${line}" where the text continues "${body.slice(at, at + 40)}"`).toBe(at);
        at += squeeze(line).length;
      }
      expect(body.slice(at)).toBe('');
    });

    it('carries the document information from report.meta', () => {
      const info = pdfInfo(pdf);
      expect(info).toMatchObject({
        Title: sampleReport.meta.title,
        Author: sampleReport.meta.author,
        Subject: sampleReport.meta.subject,
        Keywords: sampleReport.meta.keywords.join(', '),
        Creator: 'zongjie',
      });
      expect(info.CreationDate).toMatch(/^2025-12-20T00:00:00/);
      expect(info.Pages).toBe('8');
    });

    it('bookmarks every heading under its parent, and each attachment', () => {
      const outline = pdfOutline(pdf);
      const titles = (items: typeof outline): string[] => items.flatMap((i) => [i.title, ...titles(i.kids)]);
      expect(outline.map((i) => i.title)).toEqual(['一、基本情况', '二、主要做法', '三、存在问题', '四、下一步工作打算', '附件1 2025年校舍维修改造项目明细表', '附件2 2025年教师培训情况表']);
      expect(titles(outline[1]!.kids)).toEqual([
        '（一）精准落实学生资助政策',
        '1.学前教育资助情况',
        '2.义务教育资助情况',
        '3.普通高中资助情况',
        '（1）免学费',
        '（2）国家助学金',
        '（二）扎实推进控辍保学',
        '（三）持续改善农村学校办学条件',
        '（四）加强乡村教师队伍建设',
      ]);
      expect(outline[4]!.page).toBe(5);
    });
  });
});
