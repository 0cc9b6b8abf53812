import { createRequire } from 'node:module';
import type { FontRole } from '../../layout/profile.js';
import { woffFile } from './woff.js';

/**
 * The open fonts npm installs with zongjie as optionalDependencies
 * (`npm i --omit=optional` leaves them out). Chosen by measurement, see
 * docs/fonts.md: each covers all 6763 GB2312 and 20923 GBK hanzi.
 */
export interface DefaultFont {
  package: string;
  /** Path inside the package. */
  file: string;
}

const SERIF = '@expo-google-fonts/noto-serif-sc';
const SANS = '@expo-google-fonts/noto-sans-sc';
const KAI = '@fontsource/lxgw-wenkai';

export const NOTO_SERIF_REGULAR: DefaultFont = { package: SERIF, file: '400Regular/NotoSerifSC_400Regular.ttf' };
export const NOTO_SERIF_BOLD: DefaultFont = { package: SERIF, file: '700Bold/NotoSerifSC_700Bold.ttf' };
export const NOTO_SANS_MEDIUM: DefaultFont = { package: SANS, file: '500Medium/NotoSansSC_500Medium.ttf' };
/** fontsource calls it "latin", but the file is the whole font (LXGW WenKai Regular), WOFF 1.0. */
export const LXGW_WENKAI: DefaultFont = { package: KAI, file: woffFile('files/lxgw-wenkai-latin-500-normal') };

/** Per role: the look it wants first. */
export const DEFAULT_FONTS: Record<FontRole, DefaultFont> = {
  title: NOTO_SERIF_BOLD, // 小标宋: a heavy serif
  body: NOTO_SERIF_REGULAR, // 仿宋: no open full-coverage 仿宋 on npm; 宋 is the accepted stand-in
  heading1: NOTO_SANS_MEDIUM, // 黑体
  heading2: LXGW_WENKAI, // 楷体
  heading3: NOTO_SERIF_REGULAR,
  heading4: NOTO_SERIF_REGULAR,
  table: NOTO_SERIF_REGULAR,
  pageNumber: NOTO_SERIF_REGULAR, // 宋体
};

/**
 * After a role's own font, these fill gaps character by character: LXGW
 * WenKai reaches CJK Extension B (𠮷), the Noto pair the rest.
 */
export const FALLBACK_FONTS: DefaultFont[] = [NOTO_SERIF_REGULAR, LXGW_WENKAI, NOTO_SANS_MEDIUM];

// Resolve from this module in both builds: ESM has import.meta.url, the CJS build
// (where the bundler empties import.meta) has __filename. A bare `require` will not
// do: bundlers replace it in ESM output with a stub that cannot resolve.
const requireFrom = createRequire((import.meta as { url?: string }).url ?? __filename);

/** The installed file of a default font, or undefined when its package was left out. */
export function defaultFontPath(font: DefaultFont): string | undefined {
  const id = `${font.package}/${font.file}`;
  if (!resolved.has(id)) resolved.set(id, resolve(id));
  return resolved.get(id);
}

const resolved = new Map<string, string | undefined>();

function resolve(id: string): string | undefined {
  try {
    return requireFrom.resolve(id);
  } catch (error) {
    // Not installed (npm i --omit=optional): the caller or the system brings fonts.
    if ((error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND') return undefined;
    throw error;
  }
}
