// Builds dist/ with tsup only when a source is newer than the build, so that
// `npm ci && npm run example` builds once (npm ci's `prepare` did), not twice.
// The CLI tests use the same check (test/cli/support.ts).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const OUTPUTS = ['cli.js', 'index.js', 'index.cjs', 'node.js', 'node.cjs', 'index.d.ts', 'stats.schema.json', 'batch-worker.js', 'batch-worker.cjs'].map((f) => join(ROOT, 'dist', f));
const SOURCES = ['src', 'templates', 'package.json', 'tsup.config.ts'].map((f) => join(ROOT, f));

function newestMtime(path) {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), info.mtimeMs);
}

/** Whether every output exists and is newer than every source. */
export function isFresh() {
  if (!OUTPUTS.every((f) => existsSync(f))) return false;
  const built = Math.min(...OUTPUTS.map((f) => statSync(f).mtimeMs));
  return SOURCES.every((s) => !existsSync(s) || newestMtime(s) <= built);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (isFresh()) console.log('dist/ is up to date');
  else execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
}
