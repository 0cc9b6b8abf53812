import type { FontRole } from '../../layout/profile.js';

/**
 * Something the PDF shows differently from what its fonts promise, as data.
 *
 * - `missing-glyph`: no font in the role's chain has the character, so it
 *   prints as the first font's empty box. One warning per character and role.
 * - `fallback-glyph`: a later font of the chain draws the character, in a
 *   visibly different weight (𠮷 from a regular face inside the bold title).
 * - `font-lacks-chinese`: the role's own font has no Chinese glyphs at all (a
 *   Latin font given with `--font body=…`), so its Chinese text is drawn
 *   with the fallback fonts. One warning per role.
 */
export type PdfWarning = MissingGlyphWarning | FallbackGlyphWarning | FontLacksChineseWarning;

interface GlyphWarning {
  /** The character, e.g. "𠮷". */
  char: string;
  /** "U+20BB7". */
  codePoint: string;
  role: FontRole;
  /** The fonts of the role's chain, in order. */
  fonts: string[];
  message: string;
}

export interface MissingGlyphWarning extends GlyphWarning {
  code: 'missing-glyph';
}

export interface FallbackGlyphWarning extends GlyphWarning {
  code: 'fallback-glyph';
  /** The font that draws it. */
  font: string;
}

export interface FontLacksChineseWarning {
  code: 'font-lacks-chinese';
  role: FontRole;
  /** The role's own font, which has no Chinese. */
  font: string;
  fonts: string[];
  message: string;
}

const codePointOf = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

export function missingGlyph(char: string, role: FontRole, fonts: string[]): MissingGlyphWarning {
  const codePoint = codePointOf(char);
  return {
    code: 'missing-glyph',
    char,
    codePoint,
    role,
    fonts,
    message: `"${char}" (${codePoint}) is in no ${role} font (${fonts.join(', ')}); it prints as an empty box — add a font that has it`,
  };
}

export function fallbackGlyph(char: string, role: FontRole, font: string, weights: { own: number; used: number }, fonts: string[]): FallbackGlyphWarning {
  const codePoint = codePointOf(char);
  const look = weights.used < weights.own ? 'lighter' : 'heavier';
  return {
    code: 'fallback-glyph',
    char,
    codePoint,
    role,
    font,
    fonts,
    message: `"${char}" (${codePoint}) is not in the ${role} font ${fonts[0]} (weight ${weights.own}); it is drawn with ${font} (weight ${weights.used}) and looks ${look} — add a ${role} font that has it`,
  };
}

export function fontLacksChinese(role: FontRole, fonts: string[]): FontLacksChineseWarning {
  return {
    code: 'font-lacks-chinese',
    role,
    font: fonts[0]!,
    fonts,
    message: `the ${role} font ${fonts[0]} has no Chinese glyphs; its Chinese text is drawn with ${fonts.slice(1).join(', ') || 'no font'} instead`,
  };
}
