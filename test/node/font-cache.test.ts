import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readCached, writeCached } from '../../src/node/fonts/cache.js';

const sfnt = (size: number) => {
  const bytes = new Uint8Array(size).fill(7);
  bytes.set([0, 1, 0, 0]); // a TrueType header tag
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
    await writeCached(stamp, sfnt(64));
    expect([...(await readCached(stamp))!]).toEqual([...sfnt(64)]);
    expect(await readCached({ ...stamp, mtimeMs: 2 })).toBeUndefined(); // the font was updated
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]); // written atomically
  });

  it('ignores a file that is not a font, and writes nothing when turned off', async () => {
    const stamp = { path: '/fonts/b.woff', size: 5, mtimeMs: 1 };
    await writeCached(stamp, sfnt(32));
    const [file] = readdirSync(dir);
    writeFileSync(join(dir, file!), 'not a font at all');
    expect(await readCached(stamp)).toBeUndefined();

    process.env.ZONGJIE_FONT_CACHE = 'off';
    await writeCached({ ...stamp, path: '/fonts/c.woff' }, sfnt(32));
    expect(readdirSync(dir)).toHaveLength(1);
  });

  it('never throws when the directory cannot be made', async () => {
    writeFileSync(join(dir, 'a-file'), '');
    process.env.ZONGJIE_FONT_CACHE = join(dir, 'a-file', 'fonts'); // under a file: ENOTDIR
    await expect(writeCached({ path: '/x.woff', size: 1, mtimeMs: 1 }, sfnt(16))).resolves.toBeUndefined();
    expect(await readCached({ path: '/x.woff', size: 1, mtimeMs: 1 })).toBeUndefined();
  });
});
