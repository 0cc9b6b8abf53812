/**
 * Writing SFNT (TrueType/OpenType) files from tables, and the one rewrite
 * the renderer makes to the fonts it hands pdfmake: dropping glyph names.
 *
 * pdfkit parses each font afresh for every document, and reading the PDF
 * font descriptor's italic angle makes fontkit decode the whole `post` table,
 * glyph names included: 34 ms a report for LXGW WenKai's 30,000 names (the
 * Noto defaults already ship without). A version 3 `post` keeps every metric
 * and no names; embedded subsets never carried them anyway.
 */

export interface SfntTable {
  tag: number;
  checksum: number;
  data: Uint8Array;
}

const HEADER_BYTES = 12;
const ENTRY_BYTES = 16;
const POST = 0x706f7374; // 'post'
const POST_V3_BYTES = 32;

/** An SFNT from its tables; records are sorted by tag, data 4-byte aligned. */
export function writeSfnt(flavor: number, tables: readonly SfntTable[]): Uint8Array {
  const sorted = [...tables].sort((a, b) => a.tag - b.tag);
  let size = HEADER_BYTES + sorted.length * ENTRY_BYTES;
  for (const t of sorted) size += pad4(t.data.length);
  const out = new Uint8Array(size);
  const dst = view(out);
  const entrySelector = Math.floor(Math.log2(sorted.length));
  const searchRange = 2 ** entrySelector * 16;
  dst.setUint32(0, flavor);
  dst.setUint16(4, sorted.length);
  dst.setUint16(6, searchRange);
  dst.setUint16(8, entrySelector);
  dst.setUint16(10, sorted.length * 16 - searchRange);
  let at = HEADER_BYTES + sorted.length * ENTRY_BYTES;
  sorted.forEach((t, i) => {
    const rec = HEADER_BYTES + i * ENTRY_BYTES;
    dst.setUint32(rec, t.tag);
    dst.setUint32(rec + 4, t.checksum);
    dst.setUint32(rec + 8, at);
    dst.setUint32(rec + 12, t.data.length);
    out.set(t.data, at);
    at += pad4(t.data.length);
  });
  return out;
}

const tagOf = (tag: number) => String.fromCharCode((tag >>> 24) & 255, (tag >>> 16) & 255, (tag >>> 8) & 255, tag & 255);
const SFNT_FLAVORS = new Set([0x00010000, 0x4f54544f /* OTTO */, 0x74727565 /* true */]);

/**
 * Why these bytes are not a font file the renderer can use, or undefined
 * when its structure is sound: a WOFF2 or WOFF file, a file cut short (a
 * table runs past the end), a table directory out of bounds, or tables a
 * font cannot do without missing. Checked before any parser reads the
 * bytes, so a damaged font is refused when it is loaded, naming the file,
 * not deep in a render with "Offset is outside the bounds of the DataView".
 */
export function sfntProblem(bytes: Uint8Array): string | undefined {
  if (bytes.length < HEADER_BYTES) return `is ${bytes.length} bytes long, too short to be a font`;
  const src = view(bytes);
  const magic = src.getUint32(0);
  if (magic === 0x774f4632) return 'is WOFF2, which the PDF renderer cannot use: convert it to TTF or OTF';
  if (magic === 0x774f4646) return 'is WOFF: unpack it first (loadFonts does) or pass TTF/OTF';
  if (magic === 0x74746366 /* ttcf */) {
    const count = src.getUint32(8);
    if (count === 0 || HEADER_BYTES + 4 * count > bytes.length) return 'is a font collection whose header is cut short';
    for (let i = 0; i < count; i++) {
      const problem = directoryProblem(bytes, src.getUint32(HEADER_BYTES + 4 * i));
      if (problem) return `is a font collection whose face ${i + 1} ${problem}`;
    }
    return undefined;
  }
  if (!SFNT_FLAVORS.has(magic)) return 'is not a TrueType or OpenType font (its first bytes say something else)';
  return directoryProblem(bytes, 0);
}

function directoryProblem(bytes: Uint8Array, at: number): string | undefined {
  const src = view(bytes);
  if (at + HEADER_BYTES > bytes.length) return `is cut short: its table directory would start at byte ${at}, the file has ${bytes.length}`;
  if (!SFNT_FLAVORS.has(src.getUint32(at))) return 'has no font at its stated offset';
  const count = src.getUint16(at + 4);
  const end = at + HEADER_BYTES + count * ENTRY_BYTES;
  if (end > bytes.length) return `is cut short: its table directory (${count} tables) runs past the end of the file (${bytes.length} bytes)`;
  const tags = new Set<string>();
  for (let i = 0; i < count; i++) {
    const rec = at + HEADER_BYTES + i * ENTRY_BYTES;
    const tag = tagOf(src.getUint32(rec));
    const offset = src.getUint32(rec + 8);
    const length = src.getUint32(rec + 12);
    if (offset + length > bytes.length) return `is cut short or damaged: table "${tag.trim()}" ends at byte ${offset + length}, the file has ${bytes.length}`;
    tags.add(tag);
  }
  const missing = ['cmap', 'head', 'hhea', 'hmtx', 'maxp'].filter((t) => !tags.has(t));
  if (!(tags.has('glyf') && tags.has('loca')) && !tags.has('CFF ') && !tags.has('CFF2')) missing.push('glyf/loca or CFF');
  return missing.length ? `is damaged: it lacks the tables ${missing.join(', ')}` : undefined;
}

/** The tables of a single-font SFNT, or undefined for anything else (a collection, WOFF, a damaged file). */
export function readSfnt(bytes: Uint8Array): { flavor: number; tables: SfntTable[] } | undefined {
  if (bytes.length < HEADER_BYTES || sfntProblem(bytes)) return undefined;
  const src = view(bytes);
  const flavor = src.getUint32(0);
  if (flavor !== 0x00010000 && flavor !== 0x4f54544f /* OTTO */ && flavor !== 0x74727565 /* true */) return undefined;
  const count = src.getUint16(4);
  const tables: SfntTable[] = [];
  for (let i = 0; i < count; i++) {
    const rec = HEADER_BYTES + i * ENTRY_BYTES;
    const offset = src.getUint32(rec + 8);
    const length = src.getUint32(rec + 12);
    tables.push({ tag: src.getUint32(rec), checksum: src.getUint32(rec + 4), data: bytes.subarray(offset, offset + length) });
  }
  return { flavor, tables };
}

/** The font with a version 3 `post` table (no glyph names); other bytes pass through. */
export function dropGlyphNames(bytes: Uint8Array): Uint8Array {
  const sfnt = readSfnt(bytes);
  if (!sfnt || !hasGlyphNames(sfnt.tables)) return bytes;
  return writeSfnt(sfnt.flavor, withoutGlyphNames(sfnt.tables));
}

/** The tables with `post` cut to version 3. */
export function withoutGlyphNames(tables: readonly SfntTable[]): SfntTable[] {
  return tables.map((t) => {
    if (t.tag !== POST || t.data.length <= POST_V3_BYTES) return t;
    const data = t.data.slice(0, POST_V3_BYTES);
    view(data).setUint32(0, 0x00030000);
    return { tag: POST, checksum: checksum(data), data };
  });
}

function hasGlyphNames(tables: readonly SfntTable[]): boolean {
  return tables.some((t) => t.tag === POST && t.data.length > POST_V3_BYTES);
}

function checksum(data: Uint8Array): number {
  const padded = new Uint8Array(pad4(data.length));
  padded.set(data);
  const v = view(padded);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + v.getUint32(i)) >>> 0;
  return sum;
}

function pad4(n: number): number {
  return (n + 3) & ~3;
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
