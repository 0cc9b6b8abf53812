/**
 * Sets the modification time of every entry of a zip file, in place.
 *
 * docx zips with fflate, which stamps each entry with `Date.now()` in local
 * time; the stamps are outside the CRCs, so they can be rewritten without
 * touching the data. We walk the central directory and fix both the central
 * and the local header of each entry.
 */
export function setZipTimes(zip: Uint8Array, date: string): Uint8Array {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const dosDate = ((y - 1980) << 9) | (m << 5) | d;
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = findEndOfCentralDirectory(view);
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  for (let i = 0; i < count; i++) {
    expectSignature(view, at, 0x02014b50, 'central directory entry');
    view.setUint16(at + 12, 0, true);
    view.setUint16(at + 14, dosDate, true);
    const local = view.getUint32(at + 42, true);
    expectSignature(view, local, 0x04034b50, 'local file header');
    view.setUint16(local + 10, 0, true);
    view.setUint16(local + 12, dosDate, true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return zip;
}

function findEndOfCentralDirectory(view: DataView): number {
  for (let at = view.byteLength - 22; at >= Math.max(0, view.byteLength - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === 0x06054b50) return at;
  }
  throw new Error('renderDocx: the packed document is not a zip file (no end of central directory)');
}

function expectSignature(view: DataView, at: number, signature: number, what: string): void {
  if (at + 4 > view.byteLength || view.getUint32(at, true) !== signature) {
    throw new Error(`renderDocx: bad zip ${what} at byte ${at}`);
  }
}
