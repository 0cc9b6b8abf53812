/**
 * Which fonts LibreOffice set our DOCX in. Its layout depends on them: with
 * DejaVu standing in for Times New Roman (no metric clone installed), full
 * lines overflow the text block and page breaks move. Tests that read the
 * DOCX back through LibreOffice print this line so a failure can be read
 * against the fonts it ran with.
 */
import { execFileSync } from 'node:child_process';
import { GBT9704, type LayoutProfile } from '../../src/layout/profile.js';
import { pdfFonts } from './pdf-tools.js';
import { hasCommand, officeEnv } from './tools.js';

/** The font families the DOCX names, from the profile: Latin and East Asian, each once. */
export function docxFontNames(profile: LayoutProfile = GBT9704): string[] {
  const names = Object.values(profile.roles).flatMap((role) => [role.latinFont, role.fonts[0]!]);
  return [...new Set(names)];
}

/** What fontconfig gives LibreOffice for a family name ("Liberation Serif"), or undefined without fc-match. */
export function fontconfigMatch(family: string): string | undefined {
  if (!hasCommand('fc-match')) return undefined;
  return execFileSync('fc-match', ['-f', '%{family[0]}', `${family}:lang=zh-cn`], { encoding: 'utf8', env: officeEnv() }).trim();
}

/** "LibreOffice fonts: Times New Roman → Liberation Serif, 仿宋_GB2312 → Noto Serif CJK SC …; embedded: …". */
export function describeLibreOfficeFonts(pdf: Uint8Array, profile: LayoutProfile = GBT9704): string {
  const matches = docxFontNames(profile).map((name) => `${name} → ${fontconfigMatch(name) ?? '?'}`);
  const embedded = [...new Set(pdfFonts(pdf).map((f) => f.name.replace(/^[A-Z]{6}\+/, '')))];
  return `LibreOffice fonts (fc-match): ${matches.join(', ')}; embedded in its PDF: ${embedded.join(', ')}`;
}
