/**
 * Fonts that cannot be used are refused when they are loaded, naming the
 * role and the file; a character that prints as an empty box, or in a
 * visibly different weight, or a role font without Chinese, is never silent.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/index.js';
import { draftReport, FontError, loadFonts, MissingGlyphError } from '../../src/node/index.js';
import { LXGW_WENKAI, defaultFontPath } from '../../src/node/fonts/defaults.js';
import { renderPdf, renderPdfWithWarnings, type FontSet } from '../../src/render/pdf/index.js';
import { sampleReport } from '../fixtures/sample-report.js';
import { defaultFonts, hasDefaultFonts } from '../support/pdf-fonts.js';
import { tempDir } from '../support/tools.js';

const ok = hasDefaultFonts('font errors');
const robotoPath = join(dirname(createRequire(import.meta.url).resolve('pdfmake/package.json')), 'build/fonts/Roboto/Roboto-Regular.ttf');
const roboto = new Uint8Array(readFileSync(robotoPath));
const { dir, remove } = tempDir('zongjie-font-errors-');
afterAll(remove);

/** The offset and length of a table in a TTF. */
function table(bytes: Uint8Array, tag: string): { offset: number; length: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < view.getUint16(4); i++) {
    const rec = 12 + 16 * i;
    if (String.fromCharCode(...bytes.subarray(rec, rec + 4)) === tag) return { offset: view.getUint32(rec + 8), length: view.getUint32(rec + 12) };
  }
  throw new Error(`no ${tag}`);
}

const files = (() => {
  mkdirSync(dir, { recursive: true });
  const truncated = join(dir, 'truncated.ttf');
  writeFileSync(truncated, roboto.subarray(0, Math.floor(roboto.length / 2)));
  // The table directory is sound, the character map inside is garbage.
  const corrupt = roboto.slice();
  const cmap = table(corrupt, 'cmap');
  corrupt.fill(0xff, cmap.offset, cmap.offset + cmap.length);
  writeFileSync(join(dir, 'corrupt.ttf'), corrupt);
  return { truncated, corrupt: join(dir, 'corrupt.ttf') };
})();

const report = (text: string, title = sampleReport.title): Report => ({ ...sampleReport, title, attachments: [], body: [{ type: 'paragraph', text }] });

describe('a font that cannot be used is a FontError when loaded, naming the role and the file', () => {
  it.each([
    ['cut short', () => files.truncated, /cut short/],
    ['damaged inside a table', () => files.corrupt, /not a font that can be read/],
    ['WOFF2', () => defaultFontPath(LXGW_WENKAI)?.replace(/\.woff$/, '.woff2'), /WOFF2/],
  ])('%s', async (_, file, reason) => {
    const path = file();
    if (!path) return; // the WOFF2 comes with the default LXGW package
    const error = await loadFonts({ fonts: { heading2: path }, system: false, defaults: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FontError);
    expect(error).toMatchObject({ role: 'heading2', source: path });
    expect((error as Error).message).toMatch(reason);
    expect((error as Error).message).not.toMatch(/Offset is outside the bounds/);
  });

  it('the core renderer names a damaged font given as bytes, before any page is drawn', async () => {
    const fonts: FontSet = { body: [{ name: 'half.ttf', data: roboto.subarray(0, 5000) }] };
    await expect(renderPdf(report('abc'), { fonts })).rejects.toThrow(/"half\.ttf" is cut short/);
  });
});

describe('renderPdf from the core without fonts', () => {
  it.each([[undefined], [{}], [{ fonts: undefined }]])('%j: a clear error saying where fonts come from', async (options) => {
    const error = await renderPdf(report('abc'), options as never).catch((e: Error) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toMatch(/fonts are needed.*loadFonts\(\).*zongjie\/node/);
    expect((error as Error).message).not.toMatch(/Cannot read properties/);
  });
});

describe.skipIf(!ok)('warnings never vanish', () => {
  let fonts: FontSet;
  beforeAll(async () => {
    fonts = await defaultFonts();
  });

  it('renderPdf without onWarning throws for a character no font has, instead of dropping the warning', async () => {
    await expect(renderPdf(report('联系人：王\u{30000}'), { fonts })).rejects.toBeInstanceOf(MissingGlyphError);
    await expect(renderPdf(report('联系人：王\u{30000}'), { fonts })).rejects.toThrow(/U\+30000/);
    // Heard through onWarning, it renders.
    const heard: string[] = [];
    await renderPdf(report('联系人：王\u{30000}'), { fonts, onWarning: (w) => heard.push(w.code) });
    expect(heard).toEqual(['missing-glyph']);
  });

  it('strict mode throws from renderPdfWithWarnings and draftReport', async () => {
    await expect(renderPdfWithWarnings(report('王\u{30000}'), { fonts, strict: true })).rejects.toBeInstanceOf(MissingGlyphError);
    const school = JSON.parse(readFileSync(new URL('../../examples/school.json', import.meta.url), 'utf8'));
    const stats = { ...school, problems: ['王\u{30000}'] };
    await expect(draftReport(stats, { formats: ['pdf'], strict: true })).rejects.toBeInstanceOf(MissingGlyphError);
    const draft = await draftReport(stats, { formats: ['pdf'] });
    expect(draft.warnings.map((w) => w.code)).toContain('missing_glyph');
  });

  it('a character from a fallback font in the bold title is a warning naming it and the role', async () => {
    const { warnings } = await renderPdfWithWarnings(report('正文', '吉𠮷小学2025年工作总结'), { fonts });
    const fallback = warnings.filter((w) => w.code === 'fallback-glyph');
    expect(fallback).toMatchObject([{ role: 'title', char: '𠮷', codePoint: 'U+20BB7' }]);
    expect(fallback[0]!.message).toMatch(/lighter/);
    expect(fallback[0]!.message).toContain('lxgw');
    // In the body (regular), the same fallback is of the same weight: nothing to say.
    expect((await renderPdfWithWarnings(report('吉𠮷'), { fonts })).warnings).toEqual([]);
  });

  it('a role font without Chinese (--font body=a Latin font) is a warning, once', async () => {
    const mine = await loadFonts({ fonts: { body: robotoPath }, system: false });
    const { warnings } = await renderPdfWithWarnings(report('资助工作总结 and some Latin text，全年发放。'), { fonts: mine });
    const lacking = warnings.filter((w) => w.code === 'font-lacks-chinese' && w.role === 'body');
    expect(lacking).toHaveLength(1);
    expect(lacking[0]!.message).toContain('Roboto-Regular.ttf');
  });
});
