/**
 * Characters no document should carry, and that compose removes from user
 * text with a `text_cleaned` warning:
 *
 * - C0 controls other than tab, line feed and carriage return, DEL and the
 *   C1 controls: XML 1.0 forbids most of them (Word refuses the file) and no
 *   font draws any;
 * - bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E/F, U+061C):
 *   Word obeys them and shows "evil" as "live" while the PDF, which does no
 *   bidi, prints an empty box, so the two documents would say different things;
 * - U+FEFF (a byte-order mark pasted in), U+FFFE and U+FFFF, and lone
 *   surrogates: not text at all.
 */
export const UNPRINTABLE_SOURCE =
  '[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069\\uFEFF\\uFFFE\\uFFFF]' +
  '|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]';

const UNPRINTABLE = new RegExp(UNPRINTABLE_SOURCE, 'g');

/** Whether anything printable is left of `text` once what no document carries is taken out. */
export function hasPrintable(text: string): boolean {
  return text.replace(UNPRINTABLE, '').trim().length > 0;
}
