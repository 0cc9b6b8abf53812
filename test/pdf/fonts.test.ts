import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { create } from 'fontkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { LXGW_WENKAI, NOTO_SERIF_REGULAR, defaultFontPath } from '../../src/node/fonts/defaults.js';
import { loadFonts } from '../../src/node/fonts/index.js';
import { fromFontconfig } from '../../src/node/fonts/system.js';
import { woffToSfnt } from '../../src/node/fonts/woff.js';
import type { Report } from '../../src/model/index.js';
import { renderPdfWithWarnings, type FontSet } from '../../src/render/pdf/index.js';
import { dropGlyphNames } from '../../src/render/pdf/sfnt.js';
import { sampleReport } from '../fixtures/sample-report.js';
import { defaultFonts, hasDefaultFonts } from '../support/pdf-fonts.js';
import { pdfFonts, pdfRawText } from '../support/pdf-tools.js';
import { requireCommands } from '../support/tools.js';

const ok = hasDefaultFonts('PDF fonts');
const toolsOk = requireCommands('PDF fonts (read back)', 'pdftotext', 'pdffonts');
const SRC = new URL('../../src/', import.meta.url).pathname;

/** A one-paragraph report about a person whose name has a rare character. */
const named = (name: string): Report => ({
  ...sampleReport,
  attachments: [],
  body: [{ type: 'paragraph', text: `联系人：${name}，电话12345678。` }],
  signature: { issuer: `${name}（代）`, date: '2025年12月20日' },
});

describe.skipIf(!ok)('fonts', () => {
  let fonts: FontSet;
  beforeAll(async () => {
    fonts = await defaultFonts();
  });

  describe('WOFF and SFNT', () => {
    it('unpacks a WOFF 1.0 font into a TTF that fontkit reads with every glyph', () => {
      const woff = readFileSync(defaultFontPath(LXGW_WENKAI)!);
      const ttf = woffToSfnt(woff);
      expect(new DataView(ttf.buffer, ttf.byteOffset).getUint32(0)).toBe(0x00010000);
      const font = create(ttf);
      expect(font && 'numGlyphs' in font && font.numGlyphs).toBeGreaterThan(30000);
      expect(font && !('fonts' in font) && font.hasGlyphForCodePoint(0x20bb7)).toBe(true);
    });

    it('passes TTF bytes through and refuses WOFF2', () => {
      const ttf = readFileSync(defaultFontPath(NOTO_SERIF_REGULAR)!);
      expect(woffToSfnt(ttf)).toBe(ttf);
      const woff2 = readFileSync(defaultFontPath(LXGW_WENKAI)!.replace(/\.woff$/, '.woff2'));
      expect(() => woffToSfnt(woff2)).toThrow(/WOFF2/);
    });

    it('drops glyph names but keeps every glyph and metric', () => {
      const ttf = readFileSync(defaultFontPath(NOTO_SERIF_REGULAR)!);
      const slim = dropGlyphNames(ttf);
      const [a, b] = [create(ttf), create(slim)] as unknown as { numGlyphs: number; unitsPerEm: number; ascent: number; post: { version: number; italicAngle: number } }[];
      expect(b!.post.version).toBe(3);
      expect([b!.numGlyphs, b!.unitsPerEm, b!.ascent, b!.post.italicAngle]).toEqual([a!.numGlyphs, a!.unitsPerEm, a!.ascent, a!.post.italicAngle]);
      expect(dropGlyphNames(slim)).toBe(slim);
    });

    it('keeps WOFF out of everything but the unpacker', () => {
      const files = (dir: string): string[] =>
        readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
      const offenders = files(SRC).filter((f) => !f.endsWith('node/fonts/woff.ts') && /\.woff/.test(readFileSync(f, 'utf8')));
      expect(offenders).toEqual([]);
    });
  });

  describe('loadFonts', () => {
    it('gives each role its look, then the other defaults as fallbacks', () => {
      const names = (role: keyof FontSet) => fonts[role]!.map((f) => f.name);
      expect(names('body')).toEqual(['NotoSerifSC_400Regular.ttf', 'lxgw-wenkai-latin-500-normal.woff', 'NotoSansSC_500Medium.ttf']);
      expect(names('title')[0]).toBe('NotoSerifSC_700Bold.ttf');
      expect(names('heading1')[0]).toBe('NotoSansSC_500Medium.ttf');
      expect(names('heading2')[0]).toBe('lxgw-wenkai-latin-500-normal.woff');
      expect(names('pageNumber')[0]).toBe('NotoSerifSC_400Regular.ttf');
    });

    it('loads each file once per process: the same bytes for every call and role', async () => {
      const again = await loadFonts({ system: false });
      expect(again.body![0]).toBe(fonts.body![0]);
      expect(again.heading2![0]!.data).toBe(fonts.body![1]!.data);
    });

    it('puts the caller’s fonts first, by path or as bytes', async () => {
      const path = defaultFontPath(NOTO_SERIF_REGULAR)!.replace('400Regular/NotoSerifSC_400Regular', '300Light/NotoSerifSC_300Light');
      const bytes = new Uint8Array(readFileSync(path.replace('300Light/NotoSerifSC_300Light', '900Black/NotoSerifSC_900Black')));
      const set = await loadFonts({ system: false, fonts: { body: path, title: [bytes] } });
      expect(set.body![0]!.name).toBe('NotoSerifSC_300Light.ttf');
      expect(set.body![1]!.name).toBe('NotoSerifSC_400Regular.ttf');
      expect(set.title![0]!.name).toBe('fonts.title');
    });

    it('names the role and path of a caller font it cannot read', async () => {
      await expect(loadFonts({ fonts: { heading1: '/nowhere/simhei.ttf' } })).rejects.toThrow(/fonts\.heading1 "\/nowhere\/simhei\.ttf"/);
    });

    it('fails clearly when there is no font at all', async () => {
      await expect(loadFonts({ system: false, defaults: false })).rejects.toThrow(/no Chinese font for the PDF \(fonts\.body\)[\s\S]*npx zongjie fonts/);
    });
  });

  describe('system fonts', () => {
    const listed = (family: string, style: string, path: string, postscriptName = '') => ({ path, families: [family], styles: [style], postscriptName });

    it('knows the conventional office fonts and the open ones by their fontconfig names', () => {
      const found = fromFontconfig([
        listed('Noto Serif CJK SC', 'Regular', '/f/NotoSerifCJK-Regular.ttc', 'NotoSerifCJKsc-Regular'),
        listed('Noto Serif CJK SC', 'Bold', '/f/NotoSerifCJK-Bold.ttc', 'NotoSerifCJKsc-Bold'),
        listed('Noto Sans Mono CJK SC', 'Regular', '/f/NotoSansCJK-Regular.ttc', 'NotoSansMonoCJKsc-Regular'),
        listed('Noto Sans CJK SC', 'Regular', '/f/NotoSansCJK-Regular.ttc', 'NotoSansCJKsc-Regular'),
        listed('FangSong', 'Regular', '/w/simfang.ttf'),
        listed('SimHei', 'Regular', '/w/simhei.ttf'),
        listed('KaiTi', 'Regular', '/w/simkai.ttf'),
        listed('SimSun', 'Regular', '/w/simsun.ttc', 'SimSun'),
      ]);
      expect(found.conventional.body).toEqual([{ path: '/w/simfang.ttf' }]);
      expect(found.conventional.heading1).toEqual([{ path: '/w/simhei.ttf' }]);
      expect(found.conventional.heading2).toEqual([{ path: '/w/simkai.ttf' }]);
      expect(found.conventional.pageNumber).toEqual([{ path: '/w/simsun.ttc', postscriptName: 'SimSun' }]);
      expect(found.conventional.title).toBeUndefined();
      expect(found.open.title).toEqual([{ path: '/f/NotoSerifCJK-Bold.ttc', postscriptName: 'NotoSerifCJKsc-Bold' }]);
      expect(found.open.heading1).toEqual([{ path: '/f/NotoSansCJK-Regular.ttc', postscriptName: 'NotoSansCJKsc-Regular' }]);
    });

    const noto = spawnSync('fc-list', [':family=Noto Serif CJK SC', 'file'], { encoding: 'utf8' }).stdout?.trim();
    if (!noto) console.warn('⚠ SKIPPING system collection fonts: no Noto Serif CJK SC on this machine (apt-get install fonts-noto-cjk)');
    it.skipIf(!noto)('falls back to system collections (TTC faces) when the npm defaults are left out, document after document', async () => {
      const set = await loadFonts({ defaults: false });
      expect(set.body![0]!.postscriptName).toBe('NotoSerifCJKsc-Regular');
      const report = named('王䶮');
      const first = await renderPdfWithWarnings(report, { fonts: set });
      const second = await renderPdfWithWarnings(report, { fonts: set });
      expect(Buffer.from(second.bytes).equals(Buffer.from(first.bytes))).toBe(true);
      if (toolsOk) expect(pdfFonts(first.bytes).map((f) => f.name.slice(7))).toContain('NotoSerifCJKsc-Regular');
    });
  });

  describe('characters', () => {
    it('draws rare name characters (䶮 U+4DAE, 𠮷 U+20BB7) from the fallback chain, with no warning', async () => {
      const { bytes, warnings } = await renderPdfWithWarnings(named('王䶮、吉𠮷'), { fonts });
      expect(warnings).toEqual([]);
      if (toolsOk) {
        expect(pdfRawText(bytes)).toContain('王䶮、吉𠮷');
        expect(pdfFonts(bytes).map((f) => f.name.slice(7))).toContain('LXGWWenKai-Regular');
      }
    });

    it('warns, naming the character, when no font in the chain has it', async () => {
      const { warnings } = await renderPdfWithWarnings(named('吉𠮷'), { fonts: { body: fonts.body!.slice(0, 1) } });
      expect(warnings.map((w) => ('char' in w ? [w.char, w.codePoint, w.role] : []))).toEqual([['𠮷', 'U+20BB7', 'body']]);
      expect(warnings[0]!.fonts).toEqual(['NotoSerifSC_400Regular.ttf']);
    });
  });
});
