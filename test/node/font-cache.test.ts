import { mkdtempSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readCached, writeCached } from '../../src/node/fonts/cache.js';

/** A real font to store: pdfmake's Roboto (pdfmake is a dependency). */
const roboto = new Uint8Array(readFileSync(join(dirname(createRequire(import.meta.url).resolve('pdfmake/package.json')), 'build/fonts/Roboto/Roboto-Regular.ttf')));
const variant = (n: number) => {
  // Another font's bytes: the same font with a byte of its name table changed.
  const bytes = roboto.slice();
  bytes[bytes.length - 1] = n;
  return bytes;
};

describe('the unpacked-font disk cache', () => {
  const saved = process.env.ZONGJIE_FONT_CACHE;
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'zongjie-font-cache-'));
    process.env.ZONGJIE_FONT_CACHE = dir;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.ZONGJIE_FONT_CACHE;
    else process.env.ZONGJIE_FONT_CACHE = saved;
  });

  it('gives back what was stored for the same file version, and nothing for another', async () => {
    const stamp = { path: '/fonts/a.woff', size: 100, mtimeMs: 1 };
    expect(await readCached(stamp)).toBeUndefined();
    await writeCached(stamp, roboto);
    expect(Buffer.from((await readCached(stamp))!).equals(Buffer.from(roboto))).toBe(true);
    expect(await readCached({ ...stamp, mtimeMs: 2 })).toBeUndefined(); // the font was updated
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]); // written atomically
  });

  it.each([
    ['cut short', (file: string) => truncateSync(file, 40_000)],
    ['a byte changed', (file: string) => {
      const bytes = readFileSync(file);
      bytes[20_000] = bytes[20_000]! ^ 0xff;
      writeFileSync(file, bytes);
    }],
    ['not a font at all', (file: string) => writeFileSync(file, 'not a font at all')],
  ])('never uses a damaged copy (%s): it is removed, and the next write stores a good one', async (_, damage) => {
    const stamp = { path: '/fonts/b.woff', size: 5, mtimeMs: 1 };
    await writeCached(stamp, roboto);
    const [file] = readdirSync(dir);
    damage(join(dir, file!));
    expect(await readCached(stamp)).toBeUndefined();
    expect(readdirSync(dir)).toEqual([]);
    await writeCached(stamp, roboto);
    expect((await readCached(stamp))?.length).toBe(roboto.length);
  });

  it('keeps one copy per source, and only the few most recently used', async () => {
    const a = { path: '/fonts/a.woff', size: 1, mtimeMs: 1 };
    await writeCached(a, roboto);
    await writeCached({ ...a, mtimeMs: 2 }, variant(1)); // the font was updated: the old copy goes
    expect(readdirSync(dir)).toHaveLength(1);
    for (let i = 0; i < 7; i++) await writeCached({ path: `/install${i}/font.woff`, size: 1, mtimeMs: 1 }, variant(i + 2));
    expect(readdirSync(dir).length).toBeLessThanOrEqual(4);
    // The one written last is there.
    expect(await readCached({ path: '/install6/font.woff', size: 1, mtimeMs: 1 })).toBeDefined();
  });

  it('writes nothing when turned off', async () => {
    process.env.ZONGJIE_FONT_CACHE = 'off';
    await writeCached({ path: '/fonts/c.woff', size: 1, mtimeMs: 1 }, roboto);
    expect(readdirSync(dir)).toHaveLength(0);
  });

  it('never throws when the directory cannot be made', async () => {
    writeFileSync(join(dir, 'a-file'), '');
    process.env.ZONGJIE_FONT_CACHE = join(dir, 'a-file', 'fonts'); // under a file: ENOTDIR
    await expect(writeCached({ path: '/x.woff', size: 1, mtimeMs: 1 }, roboto)).resolves.toBeUndefined();
    expect(await readCached({ path: '/x.woff', size: 1, mtimeMs: 1 })).toBeUndefined();
  });
});
