import { createHash, randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { readWhole, type FileStamp } from './read.js';

/**
 * Unpacked WOFF fonts kept on disk between processes.
 *
 * Inflating LXGW WenKai (10 MB WOFF → 16 MB TTF) costs 160–380 ms, the
 * largest part of a cold start; reading the unpacked copy back costs about
 * 30 ms. The copy lives in the user's cache directory, named after the
 * source's path, size and modification time, so an updated font is unpacked
 * afresh. Writing is best effort: any failure only means no cache.
 *
 * `ZONGJIE_FONT_CACHE` sets the directory; `off` turns the cache off.
 */

/** Bump when what is stored changes (the unpacking or the tables rewritten on the way). */
const FORMAT = 1;


/** The cached unpacked font for this source, or undefined. */
export async function readCached(source: FileStamp): Promise<Uint8Array | undefined> {
  const file = cacheFile(source);
  if (!file) return undefined;
  try {
    const { bytes, stamp } = await readWhole(file);
    return bytes.length === stamp.size && isSfnt(bytes) ? bytes : undefined;
  } catch {
    return undefined; // not cached yet, or unreadable: unpack
  }
}

/** Store an unpacked font, atomically (a reader never sees half a file). Never throws. */
export async function writeCached(source: FileStamp, bytes: Uint8Array): Promise<void> {
  const file = cacheFile(source);
  if (!file) return;
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await mkdir(join(file, '..'), { recursive: true });
    await writeFile(temp, bytes);
    await rename(temp, file);
  } catch {
    await rm(temp, { force: true }).catch(() => {}); // read-only home, full disk: run without a cache
  }
}

function cacheFile(source: FileStamp): string | undefined {
  const dir = cacheDir();
  if (!dir) return undefined;
  const key = createHash('sha256').update(`${FORMAT}\u0000${source.path}\u0000${source.size}\u0000${source.mtimeMs}`).digest('hex');
  return join(dir, `${key.slice(0, 32)}.ttf`);
}

/** The per-user cache directory for fonts (XDG on Linux, Caches on macOS, LOCALAPPDATA on Windows). */
function cacheDir(): string | undefined {
  const env = process.env;
  const chosen = env.ZONGJIE_FONT_CACHE;
  if (chosen === 'off' || chosen === '0') return undefined;
  if (chosen) return chosen;
  let home = '';
  try {
    home = homedir();
  } catch {
    // no home directory (a locked-down service account): only LOCALAPPDATA or XDG_CACHE_HOME can help
  }
  let base: string | undefined;
  if (process.platform === 'win32') base = env.LOCALAPPDATA;
  else if (process.platform === 'darwin') base = home && join(home, 'Library', 'Caches');
  else base = env.XDG_CACHE_HOME || (home && join(home, '.cache'));
  return base ? join(base, 'zongjie', 'fonts') : undefined;
}

function isSfnt(bytes: Uint8Array): boolean {
  if (bytes.length < 12) return false;
  const tag = new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0);
  return tag === 0x00010000 || tag === 0x4f54544f /* OTTO */ || tag === 0x74727565 /* true */;
}
