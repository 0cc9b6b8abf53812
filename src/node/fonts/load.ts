import type { FontRole } from '../../layout/profile.js';
import type { FontFace, FontSet } from '../../render/pdf/fonts.js';
import { DEFAULT_FONTS, FALLBACK_FONTS, defaultFontPath, fetchedFontsDir } from './defaults.js';
import { clearFontFiles, fontBytes, fontFile } from './files.js';
import { nodeFontkit, shareFontsWithPdfkit } from './pdfkit.js';
import { systemFonts, type SystemFont } from './system.js';
import { FontError, noFontError } from './error.js';
import { sfntProblem } from '../../render/pdf/sfnt.js';

export { FontError };

/** A font as a file path ("simsun.ttc#SimSun" picks a face in a collection) or bytes (TTF, OTF or WOFF). */
export type FontSource = string | Uint8Array;

export interface LoadFontsOptions {
  /** Fonts per role, tried before any other. */
  fonts?: Partial<Record<FontRole, FontSource | FontSource[]>>;
  /** Use fonts installed on this machine (default true). False gives the same PDF on every machine. */
  system?: boolean;
  /** Use the open default fonts: their npm packages where installed, else the copies `zongjie fonts` fetched (default true). */
  defaults?: boolean;
}

const ROLES: FontRole[] = ['title', 'body', 'heading1', 'heading2', 'heading3', 'heading4', 'table', 'pageNumber'];

/**
 * Fonts for every role, as the PDF renderer wants them. For each role, in order:
 * 1. the caller's fonts;
 * 2. the first usable conventional system font (仿宋, 黑体, 楷体, 宋体, 小标宋 —
 *    simfang/simhei/simkai/simsun on Windows, ST* and Songti on macOS);
 * 3. the default for the role (from its installed npm package, else the copy
 *    `zongjie fonts` fetched), or, when there is neither, the first usable
 *    open system font (Noto CJK, Source Han, AR PL, WenQuanYi). The npm Noto
 *    comes first because it is the same design but renders four times faster
 *    than the system's CFF collections;
 * 4. the other defaults, as per-character fallbacks (LXGW WenKai has 𠮷).
 * Files are read once per process and shared by every report.
 *
 * @throws {FontError} when no font at all is found for the body text, saying how to get one (`npx zongjie fonts`).
 * @example
 * const fonts = await loadFonts({ fonts: { title: 'C:/Windows/Fonts/FZXBSJW.TTF' } })
 */
export function loadFonts(options: LoadFontsOptions = {}): Promise<FontSet> {
  // Every render asks again; answer from the first ask with the same options (a report's
  // worth of resolving and file checks saved each time: 2–3 ms of a 50 ms draft).
  const byFlags = options.fonts ? (loaded.get(options.fonts) ?? loaded.set(options.fonts, new Map()).get(options.fonts)!) : unnamed;
  const key = `${options.system !== false} ${options.defaults !== false}`;
  let set = byFlags.get(key);
  if (!set) {
    set = resolveFonts(options);
    byFlags.set(key, set);
    set.catch(() => byFlags.delete(key)); // a failure is not remembered: the caller may fix it and retry
  }
  return set;
}

/** Font sets already resolved, by the caller's `fonts` object (by identity) and flags. */
let loaded = new WeakMap<object, Map<string, Promise<FontSet>>>();
const unnamed = new Map<string, Promise<FontSet>>();

/** Forget every font read and resolved (tests; a long-running process whose fonts changed, e.g. after `installDefaultFonts`). */
export function clearFontCache(): void {
  clearFontFiles();
  loaded = new WeakMap();
  unnamed.clear();
}

async function resolveFonts(options: LoadFontsOptions): Promise<FontSet> {
  shareFontsWithPdfkit();
  const defaults = options.defaults !== false;
  // fc-list first (forking is cheaper before 50 MB of fonts are in memory), then every
  // default file's read and WOFF unpack at once, all running while the caller composes.
  const listed = options.system === false ? undefined : systemFonts();
  if (defaults) for (const font of [...Object.values(DEFAULT_FONTS), ...FALLBACK_FONTS]) prefetch(defaultFontPath(font));
  const system = listed ? await listed : { conventional: {}, open: {} };
  const set: FontSet = {};
  for (const role of ROLES) {
    const chain: FontFace[] = [];
    const add = (face: FontFace | undefined) => {
      if (face && !chain.includes(face)) chain.push(face);
    };
    for (const source of toArray(options.fonts?.[role])) add(await callerFont(source, role));
    add(await firstUsable(system.conventional[role]));
    const ownDefault = defaults ? defaultFontPath(DEFAULT_FONTS[role]) : undefined;
    add(ownDefault ? await defaultFont(ownDefault, role) : await firstUsable(system.open[role]));
    for (const font of defaults ? FALLBACK_FONTS : []) {
      const path = defaultFontPath(font);
      if (path) add(await defaultFont(path, role));
    }
    if (chain.length > 0) set[role] = chain;
  }
  if (!set.body) throw noFontError('body');
  return set;
}

/**
 * Whether {@link loadFonts} will find any font for the body text, judged
 * without reading a font file: a quick check before a batch or a server
 * starts, so that "no font" is said once, with how to get one, rather than
 * once per report. (A file found may still fail to load: that is said when it does.)
 */
export async function findsBodyFont(options: LoadFontsOptions = {}): Promise<boolean> {
  if (toArray(options.fonts?.body).length > 0) return true;
  if (options.defaults !== false && [DEFAULT_FONTS.body, ...FALLBACK_FONTS].some((font) => defaultFontPath(font))) return true;
  if (options.system === false) return false;
  const system = await systemFonts();
  return Boolean(system.conventional.body?.length || system.open.body?.length);
}

const sound = new WeakSet<FontFace>();

/** A default font, checked once per process: a damaged install is a FontError naming the file, not a broken PDF. */
async function defaultFont(path: string, role: FontRole): Promise<FontFace> {
  let face: FontFace;
  try {
    face = await fontFile(path);
    if (!sound.has(face)) {
      await checkFace(face, role, path);
      sound.add(face);
    }
  } catch (error) {
    const reason = error instanceof FontError ? error.reason : (error as Error).message;
    throw new FontError(role, path, isFetched(path) ? `${reason}; ${REFETCH}` : reason, { cause: error });
  }
  return face;
}

/** A damaged copy in the font cache is fetched again by the same command (it checks each copy's bytes). */
const REFETCH = '请重新运行 npx zongjie fonts / run `npx zongjie fonts` again';

function isFetched(path: string): boolean {
  const dir = fetchedFontsDir();
  return dir !== undefined && path.startsWith(dir);
}

function prefetch(path: string | undefined): void {
  if (path) fontFile(path).catch(() => {}); // a failure is reported when the file is used
}

function toArray(value: FontSource | FontSource[] | undefined): FontSource[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

async function callerFont(source: FontSource, role: FontRole): Promise<FontFace> {
  const shown = typeof source === 'string' ? source : `${source.byteLength} bytes`;
  let face: FontFace;
  try {
    if (typeof source !== 'string') face = fontBytes(source, `fonts.${role}`);
    else {
      const collection = /^(.*\.(?:ttc|otc))#(.+)$/i.exec(source);
      face = collection ? await fontFile(collection[1]!, collection[2]) : await fontFile(source);
    }
  } catch (error) {
    throw new FontError(role, shown, (error as Error).message, { cause: error });
  }
  // Fail here, naming the role and the file, rather than deep inside the renderer.
  await checkFace(face, role, shown);
  return face;
}

/**
 * A font is refused when it is loaded, naming the role and the file: WOFF2,
 * a file cut short or damaged (its table directory checked, one outline
 * read), or a collection without a face named.
 *
 * @throws {FontError}
 */
async function checkFace(face: FontFace, role: FontRole, shown: string): Promise<void> {
  const problem = sfntProblem(face.data);
  if (problem) throw new FontError(role, shown, problem);
  const fontkit = await nodeFontkit();
  try {
    const font = fontkit.create(face.data, face.postscriptName);
    if (!font || 'fonts' in font) throw new Error('a collection: name the face as file.ttc#PostScriptName');
    const glyph = font.glyphForCodePoint(font.hasGlyphForCodePoint(0x4e2d) ? 0x4e2d : 0x41);
    void glyph.path;
    void glyph.advanceWidth;
  } catch (error) {
    throw new FontError(role, shown, `not a font that can be read (${(error as Error).message})`, { cause: error });
  }
}

async function firstUsable(fonts: SystemFont[] = []): Promise<FontFace | undefined> {
  for (const font of fonts) {
    const face = await usable(() => fontFile(font.path, font.postscriptName));
    if (face) return face;
  }
  return undefined;
}

const checked = new WeakMap<FontFace, boolean>();

/** A system font is used only if it parses and draws Chinese; anything else is skipped. */
async function usable(load: () => Promise<FontFace>): Promise<FontFace | undefined> {
  let face: FontFace;
  try {
    face = await load();
  } catch {
    return undefined; // unreadable or WOFF2: not usable, try the next
  }
  let ok = checked.get(face);
  if (ok === undefined) {
    ok = drawsChinese(face, await nodeFontkit());
    checked.set(face, ok);
  }
  return ok ? face : undefined;
}

function drawsChinese(face: FontFace, fontkit: Awaited<ReturnType<typeof nodeFontkit>>): boolean {
  if (sfntProblem(face.data)) return false; // damaged, or WOFF2
  try {
    const font = fontkit.create(face.data, face.postscriptName);
    return !!font && !('fonts' in font) && [...'中国教育'].every((ch) => font.hasGlyphForCodePoint(ch.codePointAt(0)!));
  } catch {
    return false; // not a font fontkit can read
  }
}
