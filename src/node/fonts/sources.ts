import type { FontRole } from '../../layout/profile.js';
import { DEFAULT_FONTS, DEFAULT_FONT_FILES, fetchedFontPath, fetchedFontsDir, installedFontPath, type DefaultFont } from './defaults.js';
import { sha256Of } from './install.js';

/** Where one default font comes from, as `zongjie fonts --check` reports it. */
export interface DefaultFontSource {
  font: DefaultFont;
  /** The roles it is the first default of (every default is also a fallback for all roles). */
  roles: FontRole[];
  /** The file in an installed font package: used first. */
  installed?: string;
  /** The copy `zongjie fonts` fetched, and whether its bytes are still as pinned. */
  fetched?: { path: string; intact: boolean };
  /** The file the PDF uses, or undefined when there is none. */
  used?: string;
}

/** Each default font's sources, checked: the installed package, then the font cache's copy. */
export async function defaultFontSources(): Promise<{ cacheDir: string | undefined; fonts: DefaultFontSource[] }> {
  const fonts = await Promise.all(
    DEFAULT_FONT_FILES.map(async (font): Promise<DefaultFontSource> => {
      const installed = installedFontPath(font);
      const path = fetchedFontPath(font);
      const fetched = path ? { path, intact: (await sha256Of(path).catch(() => '')) === font.sha256 } : undefined;
      const roles = (Object.keys(DEFAULT_FONTS) as FontRole[]).filter((role) => DEFAULT_FONTS[role] === font);
      const used = installed ?? fetched?.path;
      return { font, roles, ...(installed ? { installed } : {}), ...(fetched ? { fetched } : {}), ...(used ? { used } : {}) };
    }),
  );
  return { cacheDir: fetchedFontsDir(), fonts };
}
