import { warning, type Warning } from '../facts/warning.js';
import { formatPath } from '../schema/issues.js';

/**
 * Characters a document cannot carry: C0 controls other than tab and line
 * feed (XML 1.0 forbids them), lone surrogates, U+FFFE/U+FFFF, and the
 * private-use characters compose uses as tokens.
 */
const UNPRINTABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uE000\uE001]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Removes what a document cannot carry from every string of `value`, with a warning per field. */
export function cleanText<T>(value: T, warnings: Warning[], path: (string | number)[] = []): T {
  if (typeof value === 'string') {
    const cleaned = value.replace(/\r\n?/g, '\n').replace(UNPRINTABLE, '');
    if (cleaned !== value.replace(/\r\n?/g, '\n')) {
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
    return cleaned as T;
  }
  if (Array.isArray(value)) return value.map((v, i) => cleanText(v, warnings, [...path, i])) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = cleanText(v, warnings, [...path, k]);
    return out as T;
  }
  return value;
}
