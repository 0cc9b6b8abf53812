/**
 * What a new user runs first: `npm ci && npm run example` builds once (npm
 * ci's `prepare` builds; the example only checks that dist/ is fresh), and
 * the build says nothing alarming (no "import.meta is not available" from
 * the CommonJS bundles).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT, run } from './support.js';

beforeAll(ensureBuilt);

describe('package scripts', () => {
  it('npm run example and npm run bench do not build again when dist/ is fresh', async () => {
    const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>;
    expect(scripts.prepare).toBe('npm run build');
    for (const name of ['example', 'bench']) expect(scripts[name], name).not.toMatch(/npm run build|tsup/);
    const check = await run(process.execPath, ['scripts/build-if-stale.mjs']);
    expect(check.code).toBe(0);
    expect(check.stdout.trim()).toBe('dist/ is up to date');
  });

  it('the CommonJS bundles have import.meta.url (tsup shims), not an empty import.meta', () => {
    for (const file of ['index.cjs', 'node.cjs', 'batch-worker.cjs']) {
      expect(readFileSync(join(ROOT, 'dist', file), 'utf8'), file).not.toMatch(/import_meta\d* = \{\}/);
    }
  });
});
