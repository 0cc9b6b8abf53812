import { accessSync, closeSync, fstatSync, openSync, read } from 'node:fs';
import { promisify } from 'node:util';

/** What identifies a file's version. */
export interface FileStamp {
  path: string;
  size: number;
  mtimeMs: number;
}

/**
 * A whole file in one read on the thread pool. `readFile` reads 512 KiB at a
 * time and an async open, stat and close each wait for the event loop too, so
 * while the main thread composes a report the read stalls. Opening and
 * stating are microsecond calls: done in place, the file arrives in one
 * event-loop turn, ready when the PDF needs it (docs/performance.md).
 */
export async function readWhole(path: string): Promise<{ bytes: Uint8Array; stamp: FileStamp }> {
  const fd = openSync(path, 'r');
  try {
    const { size, mtimeMs } = fstatSync(fd);
    const buffer = Buffer.allocUnsafe(size);
    let at = 0;
    while (at < size) {
      const { bytesRead } = await readAsync(fd, buffer, at, size - at, at);
      if (bytesRead === 0) break; // the file shrank: keep what was read
      at += bytesRead;
    }
    return { bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, at), stamp: { path, size, mtimeMs } };
  } finally {
    closeSync(fd);
  }
}

const readAsync = promisify(read);

/** Whether a file is there to read. In place: a microsecond call, where an async check waits for the event loop. */
export function fileExists(path: string): boolean {
  try {
    accessSync(path);
    return true;
  } catch {
    return false; // absent or unreadable: as if not there
  }
}
