import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, rm, stat, utimes } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { sfntProblem } from '../../render/pdf/sfnt.js';
import { readWhole, type FileStamp } from './read.js';

/**
 * Unpacked WOFF fonts kept on disk between processes.
 *
 * Inflating LXGW WenKai (10 MB WOFF → 16 MB TTF) costs 160–380 ms, the
 * largest part of a cold start; reading the unpacked copy back costs about
 * 30 ms. The copy lives in the user's cache directory, named after the
 * source's path, its size and modification time, and the copy's own
 * content hash. A copy is used only when its bytes still hash to that name
 * and are a sound font: a damaged copy (a full disk, a crash, an edit) is
 * unpacked afresh and replaced, never used. Copies are written to a
 * temporary file, flushed to disk and renamed; older copies of the same
 * source, and all but the most recently used few, are pruned. Writing is
 * best effort: any failure only means no cache.
 *
 * `ZONGJIE_FONT_CACHE` sets the directory; `off` turns the cache off.
 */

/** Bump when what is stored changes (the unpacking or the tables rewritten on the way). */
const FORMAT = 2;
/** Copies kept (each ~16 MB): the fonts of a few installs side by side. */
const KEEP = 4;
const NAME = /^([0-9a-f]{16})-([0-9a-f]{16})-([0-9a-f]{16})\.ttf$/;
const TEMP = /\.tmp$/;
const HOUR_MS = 3_600_000;

/** The cached unpacked font for this source, or undefined (none, or a copy that fails its check). */
export async function readCached(source: FileStamp): Promise<Uint8Array | undefined> {
  const dir = cacheDir();
  if (!dir) return undefined;
  const { prefix } = keyOf(source);
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const m = NAME.exec(name);
    if (!m || `${m[1]}-${m[2]}` !== prefix) continue;
    const path = join(dir, name);
    try {
      const { bytes } = await readWhole(path);
      if (hashOf(bytes) === m[3] && !sfntProblem(bytes)) {
        const now = new Date();
        await utimes(path, now, now).catch(() => {}); // recently used: kept when pruning
        return bytes;
      }
    } catch {
      // unreadable: unpack again
    }
    await rm(path, { force: true }).catch(() => {}); // damaged: never used again
  }
  return undefined;
}

/** Store an unpacked font, atomically and durably; prunes older copies. Never throws. */
export async function writeCached(source: FileStamp, bytes: Uint8Array): Promise<void> {
  const dir = cacheDir();
  if (!dir) return;
  const { prefix } = keyOf(source);
  const file = join(dir, `${prefix}-${hashOf(bytes)}.ttf`);
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await mkdir(dir, { recursive: true });
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(bytes);
      await handle.sync(); // on disk before the name says it is there
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch {
    await rm(temp, { force: true }).catch(() => {}); // read-only home, full disk: run without a cache
    return;
  }
  await prune(dir, file, prefix);
}

/** Older copies of this source go; of the rest, only the most recently used few stay. Stray temporary files an hour old go. */
async function prune(dir: string, kept: string, prefix: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const copies: { path: string; used: number }[] = [];
  for (const name of names) {
    const path = join(dir, name);
    if (path === kept) continue;
    const info = await stat(path).catch(() => undefined);
    if (!info) continue;
    const m = NAME.exec(name);
    if (m && m[1] === prefix.slice(0, 16)) await rm(path, { force: true }).catch(() => {});
    else if (m) copies.push({ path, used: info.mtimeMs });
    else if (TEMP.test(name) && Date.now() - info.mtimeMs > HOUR_MS) await rm(path, { force: true }).catch(() => {});
  }
  copies.sort((a, b) => b.used - a.used);
  for (const { path } of copies.slice(KEEP - 1)) await rm(path, { force: true }).catch(() => {});
}

/** The source's path (first part) and version (second part) in the file name. */
function keyOf(source: FileStamp): { prefix: string } {
  const hex = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);
  return { prefix: `${hex(`${FORMAT}\u0000${source.path}`)}-${hex(`${source.size}\u0000${source.mtimeMs}`)}` };
}

function hashOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 16);
}

/** The per-user cache directory for fonts (XDG on Linux, Caches on macOS, LOCALAPPDATA on Windows). */
export function cacheDir(): string | undefined {
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
