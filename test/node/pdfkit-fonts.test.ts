import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { create, type Font } from 'fontkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { fontParser, setFontParser } from '../../src/render/pdf/parser.js';
import { renderPdf, type FontSet } from '../../src/render/pdf/index.js';
import { sampleReport } from '../fixtures/sample-report.js';
import { defaultFonts, hasDefaultFonts } from '../support/pdf-fonts.js';

/**
 * The Node speed-ups (src/node/fonts/pdfkit.ts, subset.ts, shaping.ts) must
 * not change a byte: the PDF made with fonts shared with pdfkit is the PDF
 * pdfkit makes parsing every font itself, and fast-path shaping is fontkit's.
 */
const ok = hasDefaultFonts('fonts shared with pdfkit');

/** The same fonts as fresh byte arrays, so nothing parsed before is reused. */
function copied(fonts: FontSet): FontSet {
  const copies = new Map<Uint8Array, Uint8Array>();
  const copy = (data: Uint8Array) => copies.get(data) ?? copies.set(data, new Uint8Array(data)).get(data)!;
  return Object.fromEntries(Object.entries(fonts).map(([role, chain]) => [role, chain!.map((face) => ({ ...face, data: copy(face.data) }))]));
}

describe.skipIf(!ok)('fonts shared with pdfkit', () => {
  let fonts: FontSet;
  beforeAll(async () => {
    fonts = await defaultFonts(); // installs the sharing parser
  });

  it('gives byte-identical PDFs, first and later renders alike', async () => {
    const shared = fontParser();
    const first = await renderPdf(sampleReport, { fonts });
    const again = await renderPdf(sampleReport, { fonts });
    let plain: Uint8Array;
    setFontParser({ create }); // fontkit as is: pdfkit parses, shapes and subsets on its own
    try {
      plain = await renderPdf(sampleReport, { fonts: copied(fonts) });
    } finally {
      setFontParser(shared);
    }
    expect(Buffer.from(first).equals(Buffer.from(plain))).toBe(true);
    expect(Buffer.from(again).equals(Buffer.from(plain))).toBe(true);
  });

  it('encodes subsets byte for byte as fontkit, compound glyphs and the whole font alike', () => {
    type Subsetting = { numGlyphs: number; createSubset(): { includeGlyph(gid: number): number; encode(): Uint8Array } };
    const faces = [...new Set(Object.values(fonts).flat().map((face) => face!.data))];
    // pdfmake's Roboto has what the default fonts lack: short loca offsets, compound glyphs, cvt and fpgm.
    const roboto = join(dirname(createRequire(import.meta.url).resolve('pdfmake/package.json')), 'build/fonts/Roboto/Roboto-Regular.ttf');
    if (existsSync(roboto)) faces.push(new Uint8Array(readFileSync(roboto)));
    else console.warn(`⚠ subset encoding: ${roboto} not found; short loca and compound glyphs untested`);
    for (const data of faces) {
      const fast = fontParser().create(data) as Font & Subsetting;
      const plain = create(new Uint8Array(data)) as Font & Subsetting;
      const text = [...'资助工作总结，2025年（一）17.7%、ABC fi ffl —…“两免一补”ÅéÇñ'].map((ch) => plain.glyphForCodePoint(ch.codePointAt(0)!).id);
      const spread = Array.from({ length: 600 }, (_, i) => Math.floor((i * plain.numGlyphs) / 600));
      for (const gids of [[], text, spread]) {
        for (let round = 0; round < 2; round++) {
          const a = fast.createSubset();
          const b = plain.createSubset();
          for (const gid of gids) expect(a.includeGlyph(gid)).toBe(b.includeGlyph(gid));
          expect(Buffer.from(a.encode()).equals(Buffer.from(b.encode())), `${gids.length} glyphs`).toBe(true);
        }
      }
    }
  });

  it('shapes exactly as fontkit: fast path and memo alike', () => {
    const samples = [
      '资助工作总结，全年共发放国家助学金万元。',
      '（一）义务教育阶段：营养改善计划覆盖418人次；',
      '2025年1月—12月……“两免一补”《通知》',
      '17.7%、3.45万元、第1名 ABC fi ffl Wave AV',
      '𠮷䶮〇々〻ㄅㄆ・ー！＃％（）＊＋，－．／：；＜＝＞？［］｛｝～｡｢｣､･',
      '0123456789０１２３４５６７８９',
    ];
    const faces = [...new Set(Object.values(fonts).flat().map((face) => face!.data))];
    for (const data of faces) {
      const fast = fontParser().create(data) as Font;
      const plain = create(new Uint8Array(data)) as Font;
      for (const text of [...samples, ...samples.flatMap((s) => [...s])]) {
        for (let round = 0; round < 2; round++) {
          const a = fast.layout(text);
          const b = plain.layout(text);
          expect(a.glyphs.map((g) => g.id), text).toEqual(b.glyphs.map((g) => g.id));
          expect(a.positions.map((p) => ({ ...p })), text).toEqual(b.positions.map((p) => ({ ...p })));
          expect(a.advanceWidth).toBe(b.advanceWidth);
          a.positions.forEach((p) => (p.xAdvance *= 2)); // a caller's change must not reach the next caller
        }
      }
    }
  });
});
