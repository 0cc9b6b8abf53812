import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { removeStaleTemps, writeFileAtomic } from '../write.js';
import { DEFAULT_FONT_FILES, fetchedFontsDir, fetchedFontTarget, type DefaultFont, type FontPackage } from './defaults.js';
import { FontInstallError } from './error.js';
import { clearFontCache } from './load.js';
import { npmPack, runNpmCli, type NpmRunner } from './npm-pack.js';

/** What `installDefaultFonts` is doing, for a progress display. */
export type InstallProgress =
  /** A font already in the cache, its bytes as pinned: not fetched again. */
  | { stage: 'present'; font: DefaultFont; path: string }
  /** A package's tarball is being fetched (`index` counts from 1). */
  | { stage: 'fetching'; package: FontPackage; index: number; count: number }
  | { stage: 'fetched'; package: FontPackage; ms: number }
  /** A font checked and written into the cache. */
  | { stage: 'kept'; font: DefaultFont; path: string };

export interface InstallFontsOptions {
  onProgress?: (event: InstallProgress) => void;
}

export interface InstalledFonts {
  /** The directory the fonts are in (inside the font cache). */
  dir: string;
  fonts: { font: DefaultFont; path: string; fetched: boolean }[];
  /** Tarball bytes npm handed over (from the network or its own cache). */
  packedBytes: number;
}

/**
 * Fetches the four default font files into the font cache
 * (`ZONGJIE_FONT_CACHE`, else ~/.cache/zongjie/fonts), where the PDF finds
 * them when the font packages are not installed. `npm pack` gets each of the
 * three pinned packages (honouring .npmrc: registry mirror, proxy); each
 * tarball must match its pinned sha512 integrity and each kept file its
 * pinned SHA-256, or nothing of that package is written. Files are written to
 * a temporary name, flushed and renamed; the rest of each package (171 MB of
 * weights never used) is discarded with the tarball. Fonts already in the
 * cache with the pinned bytes are kept, so running it again costs only the check.
 *
 * @throws {FontInstallError} naming the problem (network, registry, integrity, disk, npm, cache off), in Chinese and English.
 * @example
 * await installDefaultFonts({ onProgress: (e) => console.log(e.stage) })
 */
export function installDefaultFonts(options: InstallFontsOptions = {}): Promise<InstalledFonts> {
  return installFonts(DEFAULT_FONT_FILES, options);
}

/** {@link installDefaultFonts} for any pinned fonts, with npm replaceable: the seam tests use. */
export async function installFonts(fonts: readonly DefaultFont[], options: InstallFontsOptions & { runNpm?: NpmRunner } = {}): Promise<InstalledFonts> {
  const dir = fetchedFontsDir();
  if (!dir) {
    throw new FontInstallError(
      'no-cache',
      '字体缓存已关闭（ZONGJIE_FONT_CACHE=off），无处存放字体 / the font cache is off (ZONGJIE_FONT_CACHE=off), so there is nowhere to keep the fonts: ' +
        '请把 ZONGJIE_FONT_CACHE 设为一个目录 / set ZONGJIE_FONT_CACHE to a directory',
    );
  }
  const progress = options.onProgress ?? (() => {});
  const result: InstalledFonts = { dir, fonts: [], packedBytes: 0 };
  const wanted = new Map<FontPackage, DefaultFont[]>();
  for (const font of fonts) {
    const path = fetchedFontTarget(font, dir);
    if ((await sha256Of(path).catch(() => undefined)) === font.sha256) {
      result.fonts.push({ font, path, fetched: false });
      progress({ stage: 'present', font, path });
    } else {
      wanted.set(font.package, [...(wanted.get(font.package) ?? []), font]);
    }
  }
  if (wanted.size === 0) return result;

  const temp = await mkdtemp(join(tmpdir(), 'zongjie-fonts-')).catch((error: NodeJS.ErrnoException) => {
    throw diskError(tmpdir(), error);
  });
  try {
    for (const [index, [pkg, files]] of [...wanted].entries()) {
      progress({ stage: 'fetching', package: pkg, index: index + 1, count: wanted.size });
      const started = performance.now();
      const tarball = await npmPack(pkg, temp, options.runNpm ?? runNpmCli);
      progress({ stage: 'fetched', package: pkg, ms: performance.now() - started });
      await checkIntegrity(tarball, pkg);
      const contents = await filesIn(tarball, files);
      for (const font of files) checkFile(font, contents.get(font));
      for (const font of files) {
        const path = fetchedFontTarget(font, dir);
        await writeFont(path, contents.get(font)!);
        result.fonts.push({ font, path, fetched: true });
        progress({ stage: 'kept', font, path });
      }
      result.packedBytes += pkg.size;
      await rm(tarball, { force: true });
    }
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
  clearFontCache(); // fonts resolved earlier in this process (system ones, say) give way to the new files
  return result;
}

/** The tarball npm gave must be the one pinned: its sha512 as in package-lock.json. */
async function checkIntegrity(tarball: string, pkg: FontPackage): Promise<void> {
  const [algorithm] = pkg.integrity.split('-', 1) as [string];
  const actual = `${algorithm}-${await digestOf(tarball, algorithm, 'base64')}`;
  if (actual !== pkg.integrity) {
    throw new FontInstallError(
      'integrity',
      `${pkg.name}@${pkg.version} 的压缩包与锁定的校验值不符，未写入任何文件 / the tarball of ${pkg.name}@${pkg.version} does not match its pinned integrity; nothing was written`,
      [`  应为 expected: ${pkg.integrity}`, `  实为 received: ${actual}`, '  若使用镜像，请检查镜像是否可信 / with a mirror, check that the mirror can be trusted'],
    );
  }
}

/** A kept file must be there, and be the bytes pinned. */
function checkFile(font: DefaultFont, bytes: Uint8Array | undefined): void {
  const actual = bytes ? createHash('sha256').update(bytes).digest('hex') : '(absent)';
  if (actual === font.sha256) return;
  throw new FontInstallError(
    'integrity',
    `${font.package.name}@${font.package.version} 中的 ${font.file} 与锁定的 SHA-256 不符，未写入任何文件 / ${font.file} in ${font.package.name}@${font.package.version} does not match its pinned SHA-256; nothing was written`,
    [`  应为 expected: ${font.sha256}`, `  实为 received: ${actual}`],
  );
}

/** The wanted files of a package tarball, read as it streams past (the rest is never kept). */
async function filesIn(tarball: string, fonts: readonly DefaultFont[]): Promise<Map<DefaultFont, Uint8Array>> {
  // npm tarballs put everything under one top directory, "package/" as a rule.
  const inPackage = (path: string) => path.replace(/^[^/]+\//, '');
  const byFile = new Map(fonts.map((font) => [font.file, font]));
  const chunks = new Map<DefaultFont, Buffer[]>();
  // Loaded here, not with zongjie/node: 50 ms of start-up that only this command needs.
  const { list } = await import('tar');
  try {
    await list({
      file: tarball,
      strict: true,
      filter: (path) => byFile.has(inPackage(path)),
      onReadEntry: (entry) => {
        if (entry.type !== 'File') return;
        const parts: Buffer[] = [];
        chunks.set(byFile.get(inPackage(entry.path))!, parts); // a file listed twice: the last one counts, and is checked
        entry.on('data', (chunk: Buffer) => parts.push(chunk));
      },
    });
  } catch (error) {
    throw new FontInstallError('integrity', `压缩包无法解开 / the tarball cannot be read: ${(error as Error).message}`, [], { cause: error });
  }
  return new Map([...chunks].map(([font, parts]) => [font, new Uint8Array(Buffer.concat(parts))]));
}

/** Written whole or not at all (temporary file, fsync, rename); a killed earlier run's temporary files go first. */
async function writeFont(path: string, bytes: Uint8Array): Promise<void> {
  await removeStaleTemps(dirname(path));
  await writeFileAtomic(path, bytes).catch((error: NodeJS.ErrnoException) => {
    throw diskError(path, error);
  });
}

function diskError(path: string, error: NodeJS.ErrnoException): FontInstallError {
  const why: Record<string, string> = { ENOSPC: '磁盘空间不足', EDQUOT: '超出磁盘配额', EACCES: '没有权限', EPERM: '没有权限', EROFS: '只读文件系统' };
  return new FontInstallError(
    'disk',
    `无法写入 / cannot write: ${path}: ${why[error.code ?? ''] ?? '写入失败'} / ${error.message}`,
    ['  可用 ZONGJIE_FONT_CACHE=<目录> 换一个位置 / ZONGJIE_FONT_CACHE=<dir> puts the fonts elsewhere'],
    { cause: error },
  );
}

/** SHA-256 of a file, hex. */
export function sha256Of(path: string): Promise<string> {
  return digestOf(path, 'sha256', 'hex');
}

function digestOf(path: string, algorithm: string, encoding: 'hex' | 'base64'): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash(algorithm);
    createReadStream(path)
      .on('error', reject)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest(encoding)));
  });
}
