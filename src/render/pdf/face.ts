import type { Font } from 'fontkit';
import type { FontFace } from './fonts.js';
import { fontParser, type FontParser } from './parser.js';
import { dropGlyphNames, sfntProblem } from './sfnt.js';

/**
 * A font parsed once per process and the metrics the layout needs.
 *
 * fontkit parses tables lazily, so parsing is cheap, but glyph look-ups and
 * advances are cached here because line breaking asks for every character.
 * pdfmake receives the same bytes under `file`; with a parser that can hand
 * pdfkit the parsed font (`pdfkitFace`, see parser.ts), pdfkit measures and
 * subsets with this very font object instead of parsing the bytes again.
 */
export interface Face {
  /** pdfmake font family, unique per bytes and face in this process. */
  family: string;
  /** pdfmake virtual file name holding the bytes. */
  file: string;
  source: FontFace;
  /** The bytes pdfmake gets: the source without glyph names (see sfnt.ts). */
  pdfData: Uint8Array;
  /**
   * The face name pdfmake passes pdfkit with `file`: the parser's handle to
   * this parsed font, or for a collection (TTC) the face pdfkit must pick.
   */
  pdfkitFace?: string;
  /** pdfkit's ascender and descender, in 1/1000 em (from hhea, as pdfkit reads them). */
  ascender: number;
  descender: number;
  /** Share of the ideographic em box above the baseline (OS/2 typo metrics; 0.88 for most CJK fonts). */
  emAscent: number;
  /** OS/2 weight class: 400 regular, 700 bold (400 when the font does not say). */
  weight: number;
  has(codePoint: number): boolean;
  /** Advance of one character in pt at `sizePt`, without shaping. */
  advance(codePoint: number, sizePt: number): number;
  /** Width of a run in pt exactly as pdfkit measures it (shaped, split at spaces). */
  width(text: string, sizePt: number): number;
}

const WIDE_ONLY = /^[\u2e80-\u9fff\uf900-\ufaff\uff01-\uff60\u{20000}-\u{3ffff}]*$/u;

const parsed = new WeakMap<Uint8Array, Map<string, Face>>();
let counter = 0;

/** The parsed face for these bytes, made once per process. */
export function faceOf(source: FontFace): Face {
  let byName = parsed.get(source.data);
  if (!byName) parsed.set(source.data, (byName = new Map()));
  const key = source.postscriptName ?? '';
  let face = byName.get(key);
  if (!face) byName.set(key, (face = makeFace(source, ++counter)));
  return face;
}

function makeFace(source: FontFace, id: number): Face {
  const parser = fontParser();
  // The bytes pdfkit gets, parsed here too: with a sharing parser they are one font object.
  const pdfData = dropGlyphNames(source.data);
  const { font, collection } = open(source, pdfData, parser);
  const pdfkitFace = parser.handle?.(font) ?? (collection ? font.postscriptName : undefined);
  const perEm = font.unitsPerEm;
  const typo = font['OS/2'];
  const emAscent = typo && typo.typoAscender > 0 ? typo.typoAscender / (typo.typoAscender - typo.typoDescender) : 0.88;
  const hasCache = new Map<number, boolean>();
  const advCache = new Map<number, number>();
  return {
    family: `zj${id}`,
    file: `zongjie-font-${id}.ttf`,
    source,
    pdfData,
    ...(pdfkitFace ? { pdfkitFace } : {}),
    ascender: (font.ascent * 1000) / perEm,
    descender: (font.descent * 1000) / perEm,
    emAscent,
    weight: typo?.usWeightClass || 400,
    has(cp) {
      let hit = hasCache.get(cp);
      if (hit === undefined) hasCache.set(cp, (hit = font.hasGlyphForCodePoint(cp)));
      return hit;
    },
    advance(cp, sizePt) {
      let adv = advCache.get(cp);
      if (adv === undefined) advCache.set(cp, (adv = font.glyphForCodePoint(cp).advanceWidth));
      return (adv * sizePt) / perEm;
    },
    width(text, sizePt) {
      // Ideographs and full-width punctuation do not kern: their advances add up (measured on the seeds).
      if (WIDE_ONLY.test(text)) {
        let pt = 0;
        for (const ch of text) pt += this.advance(ch.codePointAt(0)!, sizePt);
        return pt;
      }
      // Anything else is shaped as pdfkit does, in pieces that end after each space or tab.
      let units = 0;
      for (const piece of text.match(/[^ \t]*[ \t]?/g) ?? []) {
        if (piece) units += font.layout(piece).advanceWidth;
      }
      return (units * sizePt) / perEm;
    },
  };
}

function open(source: FontFace, data: Uint8Array, parser: FontParser): { font: Font; collection: boolean } {
  const problem = sfntProblem(data);
  if (problem) throw new TypeError(`renderPdf: font "${source.name}" ${problem}`);
  const opened = parse(source, data, parser);
  // Outlines and metrics are read lazily: read one now, so damage inside a table shows here, naming the font.
  try {
    const glyph = opened.font.glyphForCodePoint(opened.font.hasGlyphForCodePoint(0x4e2d) ? 0x4e2d : 0x41);
    void glyph.path;
    void glyph.advanceWidth;
  } catch (error) {
    throw new TypeError(`renderPdf: font "${source.name}" is damaged: ${(error as Error).message}`, { cause: error });
  }
  return opened;
}

function parse(source: FontFace, data: Uint8Array, parser: FontParser): { font: Font; collection: boolean } {
  const magic = String.fromCharCode(...data.subarray(0, 4));
  if (magic !== 'ttcf') {
    const made = parser.create(data);
    if (!made || 'fonts' in made) throw new TypeError(`renderPdf: font "${source.name}" is not a TTF or OTF font`);
    return { font: made, collection: false };
  }
  // A collection: the named face, else the first.
  const made = source.postscriptName ? parser.create(data, source.postscriptName) : parser.create(data);
  const font = made && 'fonts' in made ? made.fonts[0] : made;
  if (!font) throw new TypeError(`renderPdf: font collection "${source.name}" has no face "${source.postscriptName ?? ''}"`);
  return { font, collection: true };
}
