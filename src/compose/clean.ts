import { warning, type Warning } from '../facts/warning.js';
import { formatPath } from '../schema/issues.js';
import { UNPRINTABLE_SOURCE } from '../schema/printable.js';

/** What no document carries (see schema/printable.ts), and the private-use characters compose uses as tokens. */
const UNPRINTABLE = new RegExp(`${UNPRINTABLE_SOURCE}|[\\uE000\\uE001]`, 'g');

/** Line breaks as the user may type them: CR LF, CR, and the Unicode line and paragraph separators. */
const LINE_BREAK = /\r\n?|[\u2028\u2029]/g;

/** Removes what a document cannot carry from every string of `value`, with a warning per field. */
export function cleanText<T>(value: T, warnings: Warning[], path: (string | number)[] = []): T {
  if (typeof value === 'string') {
    const lines = value.replace(LINE_BREAK, '\n');
    const cleaned = lines.replace(UNPRINTABLE, '');
    if (cleaned !== lines) {
      const removed = [...value.matchAll(UNPRINTABLE)].map((m) => `U+${m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
      warnings.push(
        warning(
          'text_cleaned',
          formatPath(path),
          `已删除无法印出的字符 ${[...new Set(removed)].join(', ')}`,
          `removed characters a document cannot carry: ${[...new Set(removed)].join(', ')}`,
        ),
      );
    }
    // What the schema trimmed may have hidden behind a removed character.
    return (cleaned === lines ? lines : cleaned.trim()) as T;
  }
  if (Array.isArray(value)) return value.map((v, i) => cleanText(v, warnings, [...path, i])) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = cleanText(v, warnings, [...path, k]);
    return out as T;
  }
  return value;
}
