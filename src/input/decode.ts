/**
 * Text files as offices save them, decoded without guessing wrong: UTF-8
 * (with or without a byte order mark), UTF-16 (Notepad's "Unicode"), and
 * GBK/GB18030 (the Chinese Windows default, "ANSI"). Anything that would
 * decode to nonsense is refused with the place it went wrong, never turned
 * into mojibake. Browser-safe: TextDecoder only.
 */

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** A file whose bytes are not text in an encoding we can tell for certain. */
export class TextEncodingError extends Error {
  override readonly name = 'TextEncodingError';
  constructor(
    readonly file: string,
    /** Where it went wrong, when known (1-based). */
    readonly line: number | undefined,
    readonly column: number | undefined,
    readonly reason: { zh: string; en: string },
  ) {
    const at = line ? `:${line}${column ? `:${column}` : ''}` : '';
    super(`文件编码无法识别 / cannot read the text encoding: ${file}${at}: ${reason.zh} / ${reason.en}`);
  }
}

const SAVE_AS_UTF8 = { zh: '请用“另存为”保存为 UTF-8 编码', en: 'save it as UTF-8' };

/**
 * The text of a file and the encoding it was in.
 *
 * @throws {TextEncodingError} for UTF-32, binary data, bytes invalid in their
 *   encoding, and bytes that are neither UTF-8 nor plausible GB18030 Chinese
 */
export function decodeText(bytes: Uint8Array, file = 'input'): { text: string; encoding: TextEncoding } {
  const [b0, b1, b2, b3] = bytes;
  if ((b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) || (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff)) {
    throw new TextEncodingError(file, undefined, undefined, { zh: `文件为 UTF-32 编码，${SAVE_AS_UTF8.zh}`, en: `the file is UTF-32; ${SAVE_AS_UTF8.en}` });
  }
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { text: strict('utf-8', bytes.subarray(3), file, 3), encoding: 'utf-8' };
  if (b0 === 0xff && b1 === 0xfe) return { text: strict('utf-16le', bytes.subarray(2), file, 2), encoding: 'utf-16le' };
  if (b0 === 0xfe && b1 === 0xff) return { text: strict('utf-16be', bytes.subarray(2), file, 2), encoding: 'utf-16be' };
  // UTF-16 without a mark: text that starts with an ASCII character has a zero byte beside it.
  if (bytes.length >= 2 && b0 !== 0 && b1 === 0) return { text: strict('utf-16le', bytes, file, 0), encoding: 'utf-16le' };
  if (bytes.length >= 2 && b0 === 0 && b1 !== 0) return { text: strict('utf-16be', bytes, file, 0), encoding: 'utf-16be' };
  const zero = bytes.indexOf(0);
  if (zero >= 0) {
    const { line, column } = position(bytes, zero);
    throw new TextEncodingError(file, line, column, { zh: '含有零字节，不是文本文件', en: 'has a zero byte: not a text file' });
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // not UTF-8: the Chinese Windows default, if it reads as Chinese
  }
  return { text: gb18030(bytes, file), encoding: 'gb18030' };
}

function strict(encoding: 'utf-8' | 'utf-16le' | 'utf-16be', bytes: Uint8Array, file: string, skipped: number): string {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const bad = firstInvalid(encoding, bytes);
    const { line, column } = encoding === 'utf-8' ? position(bytes, bad) : { line: undefined, column: undefined };
    const name = encoding === 'utf-8' ? 'UTF-8' : 'UTF-16';
    throw new TextEncodingError(file, line, column, {
      zh: `文件标明为 ${name} 编码，但第 ${bad + skipped + 1} 个字节起不是有效的 ${name}`,
      en: `the file is marked ${name} but is not valid ${name} from byte ${bad + skipped + 1}`,
    });
  }
}

/** The offset of the first byte that does not decode: the longest prefix that decodes as a stream (an unfinished sequence at its end is fine). */
function firstInvalid(encoding: 'utf-8' | 'utf-16le' | 'utf-16be', bytes: Uint8Array): number {
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    try {
      new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  return lo;
}

/** Line and column (in characters) of a byte offset in ASCII-compatible bytes. */
function position(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      start = i + 1;
    }
  }
  const before = new TextDecoder('utf-8').decode(bytes.subarray(start, offset));
  return { line, column: [...before].length + 1 };
}

/**
 * GB18030 (a superset of GBK and GB 2312), accepted only when it reads as
 * Chinese: every character in the scripts a Chinese office document uses,
 * and most two-byte characters from GB 2312 itself (common Chinese text is
 * almost all GB 2312; Big5, Shift-JIS or Latin-1 bytes read as GBK are not).
 */
function gb18030(bytes: Uint8Array, file: string): string {
  let text: string;
  try {
    text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
  } catch {
    const bad = firstInvalid('utf-8', bytes);
    const { line, column } = position(bytes, bad);
    throw new TextEncodingError(file, line, column, {
      zh: `既不是 UTF-8，也不是 GBK/GB18030 编码（第 ${bad + 1} 个字节）；${SAVE_AS_UTF8.zh}`,
      en: `neither UTF-8 nor GBK/GB18030 (byte ${bad + 1}); ${SAVE_AS_UTF8.en}`,
    });
  }
  const odd = /[^\t\n\r\x20-\x7e\u00a7\u00a8\u00b0\u00b1\u00b7\u00d7\u00e0-\u00fc\u0101-\u01dc\u2010-\u203b\u2103\u2116\u2160-\u217f\u2190-\u2199\u2200-\u22ff\u2460-\u249b\u2500-\u257f\u25a0-\u25ff\u2605\u2606\u3000-\u303f\u3220-\u3243\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff01-\uff5e\uffe0-\uffe5\u{20000}-\u{2ffff}]/u.exec(text);
  let common = 0;
  let other = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x80) continue;
    const next = bytes[i + 1] ?? 0;
    if (next >= 0x30 && next <= 0x39) {
      other++; // a four-byte sequence
      i += 3;
    } else {
      if (b >= 0xa1 && next >= 0xa1) common++;
      else other++;
      i += 1;
    }
  }
  if (odd || common < other) {
    const at = odd ? odd.index : 0;
    const before = text.slice(0, at);
    const line = before.split('\n').length;
    const column = [...before.slice(before.lastIndexOf('\n') + 1)].length + 1;
    const shown = odd ? ` U+${odd[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` : '';
    throw new TextEncodingError(file, odd ? line : undefined, odd ? column : undefined, {
      zh: `不是 UTF-8 编码，按 GBK/GB18030 读出的也不像中文${shown}；${SAVE_AS_UTF8.zh}`,
      en: `not UTF-8, and read as GBK/GB18030 it is not Chinese text${shown}; ${SAVE_AS_UTF8.en}`,
    });
  }
  return text;
}
