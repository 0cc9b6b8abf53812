import { basename } from 'node:path';
import type { FontFace } from '../../render/pdf/fonts.js';
import { dropGlyphNames, withoutGlyphNames } from '../../render/pdf/sfnt.js';
import { readCached, writeCached } from './cache.js';
import { readWhole, type FileStamp } from './read.js';
import { isWoff, woffToSfnt, woffToSfntAsync } from './woff.js';

/**
 * Font files read once per process: a batch of reports loads each file once,
 * a WOFF is unpacked once, and every caller gets the same `FontFace` object
 * (so the renderer's per-bytes parse cache hits too).
 */
const faces = new Map<string, Promise<FontFace>>();

/** The face in a font file (TTF, OTF, TTC with `postscriptName`, or WOFF 1.0, unpacked). */
export function fontFile(path: string, postscriptName?: string): Promise<FontFace> {
  const key = `${path}\u0000${postscriptName ?? ''}`;
  let face = faces.get(key);
  if (!face) {
    face = readWhole(path).then(async ({ bytes, stamp }) => ({
      name: postscriptName ? `${basename(path)}#${postscriptName}` : basename(path),
      data: isWoff(bytes) ? await unpackWoff(bytes, stamp) : dropGlyphNames(bytes),
      ...(postscriptName ? { postscriptName } : {}),
    }));
    // A failed read is not cached: the file may appear later.
    face.catch(() => faces.delete(key));
    faces.set(key, face);
  }
  return face;
}

/** A WOFF file unpacked, from the disk cache when an earlier process did it (cache.ts). */
async function unpackWoff(bytes: Uint8Array, stamp: FileStamp): Promise<Uint8Array> {
  const cached = await readCached(stamp);
  if (cached) return cached;
  const sfnt = await woffToSfntAsync(bytes, withoutGlyphNames);
  await writeCached(stamp, sfnt);
  return sfnt;
}

/** Caller bytes: unpacked if WOFF, wrapped as a face, the same object for the same bytes. */
const byBytes = new WeakMap<Uint8Array, FontFace>();

export function fontBytes(data: Uint8Array, name = 'font'): FontFace {
  let face = byBytes.get(data);
  if (!face) byBytes.set(data, (face = { name, data: prepare(data) }));
  return face;
}

/** What the renderer gets: a plain SFNT (WOFF unpacked) without glyph names (see sfnt.ts). */
function prepare(bytes: Uint8Array): Uint8Array {
  return isWoff(bytes) ? woffToSfnt(bytes, withoutGlyphNames) : dropGlyphNames(bytes);
}

/** Forget every file read (see clearFontCache in load.ts). */
export function clearFontFiles(): void {
  faces.clear();
}
