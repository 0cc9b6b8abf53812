import type { Font } from 'fontkit';

/**
 * Subsets of a shared font copy each glyph from a per-process record.
 *
 * fontkit's TrueType subset decodes every glyph's outline, points and all,
 * for every document, only to learn whether it is compound (12 ms of a warm
 * report). The record keeps what that decode yields, so later documents copy
 * bytes. The output is fontkit's own: same order, same bytes (docs/performance.md).
 */
export function cacheSubsetGlyphs(made: Font): void {
  const font = made as unknown as SubsettableFont;
  if (!font.directory.tables.glyf || font._variationProcessor) return; // CFF and variable fonts: fontkit's own way
  const records = new Map<number, GlyphRecord>();
  const record = (gid: number): GlyphRecord => {
    let found = records.get(gid);
    if (!found) {
      const glyph = font.getGlyph(gid);
      const glyf = glyph._decode();
      const stream = font._getTableStream('glyf')!;
      stream.pos += font.loca.offsets[gid]!;
      const data = stream.readBuffer(font.loca.offsets[gid + 1]! - font.loca.offsets[gid]!);
      const components = glyf && glyf.numberOfContours < 0 ? glyf.components : undefined;
      found = { data, ...(components ? { components } : {}), advance: glyph.advanceWidth, bearing: glyph._getMetrics().leftBearing };
      records.set(gid, found);
    }
    return found;
  };
  const createSubset = font.createSubset;
  font.createSubset = function () {
    const subset = createSubset.call(this);
    if (typeof subset._addGlyph !== 'function') return subset;
    subset._addGlyph = function (gid) {
      const glyph = record(gid);
      let data = glyph.data;
      if (glyph.components) {
        // Renumber the components as fontkit does, in a copy: the record stays as the font has it.
        data = new Uint8Array(data);
        const view = new DataView(data.buffer);
        for (const component of glyph.components) view.setUint16(component.pos, this.includeGlyph(component.glyphID));
      }
      this.glyf.push(data);
      this.loca.offsets.push(this.offset);
      this.hmtx.metrics.push({ advance: glyph.advance, bearing: glyph.bearing });
      this.offset += data.length;
      return this.glyf.length - 1;
    };
    return subset;
  };
}

/** The parts of a fontkit TrueType font and its subset that `cacheSubsetGlyphs` touches (fontkit 2.0.4). */
interface SubsettableFont {
  directory: { tables: Record<string, unknown> };
  loca: { offsets: number[] };
  _variationProcessor: unknown;
  _getTableStream(tag: string): { pos: number; readBuffer(length: number): Uint8Array } | null;
  getGlyph(gid: number): { advanceWidth: number; _decode(): { numberOfContours: number; components?: { glyphID: number; pos: number }[] } | null; _getMetrics(): { leftBearing: number } };
  createSubset(): TrueTypeSubset;
}
interface TrueTypeSubset {
  _addGlyph?(gid: number): number;
  includeGlyph(gid: number): number;
  glyf: Uint8Array[];
  loca: { offsets: number[] };
  hmtx: { metrics: { advance: number; bearing: number }[] };
  offset: number;
}

/** A glyph as a subset copies it: its `glyf` bytes, the components a compound glyph names, its metrics. */
interface GlyphRecord {
  data: Uint8Array;
  components?: { glyphID: number; pos: number }[];
  advance: number;
  bearing: number;
}
