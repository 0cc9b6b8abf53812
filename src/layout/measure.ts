/**
 * Rough widths in ems, for decisions made before a client lays the text out:
 * where a long title breaks, how far the signature sits from the right.
 * East Asian wide characters (and the punctuation set full-width with
 * `hint: eastAsia`) take one em; digits and Latin letters about half.
 */

const WIDE: [number, number][] = [
  [0x1100, 0x115f],
  [0x2014, 0x2014], // — set full-width in Chinese fonts
  [0x2018, 0x201f], // ‘’“”
  [0x2026, 0x2026], // …
  [0x2e80, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x20000, 0x3fffd],
];

export function isWide(ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  return WIDE.some(([lo, hi]) => cp >= lo && cp <= hi);
}

/**
 * Word and LibreOffice put about a quarter em between Chinese and Latin or
 * digits (Word's "adjust space between Asian and Latin text", on by default).
 */
const AUTO_SPACE_EM = 0.25;

/**
 * The width of a line of text in ems, the space between Chinese and digits included.
 *
 * @example emWidth('2025年12月20日') // 7 + 5 × 0.25 = 8.25
 */
export function emWidth(text: string): number {
  let width = 0;
  let previous: { wide: boolean; word: boolean } | undefined;
  for (const ch of text) {
    const wide = isWide(ch);
    const word = /[\p{L}\p{N}]/u.test(ch);
    if (previous && previous.wide !== wide && previous.word && word) width += AUTO_SPACE_EM;
    width += wide ? 1 : 0.5;
    previous = { wide, word };
  }
  return width;
}
