import { titleLines } from '../../src/layout/title.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { GBT9704, charPitchPt, mmToPt, textBlock } from '../../src/layout/profile.js';
import type { Block, Report } from '../../src/model/index.js';
import { renderPdf, type FontSet } from '../../src/render/pdf/index.js';
import { keepHeadingsWithNext, keepWithNext } from '../../src/render/pdf/page.js';
import { renderLines } from '../../src/render/text/index.js';
import { sampleReport } from '../fixtures/sample-report.js';
import { defaultFonts, hasDefaultFonts } from '../support/pdf-fonts.js';
import { pdfLayout, rowsOf, type PdfLine } from '../support/pdf-layout.js';
import { pdfRawText } from '../support/pdf-tools.js';
import { pdfTextMismatch } from '../support/same-text.js';
import { requireCommands } from '../support/tools.js';

const ok = hasDefaultFonts('PDF layout') && requireCommands('PDF layout', 'pdftotext');
const left = mmToPt(GBT9704.page.marginLeftMm);
const indent = 2 * charPitchPt(GBT9704);

/** Short paragraphs, one line each: the title and its blank line take slots 1–2. */
const filler = (n: number): Block[] => Array.from({ length: n }, (_, i) => ({ type: 'paragraph', text: `第${i + 1}行。` }));
const report = (body: Block[], extra: Partial<Report> = {}): Report => ({ ...sampleReport, body, signature: undefined, attachments: [], ...extra });

describe('keepWithNext', () => {
  const on = (nodes: { headlineLevel?: string }[]) => ({ getFollowingNodesOnPage: () => nodes, getNodesOnNextPage: () => [{}] });
  it('moves a heading that only page numbers follow', () => {
    expect(keepWithNext({ id: 'zj-outline-1', headlineLevel: 'zj-outline-1' }, on([{ headlineLevel: 'zj-page-number' }]))).toBe(true);
    expect(keepWithNext({ id: 'zj-outline-1', headlineLevel: 'zj-outline-1' }, on([{ headlineLevel: 'zj-outline-2' }]))).toBe(true);
    expect(keepWithNext({ id: 'zj-outline-1', headlineLevel: 'zj-outline-1' }, on([{}]))).toBe(false);
    expect(keepWithNext({ id: 'p' }, on([]))).toBe(false);
  });
});

describe('keepHeadingsWithNext', () => {
  // A heading's first line carries its bookmark (outline), as the text handler sets it.
  const line = (text: string, mark?: string) => ({ text: [{ text }], ...(mark ? { id: mark, headlineLevel: mark, outline: true } : {}) });
  it('makes a run of heading lines and the line after it one unbreakable stack, without the marks', () => {
    const nodes = [line('a'), line('一、', 'h1'), line('（一）', 'h2'), line('b'), line('c')];
    expect(keepHeadingsWithNext(nodes, 22)).toEqual([
      line('a'),
      { stack: [{ text: [{ text: '一、' }], id: 'h1', outline: true }, { text: [{ text: '（一）' }], id: 'h2', outline: true }, line('b')], unbreakable: true },
      line('c'),
    ]);
  });
  it('leaves to keepWithNext a run before a table or a new page, at the end, or longer than a page', () => {
    const table = { table: { body: [] } };
    const page = { ...line('附件'), pageBreak: 'before' };
    for (const nodes of [[line('一、', 'h1'), table], [line('一、', 'h1'), page], [line('a'), line('一、', 'h1')]]) {
      expect(keepHeadingsWithNext(nodes, 22)).toEqual(nodes);
    }
    // A kept line that is no heading (a caption, a unit note) before a table keeps no mark: no second layout pass.
    const caption = { text: [{ text: '表1' }], id: 'k1', headlineLevel: 'k1' };
    expect(keepHeadingsWithNext([caption, table], 22)).toEqual([{ text: [{ text: '表1' }], id: 'k1' }, table]);
    const run = [...Array.from({ length: 22 }, (_, i) => line(`${i}`, `h${i}`)), line('b')];
    expect(keepHeadingsWithNext(run, 22)).toEqual(run);
    expect(keepHeadingsWithNext(run.slice(1), 22)).toHaveLength(1);
  });
});

describe.skipIf(!ok)('layout cases', () => {
  let fonts: FontSet;
  const pages = async (r: Report) => pdfLayout(await renderPdf(r, { fonts })).map((p) => rowsOf(p.lines.filter((l) => l.y0 < p.height - mmToPt(34))));
  const text = (row: PdfLine) => row.text.replace(/\s/g, '');
  beforeAll(async () => {
    fonts = await defaultFonts();
  });

  it('keeps headings at the foot of a page with the text they head', async () => {
    const heading = (level: 1 | 2, number: string, title: string): Block => ({ type: 'heading', level, number, text: title });
    const body = [...filler(18), heading(1, '一、', '基本情况'), heading(2, '（一）', '学生资助'), { type: 'paragraph' as const, text: '全县现有学校136所。' }];
    const [first, second] = await pages(report(body));
    expect(first!.map(text).at(-1)).toBe('第18行。');
    expect(second!.slice(0, 3).map(text)).toEqual(['一、基本情况', '（一）学生资助', '全县现有学校136所。']);
  });

  it('keeps every heading of a run longer than a page (an unbreakable block would lose what passes the page)', async () => {
    const headings: Block[] = Array.from({ length: 30 }, (_, i) => ({ type: 'heading', level: 2, number: `（${i + 1}）`, text: '标题' }));
    const r = report([...filler(3), ...headings, ...filler(2)]);
    expect(pdfTextMismatch(pdfRawText(await renderPdf(r, { fonts })), r)).toBeUndefined();
  });

  it('wraps a long title centred, at the same breaks as the DOCX (layout/title.ts)', async () => {
    const title = '青山县教育局关于2025年度学生资助和教育帮扶工作情况以及控辍保学与农村学校办学条件改善的总结报告';
    const expected = titleLines(title, Math.floor(textBlock(GBT9704).widthPt / GBT9704.roles.title.sizePt), sampleReport.meta.author);
    expect(expected.length).toBeGreaterThan(1);
    const [first] = await pages(report(filler(1), { title }));
    const lines = first!.slice(0, expected.length);
    expect(lines.map(text)).toEqual(expected);
    const right = mmToPt(GBT9704.page.widthMm - GBT9704.page.marginRightMm);
    for (const line of lines) expect(Math.abs(line.x0 - left - (right - line.x1))).toBeLessThan(1);
  });

  it('labels a single attachment "附件", flush left in 黑体 on a new page, and lists it as "附件：名称"', async () => {
    const r = report(filler(2), { attachments: [sampleReport.attachments[1]!], signature: sampleReport.signature });
    const pdf = await renderPdf(r, { fonts });
    const rows = pdfLayout(pdf).map((p) => rowsOf(p.lines));
    expect(rows[0]!.map(text)).toContain('附件：2025年教师培训情况表');
    expect(text(rows[1]![0]!)).toBe('附件');
    expect(rows[1]![0]!.x0 - left).toBeCloseTo(0, 0);
    const squeezed = pdfRawText(pdf).replace(/— *\d+ *—/g, '').replace(/\s/g, '');
    expect(squeezed).toBe(renderLines(r).join('').replace(/\s/g, ''));
  });

  it('aligns later attachment names under the first, after "附件："', async () => {
    const [first] = await pages(report(filler(1), { attachments: sampleReport.attachments }));
    const note = first!.filter((row) => /^(附件：)?\d\./.test(text(row)));
    expect(note.map(text)).toEqual(['附件：1.2025年校舍维修改造项目明细表', '2.2025年教师培训情况表']);
    expect(note[0]!.x0 - left).toBeCloseTo(indent, 0);
    expect(note[1]!.x0 - left).toBeCloseTo(indent + 3 * charPitchPt(GBT9704), 0);
  });

  it('sets the 落款 two characters from the right, the date two characters right of the issuer', async () => {
    const [first] = await pages(report(filler(1), { signature: { issuer: '青山县人民政府教育督导委员会办公室', date: '2025年12月20日' } }));
    const [issuer, date] = first!.slice(-2);
    const right = mmToPt(GBT9704.page.widthMm - GBT9704.page.marginRightMm);
    expect(right - issuer!.x1).toBeCloseTo(indent, 0);
    expect(date!.x0 - issuer!.x0).toBeCloseTo(indent, 0);
  });
});
