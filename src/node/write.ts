import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';

/**
 * Longest file name most file systems take, in bytes (ext4, APFS, and NTFS
 * in UTF-16 units, which a UTF-8 count never undercounts): 255.
 */
const NAME_MAX_BYTES = 255;
/** What a temporary file adds to a name: "." + ".zongjie-<host>-<pid>-<8 hex>.tmp". */
const TEMP_EXTRA_BYTES = 1 + '.zongjie-'.length + 4 + 1 + 10 + 1 + 8 + '.tmp'.length;
/** Longest base name {@link safeFileName} gives: room for "_2", ".docx" and the temporary suffix. */
export const BASE_NAME_MAX_BYTES = NAME_MAX_BYTES - TEMP_EXTRA_BYTES - 16;

/** This machine, in temporary file names: a pid is only meaningful on the machine that has it. */
const HOST = createHash('sha256').update(hostname()).digest('hex').slice(0, 4);
/** Our temporary files: the host, the process that writes it, a random part. */
const TEMP = /^\..*\.zongjie-([0-9a-f]{4})-(\d+)-[0-9a-f]{8}\.tmp$/;
/** Temporary files of zongjie 0.1 (no host or process in the name): removed once an hour old. */
const LEGACY_TEMP = /^\..+\.(docx|pdf|md|json)\.[0-9a-f]{12}\.tmp$/;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * Writes a file atomically: to a temporary file beside it, flushed to disk,
 * then renamed over the target. A failure leaves no partial file and never
 * replaces a good file with a broken one.
 */
export async function writeFileAtomic(path: string, data: Uint8Array | string): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.${cutToBytes(basename(path), NAME_MAX_BYTES - TEMP_EXTRA_BYTES)}.zongjie-${HOST}-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/**
 * Removes temporary files a zongjie process left in `dir` when it was
 * killed before it could (kill -9, a power cut): ours whose process no
 * longer runs on this machine, ours from another machine once a day old,
 * and those of zongjie 0.1 once an hour old. Other files are never touched.
 * Returns the names removed; never throws.
 */
export async function removeStaleTemps(dir: string): Promise<string[]> {
  const removed: string[] = [];
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const ours = TEMP.exec(name);
    if (!ours && !LEGACY_TEMP.test(name)) continue;
    const path = join(dir, name);
    const age = await stat(path).then((s) => Date.now() - s.mtimeMs, () => undefined);
    if (age === undefined) continue;
    const stale = ours ? (ours[1] === HOST ? !running(Number(ours[2])) : age > DAY_MS) : age > HOUR_MS;
    if (stale && (await rm(path, { force: true }).then(() => true, () => false))) removed.push(name);
  }
  return removed;
}

function running(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, another user's
  }
}

/**
 * A report title as a file name on any system: no path separators, reserved
 * or control characters, and at most {@link BASE_NAME_MAX_BYTES} bytes of
 * UTF-8 (a 100-character Chinese title is 300 bytes; file systems take 255),
 * cut between characters, with room for an extension and a temporary suffix.
 */
export function safeFileName(title: string, maxBytes = BASE_NAME_MAX_BYTES): string {
  const cleaned = trimEnds(
    cutToBytes(
      trimEnds(
        title
          .normalize('NFC')
          .replace(/[\u0000-\u001F\u007F<>:"/\\|?*\uE000-\uF8FF]/g, '_'),
      ),
      maxBytes,
    ),
  );
  const reserved = /^(con|prn|aux|nul|com\d|lpt\d)$/i;
  return !cleaned || reserved.test(cleaned) ? `report${cleaned ? `_${cutToBytes(cleaned, maxBytes - 7)}` : ''}` : cleaned;
}

/** Windows drops trailing dots and spaces, and leading ones hide a file. */
function trimEnds(name: string): string {
  return name.replace(/^[\s.]+|[\s.]+$/g, '');
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The longest start of `text` within `maxBytes` of UTF-8, never cutting a character (or an emoji sequence) in two. */
export function cutToBytes(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text) <= maxBytes) return text;
  let out = '';
  let bytes = 0;
  for (const { segment } of graphemes.segment(text)) {
    bytes += Buffer.byteLength(segment);
    if (bytes > maxBytes) break;
    out += segment;
  }
  return out;
}
