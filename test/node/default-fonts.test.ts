/**
 * The default fonts without their npm packages: where they are looked for
 * (the installed package → the copy `zongjie fonts` fetched → none), what is
 * said when there are none, and how the fetch refuses anything not pinned.
 * A machine without the packages is stood for by a seam
 * (findInstalledFontsWith), never by deleting node_modules; npm is replaced
 * by a runner that hands over tarballs made here (the real npm: test/cli/fonts.test.ts).
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { create as createTar } from 'tar';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { composeReport } from '../../src/compose/index.js';
import { draftReport, FontError, FontInstallError, renderPdf } from '../../src/node/index.js';
import {
  DEFAULT_FONT_FILES,
  defaultFontPath,
  fetchedFontPath,
  fetchedFontsDir,
  fetchedFontTarget,
  findInstalledFontsWith,
  installedFontPath,
  NOTO_SERIF_REGULAR,
  type DefaultFont,
  type FontPackage,
} from '../../src/node/fonts/defaults.js';
import { installFonts } from '../../src/node/fonts/install.js';
import { clearFontCache, loadFonts } from '../../src/node/fonts/load.js';
import type { NpmResult } from '../../src/node/fonts/npm-pack.js';
import { hasDefaultFonts } from '../support/pdf-fonts.js';
import { pdfFonts, pdfRawText } from '../support/pdf-tools.js';
import { requireCommands, tempDir } from '../support/tools.js';

const ROOT = join(dirname(new URL(import.meta.url).pathname), '..', '..');
// A machine with no system fonts (fontconfig lists none), so the defaults are all there is.
process.env.FONTCONFIG_FILE = join(ROOT, 'test', 'fixtures', 'fontconfig', 'no-fonts.conf');
const { dir: base, remove } = tempDir('zongjie-default-fonts-');
afterAll(remove);

const saved = { cache: process.env.ZONGJIE_FONT_CACHE, tmp: process.env.TMPDIR };
let cache: string;
let run = 0;
beforeEach(() => {
  // A fresh font cache and temporary directory per test: what is left in them is what the code left.
  cache = join(base, `cache-${++run}`);
  process.env.ZONGJIE_FONT_CACHE = cache;
  process.env.TMPDIR = join(base, `tmp-${run}`);
  mkdirSync(process.env.TMPDIR, { recursive: true });
  clearFontCache();
});
afterEach(() => {
  for (const [name, value] of [['ZONGJIE_FONT_CACHE', saved.cache], ['TMPDIR', saved.tmp]] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  clearFontCache();
});

/** As on a machine where zongjie was installed without the font packages. */
function withoutPackages(): () => void {
  return findInstalledFontsWith(() => undefined);
}

/** Every file under a directory, relative to it (none when it does not exist). */
function filesUnder(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
      .sort();
  } catch {
    return [];
  }
}

/** The installed package files, looked up before any test hides them. */
const packageFiles = new Map(DEFAULT_FONT_FILES.map((font) => [font, installedFontPath(font)]));

/** What `zongjie fonts` leaves: the installed package files, copied where the fetch puts them. */
function fillCacheFromPackages(): void {
  for (const font of DEFAULT_FONT_FILES) {
    const target = fetchedFontTarget(font, fetchedFontsDir()!);
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(packageFiles.get(font)!, target);
  }
}

const packagesInstalled = hasDefaultFonts('default fonts from the cache');

describe.skipIf(!packagesInstalled)('where a default font is looked for', () => {
  it('the installed package first, even when the cache has a copy', () => {
    fillCacheFromPackages();
    const path = defaultFontPath(NOTO_SERIF_REGULAR)!;
    expect(path).toContain(join('node_modules', '@expo-google-fonts', 'noto-serif-sc'));
    expect(fetchedFontPath(NOTO_SERIF_REGULAR)).toBe(join(cache, 'npm', '@expo-google-fonts', 'noto-serif-sc@0.4.3', '400Regular', 'NotoSerifSC_400Regular.ttf'));
  });

  it('without the package, the copy in the font cache', () => {
    fillCacheFromPackages();
    const restore = withoutPackages();
    try {
      for (const font of DEFAULT_FONT_FILES) expect(defaultFontPath(font)).toBe(fetchedFontTarget(font, join(cache, 'npm')));
    } finally {
      restore();
    }
    expect(defaultFontPath(NOTO_SERIF_REGULAR)).toContain('node_modules'); // the seam undone
  });

  it('without either, none; and none when the cache is turned off', () => {
    const restore = withoutPackages();
    try {
      expect(defaultFontPath(NOTO_SERIF_REGULAR)).toBeUndefined();
      fillCacheFromPackages();
      expect(defaultFontPath(NOTO_SERIF_REGULAR)).toBeDefined(); // fetched during the process: found without a restart
      process.env.ZONGJIE_FONT_CACHE = 'off';
      expect(defaultFontPath(NOTO_SERIF_REGULAR)).toBeUndefined();
    } finally {
      restore();
    }
  });
});

describe.skipIf(!packagesInstalled)('no font at all', () => {
  const stats = JSON.parse(readFileSync(join(ROOT, 'examples', 'school.json'), 'utf8'));
  let restore: () => void;
  beforeEach(() => (restore = withoutPackages()));
  afterEach(() => restore());

  it('loadFonts: a FontError saying, in Chinese and English, to run npx zongjie fonts', async () => {
    const error = await loadFonts({ system: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FontError);
    expect(error).toMatchObject({ role: 'body', source: '' });
    const message = (error as Error).message;
    expect(message).toMatch(/没有可用于 PDF 的中文字体/);
    expect(message).toMatch(/no Chinese font for the PDF/);
    expect(message).toMatch(/运行一次 npx zongjie fonts/);
    expect(message).toMatch(/run `npx zongjie fonts` once/);
    expect(message).toMatch(/--font body=/);
  });

  it('draftReport and renderPdf: the same error for a PDF; DOCX and Markdown need no font', async () => {
    const drafting = await draftReport(stats).catch((e: unknown) => e);
    expect(drafting).toBeInstanceOf(FontError);
    expect((drafting as Error).message).toMatch(/npx zongjie fonts/);
    const rendering = await renderPdf(composeReport(stats).report).catch((e: unknown) => e);
    expect((rendering as Error).message).toMatch(/npx zongjie fonts/);
    const draft = await draftReport(stats, { formats: ['docx', 'md'] });
    expect(Object.keys(draft.outputs)).toEqual(['docx', 'md']);
  });

  it('startServer: refuses to start, with the same error, rather than answer every draft with a 500', async () => {
    const { startServer } = await import('../../src/server/index.js');
    const error = await startServer({ workers: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FontError);
    expect((error as Error).message).toMatch(/npx zongjie fonts/);
  });

  it('a damaged copy in the cache is named, with the command that fetches it again', async () => {
    fillCacheFromPackages();
    const path = fetchedFontPath(NOTO_SERIF_REGULAR)!;
    writeFileSync(path, readFileSync(path).subarray(0, 100_000)); // cut short
    const error = await loadFonts({ system: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FontError);
    expect(error).toMatchObject({ source: path });
    expect((error as Error).message).toMatch(/cut short.*run `npx zongjie fonts` again/);
  });
});

describe.skipIf(!packagesInstalled || !requireCommands('default fonts from the cache: PDF', 'pdffonts', 'pdftotext'))('a PDF from the fetched copies', () => {
  it('has the same fonts and text as one from the packages', async () => {
    const stats = JSON.parse(readFileSync(join(ROOT, 'examples', 'bureau.json'), 'utf8'));
    const { report } = composeReport(stats);
    const fromPackages = await renderPdf(report, { system: false });
    fillCacheFromPackages();
    clearFontCache();
    const restore = withoutPackages();
    let fromCache: Uint8Array;
    try {
      expect((await loadFonts({ system: false })).body?.[0]?.name).toBe('NotoSerifSC_400Regular.ttf');
      fromCache = await renderPdf(report, { system: false });
    } finally {
      restore();
    }
    const fonts = pdfFonts(fromCache);
    expect(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(expect.arrayContaining(['LXGWWenKai-Regular', 'NotoSansSC-Medium', 'NotoSerifSC-Bold', 'NotoSerifSC-Regular']));
    expect(fonts).toEqual(pdfFonts(fromPackages));
    expect(pdfRawText(fromCache)).toBe(pdfRawText(fromPackages));
    expect(pdfRawText(fromCache)).toContain('云溪县教育局');
  });
});

describe('fetching the default fonts (npm replaced by tarballs made here)', () => {
  const robotoPath = join(dirname(createRequire(import.meta.url).resolve('pdfmake/package.json')), 'build/fonts/Roboto/Roboto-Regular.ttf');
  const roboto = readFileSync(robotoPath);
  const italic = readFileSync(robotoPath.replace('Regular', 'Italic'));
  const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
  let tarball: string;
  let pkg: FontPackage;
  let regular: DefaultFont;
  let second: DefaultFont;

  beforeAll(async () => {
    // A package as npm packs it: everything under package/, the fonts among files never kept.
    const source = join(base, 'source');
    mkdirSync(join(source, 'package', 'files'), { recursive: true });
    writeFileSync(join(source, 'package', 'package.json'), '{"name":"@test/fonts","version":"1.0.0"}');
    writeFileSync(join(source, 'package', 'files', 'regular.ttf'), roboto);
    writeFileSync(join(source, 'package', 'files', 'italic.ttf'), italic);
    writeFileSync(join(source, 'package', 'files', 'unused.woff2'), Buffer.alloc(50_000, 1));
    tarball = join(base, 'test-fonts-1.0.0.tgz');
    await createTar({ gzip: true, file: tarball, cwd: source, portable: true }, ['package']);
    const tgz = readFileSync(tarball);
    pkg = { name: '@test/fonts', version: '1.0.0', integrity: `sha512-${createHash('sha512').update(tgz).digest('base64')}`, size: tgz.length };
    regular = { label: 'Test Regular', package: pkg, file: 'files/regular.ttf', sha256: sha256(roboto), bytes: roboto.length };
    second = { label: 'Test Italic', package: pkg, file: 'files/italic.ttf', sha256: sha256(italic), bytes: italic.length };
  });

  /** Stands for `npm pack`: copies the tarball to --pack-destination and prints what npm prints. */
  const calls: string[][] = [];
  const fakeNpm = async (args: string[]): Promise<NpmResult> => {
    calls.push(args);
    const dest = args[args.indexOf('--pack-destination') + 1]!;
    copyFileSync(tarball, join(dest, 'test-fonts-1.0.0.tgz'));
    return { code: 0, stdout: JSON.stringify([{ filename: 'test-fonts-1.0.0.tgz' }]), stderr: '' };
  };
  const failingNpm = (stderr: string) => async (): Promise<NpmResult> => ({ code: 1, stdout: '', stderr });
  beforeEach(() => void (calls.length = 0));

  it('keeps only the pinned files, written whole, and cleans up after itself', async () => {
    const events: string[] = [];
    const result = await installFonts([regular, second], { runNpm: fakeNpm, onProgress: (e) => events.push(e.stage) });
    expect(calls).toHaveLength(1); // one npm pack for the package, however many files
    expect(calls[0]!.slice(0, 2)).toEqual(['pack', '@test/fonts@1.0.0']);
    expect(calls[0]).toContain('--prefer-offline');
    expect(filesUnder(cache)).toEqual(['npm/@test/fonts@1.0.0/files/italic.ttf', 'npm/@test/fonts@1.0.0/files/regular.ttf']);
    expect(readFileSync(result.fonts[0]!.path).equals(roboto)).toBe(true);
    expect(result.packedBytes).toBe(pkg.size);
    expect(events).toEqual(['fetching', 'fetched', 'kept', 'kept']);
    expect(filesUnder(process.env.TMPDIR!)).toEqual([]); // the tarball is gone
  });

  it('fetches nothing for fonts already in the cache as pinned, and again for a damaged copy', async () => {
    await installFonts([regular], { runNpm: fakeNpm });
    calls.length = 0;
    const again = await installFonts([regular], { runNpm: fakeNpm });
    expect(calls).toHaveLength(0);
    expect(again.fonts[0]).toMatchObject({ fetched: false });
    writeFileSync(again.fonts[0]!.path, 'damaged');
    const repaired = await installFonts([regular], { runNpm: fakeNpm });
    expect(calls).toHaveLength(1);
    expect(readFileSync(repaired.fonts[0]!.path).equals(roboto)).toBe(true);
  });

  it.each([
    ['the tarball does not match its pinned integrity', () => [{ ...regular, package: { ...pkg, integrity: `sha512-${Buffer.alloc(64).toString('base64')}` } }], /does not match its pinned integrity/],
    ['a kept file does not match its pinned SHA-256', () => [{ ...regular, sha256: '0'.repeat(64) }], /files\/regular\.ttf .*does not match its pinned SHA-256/],
    ['one file of the package is wrong: none of it is written', () => [regular, { ...second, sha256: '0'.repeat(64) }], /files\/italic\.ttf .*SHA-256/],
    ['a pinned file is not in the tarball', () => [{ ...regular, file: 'files/absent.ttf' }], /absent\.ttf[\s\S]*received: \(absent\)/],
  ])('refuses it when %s, and leaves nothing behind', async (_, fonts, reason) => {
    const samePackage = (font: DefaultFont) => ({ ...font, package: fonts()[0]!.package });
    const error = await installFonts(fonts().map(samePackage), { runNpm: fakeNpm }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FontInstallError);
    expect(error).toMatchObject({ problem: 'integrity' });
    expect(`${(error as Error).message}\n${(error as FontInstallError).details.join('\n')}`).toMatch(reason);
    expect((error as Error).message).toMatch(/未写入任何文件.*nothing was written/);
    expect(filesUnder(cache)).toEqual([]);
    expect(filesUnder(process.env.TMPDIR!)).toEqual([]);
  });

  it.each([
    ['npm error code ENOTFOUND\nnpm error network request to https://registry.example/@test%2ffonts failed', 'network', /网络错误 ENOTFOUND.*network error ENOTFOUND\): check the network.*\.npmrc/],
    ['npm error code ETIMEDOUT\nnpm error network timeout', 'network', /network error ETIMEDOUT/],
    ['npm error code E404\nnpm error 404 Not Found - GET https://mirror.example/@test%2ffonts', 'registry', /did not serve @test\/fonts@1\.0\.0 \(E404\)/],
    ['npm error code ENOSPC\nnpm error nospc ENOSPC: no space left on device', 'disk', /ENOSPC.*disk full/],
    ['npm error code EWHATEVER', 'npm', /npm pack @test\/fonts@1\.0\.0 failed \(EWHATEVER\)/],
  ])('npm failing (%s) is a FontInstallError that says what to do', async (stderr, problem, message) => {
    const error = await installFonts([regular], { runNpm: failingNpm(stderr) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FontInstallError);
    expect(error).toMatchObject({ problem });
    expect((error as Error).message).toMatch(message);
    expect((error as FontInstallError).details.join('\n')).toContain(stderr.split('\n').at(-1));
    expect(filesUnder(cache)).toEqual([]);
    expect(filesUnder(process.env.TMPDIR!)).toEqual([]);
  });

  it("npm 7+'s JSON error on stdout: its code decides, its summary is shown", async () => {
    const stdout = JSON.stringify({ error: { code: 'ETARGET', summary: 'No matching version found for @test/fonts@1.0.0.', detail: 'In most cases …' } });
    const error = await installFonts([regular], { runNpm: async () => ({ code: 1, stdout, stderr: 'npm error code ETARGET' }) }).catch((e: unknown) => e);
    expect(error).toMatchObject({ problem: 'registry', details: ['  No matching version found for @test/fonts@1.0.0.', '  In most cases …'] });
    expect((error as Error).message).toMatch(/npm 仓库没有提供 @test\/fonts@1\.0\.0（ETARGET）.* \/ the npm registry did not serve/);
  });

  it('no npm at all', async () => {
    const spawnError = Object.assign(new Error('spawn npm ENOENT'), { code: 'ENOENT', syscall: 'spawn npm' });
    const error = await installFonts([regular], { runNpm: async () => ({ code: null, stdout: '', stderr: '', spawnError }) }).catch((e: unknown) => e);
    expect(error).toMatchObject({ problem: 'npm', message: expect.stringMatching(/找不到 npm.*npm was not found/) });
  });

  it('the cache turned off, or a cache that cannot be written: said, nothing half-written', async () => {
    process.env.ZONGJIE_FONT_CACHE = 'off';
    await expect(installFonts([regular], { runNpm: fakeNpm })).rejects.toMatchObject({ problem: 'no-cache', message: expect.stringMatching(/ZONGJIE_FONT_CACHE=off.*set ZONGJIE_FONT_CACHE to a directory/) });
    mkdirSync(base, { recursive: true });
    writeFileSync(join(base, 'a-file'), '');
    process.env.ZONGJIE_FONT_CACHE = join(base, 'a-file', 'fonts'); // under a file: ENOTDIR
    const error = await installFonts([regular], { runNpm: fakeNpm }).catch((e: unknown) => e);
    expect(error).toMatchObject({ problem: 'disk', message: expect.stringMatching(/无法写入 \/ cannot write: .*regular\.ttf/) });
    expect(filesUnder(process.env.TMPDIR!)).toEqual([]);
  });
});

describe('the pins', () => {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8'));
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  it.each(DEFAULT_FONT_FILES.map((font) => [font.file, font] as const))('%s: the version and integrity package-lock.json has, the bytes the package has', (_, font) => {
    expect(manifest.devDependencies[font.package.name]).toBe(font.package.version);
    expect(manifest.dependencies[font.package.name] ?? manifest.optionalDependencies?.[font.package.name]).toBeUndefined(); // never installed with zongjie
    const locked = lock.packages[`node_modules/${font.package.name}`];
    expect(locked).toMatchObject({ version: font.package.version, integrity: font.package.integrity, dev: true });
    const installed = installedFontPath(font);
    if (!installed) return; // hasDefaultFonts warned
    const bytes = readFileSync(installed);
    expect(bytes.length).toBe(font.bytes);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(font.sha256);
  });
});
