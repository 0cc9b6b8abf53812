import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join, basename } from 'node:path';

/**
 * Writes a file atomically: to a temporary file beside it, flushed to disk,
 * then renamed over the target. A failure leaves no partial file and never
 * replaces a good file with a broken one.
 */
export async function writeFileAtomic(path: string, data: Uint8Array | string): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
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

/** A report title as a file name on any system: no path separators, reserved or control characters. */
export function safeFileName(title: string): string {
  const cleaned = title
    .normalize('NFC')
    .replace(/[\u0000-\u001F\u007F<>:"/\\|?*\uE000-\uF8FF]/g, '_')
    .replace(/^[\s.]+|[\s.]+$/g, '')
    .slice(0, 120);
  const reserved = /^(con|prn|aux|nul|com\d|lpt\d)$/i;
  return !cleaned || reserved.test(cleaned) ? `report${cleaned ? `_${cleaned}` : ''}` : cleaned;
}
