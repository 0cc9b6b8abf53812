/**
 * The built-in chart (funds by stage, in the bureau's aid attachment), drawn
 * by Apache ECharts and read back from both files: real text in the PDF, an
 * SVG picture with a PNG fallback in the DOCX.
 */
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { FORMATS, RENDERERS, draftReport, type Draft } from '../../src/node/index.js';
import { chartDrawer, rasterizer } from '../../src/node/figures.js';
import { FIGURE_FONT } from '../../src/model/index.js';
import { defaultFonts, hasDefaultFonts } from '../support/pdf-fonts.js';
import { pdfLayout } from '../support/pdf-layout.js';
import { requireCommands } from '../support/tools.js';

const ready = hasDefaultFonts('charts') && requireCommands('charts', 'pdftotext');
const bureau = JSON.parse(readFileSync(new URL('../../examples/bureau.json', import.meta.url), 'utf8'));
const STAGES = ['学前教育', '义务教育', '普通高中', '中等职业教育', '高等教育'];

describe('the format registry', () => {
  it('has one renderer for every format, in the order files are written', () => {
    expect(Object.keys(RENDERERS)).toEqual([...FORMATS]);
  });
});

describe.skipIf(!ready)('the funds-by-stage chart', () => {
  let draft: Draft;
  beforeAll(async () => {
    draft = await draftReport(bureau, { formats: ['docx', 'pdf'], fonts: undefined });
  });

  it('draws an SVG whose labels are text in the figure font, values as printed in the prose', async () => {
    const draw = (await chartDrawer())!;
    const svg = draw({ kind: 'bar', unit: '万元', titles: ['学段', '资助资金'], bars: [{ label: '学前教育', value: 38.3, text: '38.30' }, { label: '义务教育', value: 3218.9, text: '3218.90' }] }, { widthPt: 425, heightPt: 231, fontPt: 14 });
    expect(svg).toMatch(/^<svg [^>]*width="425" height="231"/);
    const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(texts).toEqual(expect.arrayContaining(['学前教育', '义务教育', '38.30', '3218.90', '万元']));
    expect(svg).toContain(`font-family:${FIGURE_FONT}`);
  });

  it('puts the chart’s labels into the PDF as text, on the aid attachment’s page after its table', () => {
    const pages = pdfLayout(draft.outputs.pdf!);
    const page = pages.find((p) => p.lines.some((l) => l.text.includes('各学段学生资助资金')))!;
    expect(page, 'the chart caption').toBeDefined();
    const text = page.lines.map((l) => l.text).join('\n');
    for (const label of STAGES) expect(text).toContain(label);
    expect(text).toContain('3218.90');
    expect(text).toContain('万元');
    const attachment = pages.findIndex((p) => p.lines.some((l) => l.text === '附件1'));
    expect(page.number - 1).toBeGreaterThanOrEqual(attachment);
  });

  it('puts an SVG picture with a PNG fallback into the DOCX, kept with its caption', () => {
    const files = unzipSync(draft.outputs.docx!);
    const media = Object.keys(files).filter((p) => p.startsWith('word/media/'));
    expect(media.some((p) => p.endsWith('.svg'))).toBe(true);
    const png = media.find((p) => p.endsWith('.png'))!;
    expect([...files[png]!.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
    const doc = new TextDecoder().decode(files['word/document.xml']);
    expect(doc).toContain('asvg:svgBlip');
    const picture = doc.indexOf('<w:drawing>');
    expect(doc.slice(doc.lastIndexOf('<w:p>', picture), picture)).toContain('<w:keepNext/>');
    expect(doc.indexOf('各学段学生资助资金')).toBeGreaterThan(picture);
    const svg = new TextDecoder().decode(files[media.find((p) => p.endsWith('.svg'))!]);
    for (const label of STAGES) expect(svg).toContain(label);
  });

  it('rasterises with our own font bytes, no system font: the PNG has ink where the labels are', async () => {
    const raster = (await rasterizer(await defaultFonts()))!;
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><text x="4" y="30" style="font-size:24px;font-family:${FIGURE_FONT}">学前教育</text></svg>`;
    const blank = raster(svg.replace('学前教育', ''), { widthPx: 200, heightPx: 40 });
    const label = raster(svg, { widthPx: 200, heightPx: 40 });
    expect(label.length).toBeGreaterThan(blank.length + 200);
  });
});
