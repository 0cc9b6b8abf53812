/**
 * How a line of the DOCX is measured and broken by the word processor, so
 * that the PDF breaks every line where the DOCX does (and so every page).
 *
 * Measured here against LibreOffice 7.4 (Word follows the same settings:
 * Word's defaults for Chinese text are these same three):
 *
 * - Widths are the DOCX's, not the PDF fonts': an East Asian character is one
 *   em, Latin letters and digits take Times New Roman's advances (the DOCX's
 *   Latin font; Liberation Serif has the same metrics), and every character
 *   of a run on the grid carries the run's character spacing (−0.25 pt).
 * - Between an ideograph and a Latin letter or digit the client puts space
 *   (Word: "adjust space between Asian and Latin text"; LibreOffice: a fifth
 *   of the font size, measured 64 twips at 16 pt, plus the run's spacing).
 *   None goes next to punctuation ("3.45%乙", "，2025").
 * - Breaks follow the zh-CN rules: a line may break between any two Chinese
 *   characters, never before a character of FORBIDDEN_START nor after one of
 *   FORBIDDEN_END (LibreOffice's zh_CN lists, which Word's default
 *   Simplified Chinese set mostly shares); a number or Latin word is never
 *   split; and one of HANGING ("、。，" …) that would begin the next line
 *   hangs into the right margin instead.
 */

/** May not start a line (LibreOffice i18npool zh_CN, ForbiddenLineBeginCharacters). */
export const FORBIDDEN_START: ReadonlySet<string> = new Set([
  ...":!),.:;?]}¢'\"、。〉》」』】〕〗〞︰︱︳﹐､﹒﹔﹕﹖﹗﹚﹜﹞！），．：；？｜｝︴︶︸︺︼︾﹀﹂﹄﹏～￠々‖•·ˇˉ―′’”",
]);

/** May not end a line (ForbiddenLineEndCharacters). */
export const FORBIDDEN_END: ReadonlySet<string> = new Set([...'([{£¥\'"‵〈《「『【〔〖（［｛￡￥〝︵︷︹︻︽︿﹁﹃﹙﹛﹝“‘']);

/** May hang into the right margin rather than start a line (LineBreakHangingCharacters). */
export const HANGING: ReadonlySet<string> = new Set([...'!,.:;?、。！，．：；？']);

/**
 * Times New Roman's advances for U+0020–U+007E, in 1/2048 em (the font's
 * units; Liberation Serif, its metric clone, has the same).
 */
const TIMES_ADVANCES = [
  512, 682, 836, 1024, 1024, 1706, 1593, 369, 682, 682, 1024, 1155, 512, 682, 512, 569, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024,
  569, 569, 1155, 1155, 1155, 909, 1886, 1479, 1366, 1366, 1479, 1251, 1139, 1479, 1479, 682, 797, 1479, 1251, 1821, 1479, 1479, 1139, 1479, 1366,
  1139, 1251, 1479, 1479, 1933, 1479, 1479, 1251, 682, 569, 682, 961, 1024, 682, 909, 1024, 909, 1024, 909, 682, 1024, 1024, 569, 569, 1024, 569,
  1593, 1024, 1024, 1024, 1024, 682, 797, 569, 1024, 1024, 1479, 1024, 1024, 909, 983, 410, 983, 1108,
];

/** Whether the client sets the character in the Latin font (ASCII and Latin-1), not the East Asian one. */
export function isLatin(ch: string): boolean {
  const cp = ch.codePointAt(0)!;
  return cp < 0x2000 && ch !== '·';
}

/**
 * A character's width on the DOCX's line, in twips, at `sizePt` with the
 * run's character spacing `spacingTw` (−5 on the grid).
 *
 * @example charTwips('资', 16, -5) // 315
 * @example charTwips('2', 16, -5) // 155
 */
export function charTwips(ch: string, sizePt: number, spacingTw: number): number {
  const em = sizePt * 20;
  const cp = ch.codePointAt(0)!;
  if (cp >= 0x20 && cp < 0x7f) return Math.round((TIMES_ADVANCES[cp - 0x20]! * em) / 2048) + spacingTw;
  if (isLatin(ch)) return Math.round(em / 2) + spacingTw;
  return em + spacingTw;
}

const WORD = /[\p{L}\p{N}]/u;

/**
 * The space the client puts between `before` and `after`, in twips: a fifth
 * of the size between a Latin letter or digit and an East Asian letter, less
 * the run's spacing (the kern sits outside the spaced characters).
 *
 * @example autoSpaceTwips('金', '4', 16, -5) // 69
 * @example autoSpaceTwips('%', '乙', 16, -5) // 0
 */
export function autoSpaceTwips(before: string, after: string, sizePt: number, spacingTw: number): number {
  // Most pairs are two Chinese characters: the script test first, the letter tests only at a change.
  if (isLatin(before) === isLatin(after) || !WORD.test(before) || !WORD.test(after)) return 0;
  return Math.floor((sizePt * 20) / 5) - spacingTw + 1;
}

/** A character of a line to break, with its width and the space before it. */
export interface Measured {
  ch: string;
  /** Width in twips. */
  widthTw: number;
  /** Autospace before it when the character before is on the same line, in twips. */
  spaceBeforeTw: number;
}

const WESTERN = /[0-9A-Za-z.,:%'’\-]/;

/** Whether a break between items i − 1 and i would split a number or a Latin word. */
function insideWord(items: readonly Measured[], i: number): boolean {
  const a = items[i - 1]?.ch ?? '';
  const b = items[i]?.ch ?? '';
  if (!WESTERN.test(a) || !WESTERN.test(b)) return false;
  // "3.45", "17.7%", "2024-2025", "ABC": digits and letters with what joins them.
  return /[0-9A-Za-z]/.test(a) ? true : /[0-9A-Za-z%]/.test(b);
}

function allowed(items: readonly Measured[], i: number): boolean {
  return !FORBIDDEN_START.has(items[i]!.ch) && !FORBIDDEN_END.has(items[i - 1]!.ch) && !insideWord(items, i);
}

/**
 * Where the client breaks a paragraph: the index at which each line after
 * the first starts. `availTw(line)` is the room of line `line` (0-based).
 * Spaces at a break are dropped by the caller.
 */
export function lineStarts(items: readonly Measured[], availTw: (line: number) => number): number[] {
  const starts: number[] = [];
  let start = 0;
  while (start < items.length) {
    const avail = availTw(starts.length);
    let used = 0;
    let cut = start;
    while (cut < items.length) {
      const add = items[cut]!.widthTw + (cut > start ? items[cut]!.spaceBeforeTw : 0);
      if (used + add > avail) break;
      used += add;
      cut++;
    }
    if (cut >= items.length) break;
    let next = cut;
    // A mark hangs after a Chinese character only: after a number or a word ("3.45%，") the client
    // breaks the Latin way and carries the word with its mark over (seen in LibreOffice 7.4).
    const hangs =
      HANGING.has(items[cut]!.ch) &&
      cut > start &&
      !isLatin(items[cut - 1]!.ch) &&
      (cut + 1 >= items.length || !FORBIDDEN_START.has(items[cut + 1]!.ch));
    if (hangs) next = cut + 1;
    else {
      while (next > start && !allowed(items, next)) next--;
      if (next === start) next = Math.max(cut, start + 1); // nothing allowed: break where it overflows
    }
    if (next >= items.length) break;
    starts.push(next);
    start = next;
    while (start < items.length && items[start]!.ch === ' ') start++;
  }
  return starts;
}
