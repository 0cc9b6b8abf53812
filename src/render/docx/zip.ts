import { deflateSync } from 'fflate';

/** A file of the package, compressed, ready to be written into a zip file any number of times. */
export interface ZipEntry {
  name: Uint8Array;
  /** Whether the name is more than ASCII (general purpose flag 11: UTF-8). */
  unicode: boolean;
  crc: number;
  size: number;
  data: Uint8Array;
}

const utf8 = new TextEncoder();

const CRC_TABLE = Int32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});

function crc32(bytes: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

/** A file deflated at fflate's default level, the one docx's packer uses. */
export function zipEntry(path: string, content: string | Uint8Array): ZipEntry {
  const bytes = typeof content === 'string' ? utf8.encode(content) : content;
  const name = utf8.encode(path);
  return { name, unicode: name.length !== path.length, crc: crc32(bytes), size: bytes.length, data: deflateSync(bytes) };
}

/**
 * The entries as a zip file, in order, laid out as fflate's `zipSync` lays
 * them out (so a package is the same bytes docx would give), every entry
 * dated by `date` (yyyy-mm-dd) at 00:00 rather than by the clock.
 */
export function zip(entries: Iterable<ZipEntry>, date: string): Uint8Array {
  const list = [...entries];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const dosDate = ((y - 1980) << 9) | (m << 5) | d;
  const local = list.reduce((n, e) => n + 30 + e.name.length + e.data.length, 0);
  const central = list.reduce((n, e) => n + 46 + e.name.length, 0);
  const out = new Uint8Array(local + central + 22);
  const view = new DataView(out.buffer);
  // The fields local and central headers share, from "version needed" on.
  const common = (at: number, e: ZipEntry) => {
    view.setUint16(at, 20, true);
    view.setUint16(at + 2, e.unicode ? 0x800 : 0, true);
    view.setUint16(at + 4, 8, true); // deflate
    view.setUint16(at + 8, dosDate, true); // time (at + 6) stays 00:00
    view.setUint32(at + 10, e.crc, true);
    view.setUint32(at + 14, e.data.length, true);
    view.setUint32(at + 18, e.size, true);
    view.setUint16(at + 22, e.name.length, true);
  };
  let at = 0;
  let dir = local;
  for (const e of list) {
    view.setUint32(at, 0x04034b50, true);
    common(at + 4, e);
    out.set(e.name, at + 30);
    out.set(e.data, at + 30 + e.name.length);
    view.setUint32(dir, 0x02014b50, true);
    view.setUint16(dir + 4, 20, true); // made by
    common(dir + 6, e);
    view.setUint32(dir + 42, at, true);
    out.set(e.name, dir + 46);
    at += 30 + e.name.length + e.data.length;
    dir += 46 + e.name.length;
  }
  view.setUint32(dir, 0x06054b50, true);
  view.setUint16(dir + 8, list.length, true);
  view.setUint16(dir + 10, list.length, true);
  view.setUint32(dir + 12, central, true);
  view.setUint32(dir + 16, local, true);
  return out;
}
