import { describe, expect, it } from 'vitest';
import { AlignmentType, Packer, Paragraph, TextRun, type FileChild, type IParagraphPropertiesOptions } from 'docx';
import { unzipSync } from 'fflate';
import { GBT9704, defineProfile, type FontRole, type LayoutProfile } from '../../src/layout/profile.js';
import type { Report } from '../../src/model/index.js';
import { planReport } from '../../src/layout/plan/index.js';
import { planContent } from '../../src/render/docx/plan.js';
import { createContext } from '../../src/render/docx/context.js';
import { coreProperties } from '../../src/render/docx/core.js';
import { renderDocx } from '../../src/render/docx/index.js';
import { runStyle, textRun } from '../../src/render/docx/run.js';
import { styledParagraph } from '../../src/render/docx/shared.js';
import { docxDocument } from '../../src/render/docx/shell.js';
import { sampleReport } from '../fixtures/sample-report.js';
import { unzipText } from '../support/tools.js';

/**
 * renderDocx packs a profile's shared parts once and writes each report's
 * body itself; these tests hold it to what docx's Packer writes for the whole
 * document, so a docx upgrade that changes its output shows here.
 */

/** The report packed whole by docx, as renderDocx did before the shell. */
async function packedByDocx(report: Report, profile: LayoutProfile): Promise<Uint8Array> {
  const ctx = createContext(profile, report.meta.language);
  const doc = docxDocument(ctx, planContent(planReport(report, profile), ctx));
  return Packer.pack(doc, 'uint8array', false, [{ path: 'docProps/core.xml', data: coreProperties(report.meta) }]);
}

/** A copy with every entry's time and date zeroed: docx stamps the clock, renderDocx the report date. */
function undated(zip: Uint8Array): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  let end = out.length - 22;
  while (view.getUint32(end, true) !== 0x06054b50) end--;
  let at = view.getUint32(end + 16, true);
  for (let i = 0; i < view.getUint16(end + 10, true); i++) {
    view.setUint32(at + 12, 0, true);
    view.setUint32(view.getUint32(at + 42, true) + 10, 0, true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return out;
}

/** The sample with text that needs escaping: quotes, markup characters and a control character XML cannot hold. */
const escaped: Report = {
  ...sampleReport,
  body: [...sampleReport.body, { type: 'paragraph', text: `"双引号" 'single' <b>&amp; a\u0001b  两个空格` }],
};

describe('renderDocx: the shared shell', () => {
  const profiles = { 'GB/T 9704': GBT9704, 'a changed profile': defineProfile({ page: { marginBottomMm: 27 }, grid: { linesPerPage: 20 } }) };

  for (const [name, profile] of Object.entries(profiles)) {
    it(`writes the bytes docx's Packer writes for the whole document (${name})`, async () => {
      const ours = await renderDocx(escaped, { profile });
      const docx = await packedByDocx(escaped, profile);
      // Part by part first, for a readable failure; then the zip file itself.
      const [a, b] = [unzipText(ours), unzipText(docx)];
      expect(Object.keys(a)).toEqual(Object.keys(b));
      for (const path of Object.keys(b)) expect(a[path], path).toBe(b[path]);
      expect(Buffer.from(undated(ours)).equals(Buffer.from(undated(docx)))).toBe(true);
    });
  }

  it('writes a run of a shared style as docx writes a TextRun', async () => {
    const ctx = createContext(GBT9704, 'zh-CN');
    const roles = Object.keys(GBT9704.roles) as FontRole[];
    const cases = roles.flatMap((role) =>
      [false, true].flatMap((tight) => [0, 2].map((breaks) => ({ role, tight, breaks, text: `${role} <&> "引号" 'x'\u0007 ` }))),
    );
    const ours = cases.map(({ role, tight, breaks, text }) => textRun(ctx, role, text, { tight, break: breaks }));
    const theirs = cases.map(({ role, tight, breaks, text }) => new TextRun({ ...runStyle(ctx, role, tight), text, break: breaks }));
    ours.push(textRun(ctx, 'table', '合计', { fontOf: 'heading1' }), textRun(ctx, 'body', ''));
    theirs.push(new TextRun({ ...runStyle(ctx, 'table'), font: runStyle(ctx, 'heading1').font, text: '合计' }), new TextRun({ ...runStyle(ctx, 'body'), text: '' }));
    const xml = async (runs: TextRun[]) =>
      unzipText(await Packer.pack(docxDocument(ctx, [new Paragraph({ children: runs })]), 'uint8array'))['word/document.xml'];
    expect(await xml(ours)).toBe(await xml(theirs));
  });

  it('writes a paragraph of shared properties as docx writes a Paragraph', async () => {
    const ctx = createContext(GBT9704, 'zh-CN');
    const options: IParagraphPropertiesOptions[] = [
      { style: 'Normal', widowControl: false },
      { style: 'Normal', widowControl: false, keepNext: true },
      { style: 'Signature', widowControl: false, keepNext: false, spacing: { before: 579 }, indent: { firstLine: 0, firstLineChars: 0, right: 632 } },
      { style: 'AttachmentLabel', widowControl: false, pageBreakBefore: true, spacing: { after: 579 } },
      { style: 'TableText', widowControl: false, alignment: AlignmentType.RIGHT },
    ];
    const runs = () => [textRun(ctx, 'body', '一'), textRun(ctx, 'heading1', '二', { tight: true })];
    const ours: FileChild[] = options.flatMap((o) => [styledParagraph(ctx, o, runs()), styledParagraph(ctx, o, [])]);
    const theirs: FileChild[] = options.flatMap((o) => [new Paragraph({ ...o, children: runs() }), new Paragraph({ ...o, children: [] })]);
    const xml = async (children: FileChild[]) => unzipText(await Packer.pack(docxDocument(ctx, children), 'uint8array'))['word/document.xml'];
    expect(await xml(ours)).toBe(await xml(theirs));
  });

  it('follows a profile changed in place between reports', async () => {
    const profile = defineProfile();
    const before = unzipText(await renderDocx(sampleReport, { profile }));
    profile.page.marginBottomMm = 27;
    profile.roles.body = { ...profile.roles.body, fonts: ['楷体'] };
    const after = unzipText(await renderDocx(sampleReport, { profile }));
    expect(before['word/document.xml']).toMatch(/w:bottom="1984"/);
    expect(after['word/document.xml']).toMatch(/w:bottom="1531"/);
    expect(after['word/styles.xml']).toContain('w:eastAsia="楷体"');
    expect(before['word/styles.xml']).not.toContain('w:eastAsia="楷体"');
  });

  it('gives the same bytes when reports are drafted at once', async () => {
    const alone = await renderDocx(sampleReport);
    const other = { ...sampleReport, meta: { ...sampleReport.meta, date: '2026-01-05' } };
    const together = await Promise.all([renderDocx(sampleReport), renderDocx(other), renderDocx(sampleReport, { profile: defineProfile({ indentChars: 3 }) })]);
    expect(Buffer.from(together[0]).equals(Buffer.from(alone))).toBe(true);
    expect(unzipSync(together[1])['word/document.xml']).toEqual(unzipSync(alone)['word/document.xml']);
  });
});
