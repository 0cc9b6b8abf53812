import { Inflate } from 'fflate';

/**
 * How much an .xlsx (a zip) unpacks to, checked before exceljs opens it: a
 * zip bomb — a few kilobytes that inflate to gigabytes — would otherwise be
 * inflated in full (JSZip, under exceljs, checks an entry's size only after
 * inflating all of it), by a server reading an upload or a bureau adding up
 * the files its schools sent.
 *
 * The entries are read as JSZip reads them — from the central directory,
 * each one's data at its local header — so what is checked is what would
 * be inflated. First the sizes the central directory declares are added up
 * (an honest bomb, or many entries sharing one compressed stream, is refused
 * without inflating a byte); then each deflated entry is inflated in small
 * chunks and thrown away, stopping as soon as it yields more than it
 * declared (a bomb that lies about its sizes). Memory stays at one
 * chunk's output (about 1 MiB at most); time at the declared total, about
 * 1 % of what exceljs then takes to read the same workbook.
 */
export interface ZipLimits {
  /** Most bytes all entries may unpack to. */
  maxBytes: number;
  /** Most entries (an .xlsx has a few dozen). */
  maxEntries: number;
}

export type ZipCheck = { ok: true; bytes: number; entries: number } | ZipRefusal;

export type ZipRefusal =
  | { ok: false; reason: 'too_large'; bytes: number }
  | { ok: false; reason: 'too_many_entries'; entries: number }
  /** Not a zip that can be checked (no central directory, an entry outside the file), or an entry inflating past its declared size. */
  | { ok: false; reason: 'damaged'; detail: string };

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const DEFLATE = 8;
const MAX32 = 0xffffffff;
/** Compressed bytes inflated at a time: at most about 1 MiB (deflate’s 1032:1) comes out of one push. */
const CHUNK = 1024;

export function checkZipSize(bytes: Uint8Array, limits: ZipLimits): ZipCheck {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const listed = centralDirectory(bytes, view, limits.maxEntries);
  if ('reason' in listed) return listed;
  let declared = 0;
  for (const entry of listed) {
    declared += entry.size;
    if (declared > limits.maxBytes) return { ok: false, reason: 'too_large', bytes: declared };
  }
  for (const entry of listed) {
    if (entry.method !== DEFLATE) continue; // stored: no bigger than the upload; others exceljs refuses
    const start = dataStart(bytes, view, entry);
    if (start === undefined) return damaged(`${entry.name}: no local header at ${entry.localOffset}`);
    const inflated = inflatedSize(bytes.subarray(start, start + entry.compressedSize), entry.size);
    if (inflated === 'error') return damaged(`${entry.name}: invalid deflate data`);
    if (inflated > entry.size) return damaged(`${entry.name}: inflates past its declared ${entry.size} bytes`);
  }
  return { ok: true, bytes: declared, entries: listed.length };
}

const damaged = (detail: string): ZipRefusal => ({ ok: false, reason: 'damaged', detail });

/** The central directory's entries, or why they cannot be listed. */
function centralDirectory(bytes: Uint8Array, view: DataView, maxEntries: number): Entry[] | ZipRefusal {
  const eocd = findEnd(view);
  if (eocd === undefined) return damaged('no end of central directory');
  let count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  const locator = eocd - 20;
  if (locator >= 0 && view.getUint32(locator, true) === ZIP64_LOCATOR) {
    const zip64 = safe(view.getBigUint64(locator + 8, true));
    if (zip64 === undefined || zip64 + 56 > bytes.length || view.getUint32(zip64, true) !== ZIP64_EOCD) return damaged('bad zip64 end of central directory');
    const count64 = safe(view.getBigUint64(zip64 + 32, true));
    const offset64 = safe(view.getBigUint64(zip64 + 48, true));
    if (count64 === undefined || offset64 === undefined) return damaged('bad zip64 end of central directory');
    [count, offset] = [count64, offset64];
  }
  if (count > maxEntries) return { ok: false, reason: 'too_many_entries', entries: count };
  const entries: Entry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) return damaged(`central directory entry ${i + 1} missing`);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const entry: Entry = {
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
    };
    if (!zip64Sizes(view, entry, at + 46 + nameLength, extraLength)) return damaged(`${entry.name}: bad zip64 sizes`);
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The end of central directory record: its 22 bytes, followed by a comment of up to 64 KiB. */
function findEnd(view: DataView): number | undefined {
  for (let at = view.byteLength - 22; at >= 0 && at >= view.byteLength - 22 - 0xffff; at--) {
    if (view.getUint32(at, true) === EOCD) return at;
  }
  return undefined;
}

/** Sizes and offset too big for 32 bits are in the zip64 extra field (0x0001), in this order, only those that are. */
function zip64Sizes(view: DataView, entry: Entry, extra: number, length: number): boolean {
  const wanted = (['size', 'compressedSize', 'localOffset'] as const).filter((key) => entry[key] === MAX32);
  if (wanted.length === 0) return true;
  for (let at = extra; at + 4 <= extra + length && at + 4 <= view.byteLength; ) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === 0x0001) {
      if (size < wanted.length * 8 || at + 4 + size > view.byteLength) return false;
      for (const [i, key] of wanted.entries()) {
        const value = safe(view.getBigUint64(at + 4 + i * 8, true));
        if (value === undefined) return false;
        entry[key] = value;
      }
      return true;
    }
    at += 4 + size;
  }
  return false;
}

/** Where an entry's data starts: after its local header's name and extra field. */
function dataStart(bytes: Uint8Array, view: DataView, entry: Entry): number | undefined {
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) return undefined;
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  return start + entry.compressedSize <= bytes.length ? start : undefined;
}

/** How many bytes `data` inflates to, counted up to just past `limit` (then it stops); 'error' for data that is not deflate. */
function inflatedSize(data: Uint8Array, limit: number): number | 'error' {
  let total = 0;
  const inflate = new Inflate((chunk) => {
    total += chunk.length;
  });
  try {
    for (let at = 0; at < data.length && total <= limit; at += CHUNK) {
      inflate.push(data.subarray(at, at + CHUNK), at + CHUNK >= data.length);
    }
  } catch {
    return 'error';
  }
  return total;
}

/** A 64-bit size as a number, or undefined beyond what a number holds exactly. */
function safe(value: bigint): number | undefined {
  return value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : undefined;
}
