import { promisify } from 'node:util';
import { inflate, inflateSync } from 'node:zlib';
import { writeSfnt, type SfntTable } from '../../render/pdf/sfnt.js';

/**
 * WOFF 1.0 → SFNT (TTF/OTF) unpacking, the one place that knows about WOFF.
 *
 * pdfkit's fontkit re-inflates WOFF tables with a pure-JS inflater on every
 * table access (a five-page report took 88 s instead of 0.36 s), so a WOFF
 * is unpacked once with node:zlib and only the plain font reaches the PDF
 * renderer. WOFF2 (Brotli + transformed glyf) is not supported: pdfkit
 * renders it blank, and no default font needs it.
 */

const WOFF_SIGNATURE = 0x774f4646; // 'wOFF'
const WOFF2_SIGNATURE = 0x774f4632; // 'wOF2'
const WOFF_HEADER_BYTES = 44;
const WOFF_ENTRY_BYTES = 20;

/** The file name of a WOFF 1.0 font, for resolvers that name a packaged file by its stem. */
export function woffFile(stem: string): string {
  return `${stem}.woff`;
}

export function isWoff(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && view(bytes).getUint32(0) === WOFF_SIGNATURE;
}

export function isWoff2(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && view(bytes).getUint32(0) === WOFF2_SIGNATURE;
}

/**
 * Unpack a WOFF 1.0 file into the SFNT it wraps; other bytes pass through.
 * `transform` may change the tables on the way (one copy instead of two).
 *
 * @throws {TypeError} for WOFF2, which pdfkit cannot draw.
 * @throws {RangeError} when a table does not unpack to its declared length.
 */
export function woffToSfnt(bytes: Uint8Array, transform: (tables: SfntTable[]) => SfntTable[] = (t) => t): Uint8Array {
  const woff = readWoff(bytes);
  if (!woff) return bytes;
  const tables = woff.entries.map((entry) => checked(entry, entry.packed ? inflateSync(entry.data) : entry.data));
  return writeSfnt(woff.flavor, transform(tables));
}

const inflateAsync = promisify(inflate);

/**
 * {@link woffToSfnt} with the tables inflated on libuv's thread pool: the
 * 10 MB of LXGW WenKai unpack (120–380 ms) while the main thread composes
 * and renders the DOCX.
 */
export async function woffToSfntAsync(bytes: Uint8Array, transform: (tables: SfntTable[]) => SfntTable[] = (t) => t): Promise<Uint8Array> {
  const woff = readWoff(bytes);
  if (!woff) return bytes;
  const tables = await Promise.all(woff.entries.map(async (entry) => checked(entry, entry.packed ? await inflateAsync(entry.data) : entry.data)));
  return writeSfnt(woff.flavor, transform(tables));
}

interface WoffEntry {
  tag: number;
  checksum: number;
  origLength: number;
  /** The table as stored: deflated when `packed`. */
  data: Uint8Array;
  packed: boolean;
}

/** The WOFF header and table directory; undefined for bytes that are not WOFF. */
function readWoff(bytes: Uint8Array): { flavor: number; entries: WoffEntry[] } | undefined {
  if (isWoff2(bytes)) throw new TypeError('woffToSfnt: WOFF2 is not supported; pass a TTF, OTF or WOFF 1.0 file');
  if (!isWoff(bytes)) return undefined;
  const src = view(bytes);
  const numTables = src.getUint16(12);
  const entries = Array.from({ length: numTables }, (_, i): WoffEntry => {
    const at = WOFF_HEADER_BYTES + i * WOFF_ENTRY_BYTES;
    const offset = src.getUint32(at + 4);
    const compLength = src.getUint32(at + 8);
    const origLength = src.getUint32(at + 12);
    return { tag: src.getUint32(at), checksum: src.getUint32(at + 16), origLength, data: bytes.subarray(offset, offset + compLength), packed: compLength < origLength };
  });
  return { flavor: src.getUint32(4), entries };
}

function checked(entry: WoffEntry, data: Uint8Array): SfntTable {
  if (data.length !== entry.origLength) {
    throw new RangeError(`woffToSfnt: table ${tagName(entry.tag)} unpacked to ${data.length} bytes, expected ${entry.origLength}`);
  }
  return { tag: entry.tag, checksum: entry.checksum, data };
}

function tagName(tag: number): string {
  return String.fromCharCode((tag >>> 24) & 255, (tag >>> 16) & 255, (tag >>> 8) & 255, tag & 255);
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
