import type { FontRole } from '../../layout/profile.js';

/**
 * Something the PDF shows differently from the model, as data.
 *
 * `missing-glyph`: no font in the role's chain has the character, so it
 * prints as the first font's empty box. One warning per character and role.
 */
export interface PdfWarning {
  code: 'missing-glyph';
  /** The character, e.g. "𠮷". */
  char: string;
  /** "U+20BB7". */
  codePoint: string;
  role: FontRole;
  /** The fonts that were tried, in order. */
  fonts: string[];
  message: string;
}

export function missingGlyph(char: string, role: FontRole, fonts: string[]): PdfWarning {
  const codePoint = `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  return {
    code: 'missing-glyph',
    char,
    codePoint,
    role,
    fonts,
    message: `"${char}" (${codePoint}) is in no ${role} font (${fonts.join(', ')}); it prints as an empty box — add a font that has it`,
  };
}
