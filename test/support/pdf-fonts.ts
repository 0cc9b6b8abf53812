/**
 * Fonts for PDF tests: the default fonts only (their packages, which CI
 * gets from `npm ci` as devDependencies), never this machine's system
 * fonts, so a test that passes here passes everywhere. Missing defaults
 * make the suites skip loudly.
 */
import { DEFAULT_FONTS, FALLBACK_FONTS, defaultFontPath } from '../../src/node/fonts/defaults.js';
import { loadFonts } from '../../src/node/fonts/index.js';
import type { FontSet } from '../../src/render/pdf/index.js';

/**
 * Whether every default font is found (its package, or a fetched copy); warns
 * naming the missing packages. Under ZONGJIE_REQUIRE_TOOLS (CI) a missing one is an error.
 */
export function hasDefaultFonts(suite: string): boolean {
  const missing = [...new Set([...Object.values(DEFAULT_FONTS), ...FALLBACK_FONTS].filter((f) => !defaultFontPath(f)).map((f) => f.package.name))];
  if (missing.length === 0) return true;
  const message = `${suite}: default fonts not found: ${missing.join(', ')} (npm ci installs them as devDependencies; or npx zongjie fonts)`;
  if (process.env.ZONGJIE_REQUIRE_TOOLS) throw new Error(message);
  console.warn(`⚠ SKIPPING ${message}`);
  return false;
}

/** The default fonts, system fonts left out. */
export function defaultFonts(): Promise<FontSet> {
  return loadFonts({ system: false });
}
