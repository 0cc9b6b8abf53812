/**
 * `zongjie fonts` as a user runs it: the built CLI, the real npm. The fetch
 * itself needs the npm registry (about 20 s: 181 MB of tarballs, into an npm
 * cache of its own so the registry is really asked) and is skipped, loudly,
 * when `npm ping` fails. What happens without a registry is tested offline.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_FONT_FILES, fetchedFontTarget } from '../../src/node/fonts/defaults.js';
import { tempDir } from '../support/tools.js';
import { ensureBuilt, run, STACK_FRAME, zongjie } from './support.js';

const { dir, remove } = tempDir('zongjie-fonts-cli-');
afterAll(remove);
beforeAll(ensureBuilt);

/** Every file under a directory (none when it does not exist). */
function filesUnder(path: string): string[] {
  try {
    return readdirSync(path, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name));
  } catch {
    return [];
  }
}

describe('zongjie fonts, offline', () => {
  it('with the font cache turned off: says so in both languages, exit 1', async () => {
    const result = await zongjie(['fonts'], { env: { ZONGJIE_FONT_CACHE: 'off' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/字体缓存已关闭.*the font cache is off.*set ZONGJIE_FONT_CACHE to a directory/);
    expect(result.all).not.toMatch(STACK_FRAME);
  });

  it('with the registry out of reach: a network error saying what to check, exit 1, nothing written', async () => {
    const cache = join(dir, 'unreachable');
    mkdirSync(join(dir, 'unreachable-tmp'));
    const result = await zongjie(['fonts'], {
      env: {
        ZONGJIE_FONT_CACHE: cache,
        TMPDIR: join(dir, 'unreachable-tmp'),
        // Nothing listens on port 9; an empty npm cache of its own, so npm must ask it.
        npm_config_registry: 'http://127.0.0.1:9/',
        npm_config_cache: join(dir, 'unreachable-npm-cache'),
        npm_config_fetch_retries: '0',
      },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/无法从 npm 仓库下载 @expo-google-fonts\/noto-serif-sc@0\.4\.3（网络错误 ECONNREFUSED）/);
    expect(result.stderr).toMatch(/could not download .* \(network error ECONNREFUSED\): check the network, the proxy \(npm config get proxy\) and the registry in \.npmrc/);
    expect(result.stderr).toContain('request to http://127.0.0.1:9/'); // npm's own summary, not its stack
    expect(result.all).not.toMatch(STACK_FRAME);
    expect(filesUnder(cache)).toEqual([]);
  });

  it('--check in a clone: every default font from its installed package', async () => {
    const result = await zongjie(['fonts', '--check'], { env: { ZONGJIE_FONT_CACHE: join(dir, 'empty-cache') } });
    expect(result.code).toBe(0);
    for (const font of DEFAULT_FONT_FILES) expect(result.stdout).toContain(`✓ ${font.label}`);
    expect(result.stdout.match(/npm 包 \/ package: .*node_modules.*← 使用 \/ used/g)).toHaveLength(4);
  });
});

const online = (await run('npm', ['ping'], { timeout: 30_000 })).code === 0;
if (!online) console.warn('⚠ SKIPPING zongjie fonts against the npm registry: `npm ping` failed (no registry reachable)');

describe.skipIf(!online)('zongjie fonts against the npm registry', () => {
  const cache = join(dir, 'cache');
  const env = { ZONGJIE_FONT_CACHE: cache, TMPDIR: join(dir, 'tmp'), npm_config_cache: join(dir, 'npm-cache') };
  let first: Awaited<ReturnType<typeof zongjie>>;
  beforeAll(async () => {
    mkdirSync(env.TMPDIR, { recursive: true });
    first = await zongjie(['fonts'], { env });
  }, 600_000);

  it('fetches the three pinned packages and keeps only the four files, as pinned', () => {
    expect(first.code, first.all).toBe(0);
    expect(first.stdout).toMatch(/\[1\/3\] 下载 \/ fetching @expo-google-fonts\/noto-serif-sc@0\.4\.3 \(68\.6 MB\)/);
    expect(first.stdout).toMatch(/\[3\/3\] 下载 \/ fetching @fontsource\/lxgw-wenkai@5\.3\.0 \(55\.7 MB\)/);
    expect(first.stdout).toMatch(/默认字体已就绪：4 个文件，50\.3 MB；下载 181\.2 MB.* \/ default fonts ready: 4 files, 50\.3 MB; 181\.2 MB fetched in [\d.]+ s/);
    const kept = DEFAULT_FONT_FILES.map((font) => fetchedFontTarget(font, join(cache, 'npm')));
    expect(filesUnder(cache).sort()).toEqual([...kept].sort());
    for (const [i, font] of DEFAULT_FONT_FILES.entries()) {
      expect(createHash('sha256').update(readFileSync(kept[i]!)).digest('hex')).toBe(font.sha256);
    }
    expect(filesUnder(env.TMPDIR)).toEqual([]); // the tarballs are gone
  });

  it('--check: the cache copies, intact; a damaged one is said, and fetched again', async () => {
    const check = await zongjie(['fonts', '--check'], { env });
    expect(check.code).toBe(0);
    expect(check.stdout.match(/缓存 \/ cache: .*\(完好 \/ intact\)/g)).toHaveLength(4);

    const damaged = fetchedFontTarget(DEFAULT_FONT_FILES[2]!, join(cache, 'npm'));
    truncateSync(damaged, 1000);
    const after = await zongjie(['fonts', '--check'], { env });
    expect(after.stdout).toMatch(/已损坏，请重新运行 npx zongjie fonts \/ damaged: run `npx zongjie fonts` again/);

    const again = await zongjie(['fonts'], { env });
    expect(again.code, again.all).toBe(0);
    expect(again.stdout.match(/已在字体缓存中 \/ already in the font cache/g)).toHaveLength(3);
    expect(again.stdout).toMatch(/\[1\/1\] 下载 \/ fetching @expo-google-fonts\/noto-sans-sc@0\.4\.3/);
    expect(createHash('sha256').update(readFileSync(damaged)).digest('hex')).toBe(DEFAULT_FONT_FILES[2]!.sha256);
  });
});
