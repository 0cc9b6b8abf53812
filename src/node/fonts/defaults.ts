import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { FontRole } from '../../layout/profile.js';
import { cacheDir } from './cache.js';
import { fileExists } from './read.js';
import { woffFile } from './woff.js';

/**
 * The open fonts the PDF falls back on, chosen by measurement (docs/fonts.md):
 * each covers all 6763 GB2312 and 20923 GBK hanzi. They come from three npm
 * packages that ship every weight (271 MB installed) while four files
 * (50 MB) are used, so zongjie does not depend on them: a clone's `npm ci`
 * installs them as devDependencies, and everyone else fetches the four files
 * once with `npx zongjie fonts` (install.ts) into the font cache.
 */
export interface FontPackage {
  name: string;
  /** Exactly this version is fetched, and its tarball must match `integrity`. */
  version: string;
  /** The tarball's Subresource Integrity, as npm's registry and package-lock.json give it. */
  integrity: string;
  /** The tarball's size in bytes, for the progress shown while it downloads. */
  size: number;
}

export interface DefaultFont {
  /** The family and style, for messages. */
  label: string;
  package: FontPackage;
  /** Path inside the package. */
  file: string;
  /** SHA-256 of the file (hex): a fetched copy must match it. */
  sha256: string;
  bytes: number;
}

const SERIF: FontPackage = {
  name: '@expo-google-fonts/noto-serif-sc',
  version: '0.4.3',
  integrity: 'sha512-fSmUpiSFtSeyHV45/2xUOy5SdfExklQwwMKN3cQjAZAujITHDmSbpMHCVdCMhRqMjQtu0ZRgc29u8A+CU3akfw==',
  size: 68_620_613,
};
const SANS: FontPackage = {
  name: '@expo-google-fonts/noto-sans-sc',
  version: '0.4.3',
  integrity: 'sha512-9rAwdFTFHbO/u6Cs0gj2jZbW74TGIiaFNQnXYH2s5wA1bzVkwbaviL4t8YUV642eGYjg86eH6DkAEQmfNHDncQ==',
  size: 56_954_252,
};
const KAI: FontPackage = {
  name: '@fontsource/lxgw-wenkai',
  version: '5.3.0',
  integrity: 'sha512-+U5AAOXeaB7o+3G0Qm7I7Djz2Jd1hqNY+kClOZH8bTunyyGa2WxY12LZftt2AqUsxlfxwdQpd75Js1HQIt4H4g==',
  size: 55_663_853,
};

export const NOTO_SERIF_REGULAR: DefaultFont = {
  label: 'Noto Serif SC Regular',
  package: SERIF,
  file: '400Regular/NotoSerifSC_400Regular.ttf',
  sha256: 'c358a69de3df5f423a8946a7b03e3126fb6ba116f1130a463455b4e39e1f0742',
  bytes: 14_807_636,
};
export const NOTO_SERIF_BOLD: DefaultFont = {
  label: 'Noto Serif SC Bold',
  package: SERIF,
  file: '700Bold/NotoSerifSC_700Bold.ttf',
  sha256: '9c6a2ba736e4b499c84f65ce366bd3625c0401885fd3e585ace50fb738b96ff6',
  bytes: 14_806_580,
};
export const NOTO_SANS_MEDIUM: DefaultFont = {
  label: 'Noto Sans SC Medium',
  package: SANS,
  file: '500Medium/NotoSansSC_500Medium.ttf',
  sha256: 'b30853d205f3ecdde938b1488c735ee15a2e870d31331b992fdc53971e23ec4a',
  bytes: 10_552_448,
};
/** fontsource calls it "latin", but the file is the whole font (LXGW WenKai Regular), WOFF 1.0. */
export const LXGW_WENKAI: DefaultFont = {
  label: 'LXGW WenKai Regular',
  package: KAI,
  file: woffFile('files/lxgw-wenkai-latin-500-normal'),
  sha256: '381d6c2166d68d3473e876e2870d17db75fb294adecfa9048d457ece6ed536ed',
  bytes: 10_099_776,
};

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

/** Every default font once: the four files `zongjie fonts` fetches. */
export const DEFAULT_FONT_FILES: DefaultFont[] = [NOTO_SERIF_REGULAR, NOTO_SERIF_BOLD, NOTO_SANS_MEDIUM, LXGW_WENKAI];

/**
 * The file of a default font, or undefined when there is none: the
 * installed package's (a clone of zongjie, or a user who installed the
 * packages) → the copy `zongjie fonts` fetched into the font cache.
 */
export function defaultFontPath(font: DefaultFont): string | undefined {
  return installedFontPath(font) ?? fetchedFontPath(font);
}

/** The file in the installed package, or undefined when the package is not installed. */
export function installedFontPath(font: DefaultFont): string | undefined {
  const id = `${font.package.name}/${font.file}`;
  if (!resolved.has(id)) resolved.set(id, findInstalled(id));
  return resolved.get(id);
}

/** The fetched copy in the font cache, or undefined when it is not there (or the cache is off). */
export function fetchedFontPath(font: DefaultFont, dir = fetchedFontsDir()): string | undefined {
  const path = dir && fetchedFontTarget(font, dir);
  return path && fileExists(path) ? path : undefined;
}

/** Where `zongjie fonts` keeps a font: `<font cache>/npm/<package>@<version>/<file>`, one directory per pinned version. */
export function fetchedFontTarget(font: DefaultFont, dir: string): string {
  return join(dir, `${font.package.name}@${font.package.version}`, font.file);
}

/** The fetched fonts' directory in the font cache (ZONGJIE_FONT_CACHE), or undefined when the cache is off. */
export function fetchedFontsDir(): string | undefined {
  const dir = cacheDir();
  return dir && join(dir, 'npm');
}

// Resolve from this module in both builds: ESM has import.meta.url, the CJS build
// (where the bundler empties import.meta) has __filename. A bare `require` will not
// do: bundlers replace it in ESM output with a stub that cannot resolve.
const requireFrom = createRequire((import.meta as { url?: string }).url ?? __filename);

const resolved = new Map<string, string | undefined>();

let findInstalled = (id: string): string | undefined => {
  try {
    return requireFrom.resolve(id);
  } catch (error) {
    // Not installed (an `npm i zongjie`): the cache, the caller or the system brings fonts.
    if ((error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND') return undefined;
    throw error;
  }
};

/**
 * Looks installed packages up with `find` instead (`() => undefined` stands
 * for an install without the font packages): a seam for tests. Returns the undo.
 */
export function findInstalledFontsWith(find: (id: string) => string | undefined): () => void {
  const previous = findInstalled;
  findInstalled = find;
  resolved.clear();
  return () => {
    findInstalled = previous;
    resolved.clear();
  };
}
