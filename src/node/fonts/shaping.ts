import type { Font, Glyph, GlyphRun } from 'fontkit';

/**
 * Shaping that can be skipped, exactly.
 *
 * pdfkit shapes every run of text with fontkit (script detection, the
 * default GSUB and GPOS features), for measuring and again per document:
 * 10 ms of a warm report. Chinese text almost never meets a lookup: in Noto
 * Serif SC the default features' lookups (ccmp, liga, kern, mark, mkmk, …)
 * cover 642 glyphs — Latin letters, —, …, · — and no ideograph. A lookup can
 * only act on a glyph in its coverage, so a run none of whose glyphs is
 * covered shapes to its glyphs at their advances. Such runs are answered
 * from the cmap and the advances here. Every other run (digits and dashes
 * are covered: Noto kerns them) goes to fontkit. Either way a run is worked
 * out once per process and then copied from a memo, as pdfkit's own
 * per-document cache does. A font whose layout could still differ (AAT,
 * variable, a legacy `kern` table, a lookup shape not understood) keeps
 * fontkit's shaping for everything.
 */

/** Features fontkit applies to horizontal text without user features (fontkit 2.0.4, DefaultShaper). */
const DEFAULT_FEATURES = new Set(['rvrn', 'ltra', 'ltrm', 'ccmp', 'locl', 'rlig', 'mark', 'mkmk', 'calt', 'clig', 'liga', 'rclt', 'curs', 'kern']);

/**
 * Characters the fast path takes: printable ASCII, Latin-1 signs, general
 * punctuation, CJK, full-width forms. Left out: spaces (pdfkit splits runs
 * there), marks, variation selectors and default-ignorables (fontkit treats
 * them specially), and Hangul jamo (its own shaper).
 */
const PLAIN =
  /^[\u0021-\u007e\u00b0\u00b7\u00d7\u00f7\u2010-\u2027\u2030-\u205e\u2e80-\u3029\u3030-\u3098\u309b-\u312f\u3190-\u9fff\uf900-\ufaff\ufe10-\ufe19\ufe30-\ufe4f\uff01-\uff60\uffe0-\uffe6\u{20000}-\u{3ffff}]+$/u;

interface Coverage {
  version: number;
  glyphs?: number[];
  rangeRecords?: { start: number; end: number }[];
}

interface LayoutTable {
  featureList: { tag: string; feature: { lookupListIndexes: number[] } }[];
  lookupList: { get(index: number): { subTables: unknown } };
  featureVariations?: unknown;
}

interface ShapedFont {
  GSUB?: LayoutTable;
  GPOS?: LayoutTable;
  GDEF?: { glyphClassDef?: unknown };
  directory: { tables: Record<string, unknown> };
  layout(text: string, ...rest: unknown[]): GlyphRun;
  glyphForCodePoint(codePoint: number): Glyph;
}

/** Shaped runs kept per font; past this many distinct texts the memo starts afresh. */
const MEMO_SIZE = 4096;

type Position = GlyphRun['positions'][number] & { yAdvance: number; xOffset: number; yOffset: number };

/** What a run is made of, kept so that every caller can get a fresh run. */
interface Shape {
  glyphs: Glyph[];
  positions: Position[];
  features: Record<string, boolean>;
  script: string;
  direction: string;
}

/** Give a shared font the fast path for runs no lookup touches, and a memo for the rest. */
export function plainRuns(made: Font): void {
  const font = made as unknown as ShapedFont;
  const covered = coveredGlyphs(font);
  if (!covered) return;
  const layout = font.layout;
  // fontkit's own classes, so the runs are the objects pdfkit always gets.
  const sample = layout.call(font, '0');
  const Run = sample.constructor as new (glyphs: Glyph[], features: object, script: string, language: null, direction: string) => GlyphRun;
  const Position = sample.positions[0]!.constructor as new (xAdvance: number, yAdvance?: number, xOffset?: number, yOffset?: number) => Position;
  // A run handed out is pdfkit's to change (it scales the positions in place): each caller gets its own.
  const copy = (shape: Shape): GlyphRun => {
    const run = new Run(shape.glyphs.slice(), { ...shape.features }, shape.script, null, shape.direction);
    run.positions = shape.positions.map((p) => new Position(p.xAdvance, p.yAdvance, p.xOffset, p.yOffset));
    return run;
  };
  /** A run no lookup touches: its glyphs at their advances, as fontkit would return it. */
  const plain = (text: string): Shape | undefined => {
    if (!PLAIN.test(text)) return undefined;
    const glyphs: Glyph[] = [];
    for (const ch of text) glyphs.push(font.glyphForCodePoint(ch.codePointAt(0)!));
    if (glyphs.some((glyph) => covered.has(glyph.id))) return undefined;
    return { glyphs, positions: glyphs.map((glyph) => new Position(glyph.advanceWidth)), features: {}, script: 'Zyyy', direction: 'ltr' };
  };
  const memo = new Map<string, Shape>();
  font.layout = function (text: string, ...rest: unknown[]): GlyphRun {
    if (typeof text !== 'string' || !(rest.length === 0 || (rest.length === 1 && rest[0] === undefined))) {
      return layout.call(this, text, ...rest); // features, script or glyphs given: fontkit decides
    }
    // Every document measures and draws its runs afresh: plain or shaped, a run is worked out once.
    let shape = memo.get(text);
    if (!shape) {
      shape = plain(text) ?? shaped(layout.call(this, text) as GlyphRun & Omit<Shape, 'glyphs'>);
      if (memo.size >= MEMO_SIZE) memo.clear();
      memo.set(text, shape);
    }
    return copy(shape);
  };
}

function shaped(run: GlyphRun & Omit<Shape, 'glyphs'>): Shape {
  return { glyphs: run.glyphs, positions: run.positions, features: run.features, script: run.script, direction: run.direction };
}

/**
 * Every glyph a default-feature lookup could act on, or undefined when that
 * cannot be known here (then the font keeps fontkit's shaping for all text).
 * A superset is safe: it only sends more runs to fontkit.
 */
function coveredGlyphs(font: ShapedFont): Set<number> | undefined {
  const tables = font.directory.tables;
  // AAT shaping, variations and the legacy kern table all position outside GSUB/GPOS.
  if (tables.morx || tables.fvar || tables.kern || tables.kerx) return undefined;
  const covered = new Set<number>();
  try {
    for (const table of [font.GSUB, font.GPOS]) {
      if (!table) continue;
      if (table.featureVariations) return undefined;
      const lookups = new Set<number>();
      for (const record of table.featureList) {
        if (DEFAULT_FEATURES.has(record.tag)) record.feature.lookupListIndexes.forEach((i) => lookups.add(i));
      }
      for (const index of lookups) {
        for (const subtable of list(table.lookupList.get(index).subTables)) {
          if (addCoverages(subtable, covered) === 0) return undefined; // a shape without coverage: unknown
        }
      }
    }
    // Glyphs GDEF calls marks lose their advance in fontkit.
    if (font.GDEF?.glyphClassDef && !addMarks(font.GDEF.glyphClassDef, covered)) return undefined;
  } catch {
    return undefined; // a table fontkit cannot decode: leave shaping to it
  }
  return covered;
}

/** Add the glyphs of every coverage in a subtable (an extension's wrapped one included); returns how many were found. */
function addCoverages(subtable: unknown, covered: Set<number>): number {
  if (!subtable || typeof subtable !== 'object') return 0;
  let found = 0;
  for (const [key, value] of Object.entries(subtable)) {
    if (key === 'extension') found += addCoverages(value, covered);
    else if (/coverage/i.test(key)) {
      for (const coverage of list(value)) {
        if (!isCoverage(coverage)) return 0;
        if (coverage.version === 1) coverage.glyphs!.forEach((g) => covered.add(g));
        else for (const r of coverage.rangeRecords!) for (let g = r.start; g <= r.end; g++) covered.add(g);
        found++;
      }
    }
  }
  return found;
}

function isCoverage(value: unknown): value is Coverage {
  const c = value as Coverage | null;
  return !!c && ((c.version === 1 && Array.isArray(c.glyphs)) || (c.version === 2 && Array.isArray(c.rangeRecords)));
}

/** GDEF class 3 (mark) glyphs; false for a class table of unknown shape. */
function addMarks(classDef: unknown, covered: Set<number>): boolean {
  const def = classDef as { version?: number; startGlyph?: number; classValueArray?: number[]; classRangeRecord?: { start: number; end: number; class: number }[] };
  if (def.version === 1 && Array.isArray(def.classValueArray)) {
    def.classValueArray.forEach((cls, i) => cls === 3 && covered.add(def.startGlyph! + i));
    return true;
  }
  if (def.version === 2 && Array.isArray(def.classRangeRecord)) {
    for (const r of def.classRangeRecord) if (r.class === 3) for (let g = r.start; g <= r.end; g++) covered.add(g);
    return true;
  }
  return false;
}

/** A restructure array (lazy or not) or a single value, as an array. */
function list(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  const lazy = value as { toArray?: () => unknown[] } | null;
  if (lazy && typeof lazy.toArray === 'function') return lazy.toArray();
  return value === undefined || value === null ? [] : [value];
}
