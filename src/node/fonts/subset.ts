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
  let template: Template | null | undefined; // null: fontkit's file is not as expected, keep its encoder
  font.createSubset = function () {
    const subset = createSubset.call(this);
    if (typeof subset._addGlyph !== 'function' || typeof subset.encode !== 'function') return subset;
    if (template === undefined) template = readTemplate(createSubset.call(this).encode!()) ?? null;
    const parts = template;
    if (parts) subset.encode = () => encodeSubset(subset, parts, font.loca.version);
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
  loca: { offsets: number[]; version: number };
  _variationProcessor: unknown;
  _getTableStream(tag: string): { pos: number; readBuffer(length: number): Uint8Array } | null;
  getGlyph(gid: number): { advanceWidth: number; _decode(): { numberOfContours: number; components?: { glyphID: number; pos: number }[] } | null; _getMetrics(): { leftBearing: number } };
  createSubset(): TrueTypeSubset;
}
interface TrueTypeSubset {
  _addGlyph?(gid: number): number;
  encode?(): Uint8Array;
  includeGlyph(gid: number): number;
  glyphs: number[];
  glyf: Uint8Array[];
  loca: { offsets: number[]; version: number };
  hmtx: { metrics: { advance: number; bearing: number }[]; bearings: number[] };
  offset: number;
}

/** A glyph as a subset copies it: its `glyf` bytes, the components a compound glyph names, its metrics. */
interface GlyphRecord {
  data: Uint8Array;
  components?: { glyphID: number; pos: number }[];
  advance: number;
  bearing: number;
}

/**
 * A subset font file of fontkit's (TTFSubset.encode) as parts: the table
 * directory's header, and each table in directory order, with its bytes when
 * they do not depend on the glyphs.
 */
interface Template {
  header: Uint8Array;
  tables: { tag: string; data: Uint8Array }[];
}

/** The parts of a subset fontkit encoded (of .notdef alone); undefined if the file is not as expected. */
function readTemplate(file: Uint8Array): Template | undefined {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const count = view.getUint16(4);
  const tables: Template['tables'] = [];
  let end = 12 + 16 * count;
  for (let i = 0; i < count; i++) {
    const at = 12 + 16 * i;
    const offset = view.getUint32(at + 8);
    const length = view.getUint32(at + 12);
    // fontkit writes the tables back to back in directory order, checksums 0: anything else is not understood here.
    if (offset !== end || view.getUint32(at + 4) !== 0) return undefined;
    tables.push({ tag: String.fromCharCode(...file.subarray(at, at + 4)), data: file.subarray(offset, offset + length) });
    end += length;
  }
  return end === file.length ? { header: file.subarray(0, 12), tables } : undefined;
}

/**
 * The subset font file, byte for byte as fontkit writes it, without its
 * generic encoder (a struct walk for every loca, glyf and hmtx entry, 1–2 ms
 * a report): head, cvt, prep and fpgm as fontkit wrote them for the
 * template, hhea and maxp with this subset's glyph counts, and loca, glyf
 * and hmtx from this subset's glyphs.
 */
function encodeSubset(subset: TrueTypeSubset, template: Template, locaVersion: number): Uint8Array {
  // As fontkit's encode: every glyph (compound glyphs add their components as they go).
  subset.glyf = [];
  subset.offset = 0;
  subset.loca = { offsets: [], version: locaVersion };
  subset.hmtx = { metrics: [], bearings: [] };
  for (let i = 0; i < subset.glyphs.length; i++) subset._addGlyph!(subset.glyphs[i]!);
  subset.loca.offsets.push(subset.offset);

  const { offsets } = subset.loca;
  const { metrics } = subset.hmtx;
  const loca = new DataView(new ArrayBuffer(offsets.length * (locaVersion === 0 ? 2 : 4)));
  offsets.forEach((offset, i) => (locaVersion === 0 ? loca.setUint16(2 * i, offset >>> 1) : loca.setUint32(4 * i, offset)));
  const hmtx = new DataView(new ArrayBuffer(metrics.length * 4));
  metrics.forEach((metric, i) => {
    hmtx.setUint16(4 * i, metric.advance);
    hmtx.setInt16(4 * i + 2, metric.bearing);
  });
  const glyf = new Uint8Array(subset.offset);
  subset.glyf.reduce((at, data) => (glyf.set(data, at), at + data.length), 0);
  const fresh: Record<string, Uint8Array | undefined> = {
    loca: new Uint8Array(loca.buffer),
    glyf,
    hmtx: new Uint8Array(hmtx.buffer),
    hhea: withUint16(template, 'hhea', 34, metrics.length), // numberOfMetrics
    maxp: withUint16(template, 'maxp', 4, subset.glyf.length), // numGlyphs
  };

  const tables = template.tables.map(({ tag, data }) => ({ tag, data: fresh[tag] ?? data }));
  const file = new Uint8Array(tables.reduce((size, table) => size + table.data.length, 12 + 16 * tables.length));
  const view = new DataView(file.buffer);
  file.set(template.header);
  let offset = 12 + 16 * tables.length;
  tables.forEach(({ tag, data }, i) => {
    const at = 12 + 16 * i;
    for (let k = 0; k < 4; k++) file[at + k] = tag.charCodeAt(k);
    view.setUint32(at + 8, offset);
    view.setUint32(at + 12, data.length);
    file.set(data, offset);
    offset += data.length;
  });
  return file;
}

/** A template table with one uint16 field set. */
function withUint16(template: Template, tag: string, at: number, value: number): Uint8Array | undefined {
  const table = template.tables.find((t) => t.tag === tag);
  if (!table) return undefined;
  const data = table.data.slice();
  new DataView(data.buffer).setUint16(at, value);
  return data;
}
