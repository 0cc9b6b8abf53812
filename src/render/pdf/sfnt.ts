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

/** The tables of a single-font SFNT, or undefined for anything else (a collection, WOFF). */
export function readSfnt(bytes: Uint8Array): { flavor: number; tables: SfntTable[] } | undefined {
  if (bytes.length < HEADER_BYTES) return undefined;
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
