import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/**
 * How to start a pool worker: `batch-worker.js` (or `.cjs`) beside the built
 * bundle. From the TypeScript sources (vitest, tsx) a small bootstrap first
 * registers tsx and a loader for `.hbs` templates as text, as the build has
 * them, then imports `batch-worker.ts`.
 */
export function workerScript(): { script: string | URL; eval: boolean } {
  const here = moduleUrl();
  if (!here.pathname.endsWith('.ts')) {
    return { script: new URL(here.pathname.endsWith('.cjs') ? './batch-worker.cjs' : './batch-worker.js', here), eval: false };
  }
  const worker = new URL('./batch-worker.ts', here).href;
  // Imports only: the bootstrap runs as CommonJS or as a module, after the parent's --input-type.
  const script = `Promise.all([import(${JSON.stringify(tsxApi(here))}), import('node:module')]).then(([tsx, module]) => {
  tsx.register();
  module.register(${JSON.stringify(HBS_AS_TEXT)});
  return import(${JSON.stringify(worker)});
});`;
  return { script, eval: true };
}

/** tsx's ES module API (its `import` export: the CommonJS one registers from the wrong directory). */
function tsxApi(from: URL): string {
  const manifest = createRequire(from).resolve('tsx/package.json');
  const exports = (JSON.parse(readFileSync(manifest, 'utf8')) as { exports: Record<string, { import: { default: string } }> }).exports;
  return new URL(exports['./esm/api']!.import.default, pathToFileURL(manifest)).href;
}

function moduleUrl(): URL {
  // ESM has import.meta.url; the CJS build (where the bundler empties import.meta) has __filename.
  const url = (import.meta as { url?: string }).url;
  return url ? new URL(url) : pathToFileURL(__filename);
}

/** A module-loader hook that imports `.hbs` files as their text (sources only; the build bundles them). */
export const HBS_AS_TEXT = `data:text/javascript,${encodeURIComponent(`
import { readFile } from 'node:fs/promises';
export async function load(url, context, next) {
  if (!url.endsWith('.hbs')) return next(url, context);
  const text = await readFile(new URL(url), 'utf8');
  return { format: 'module', source: 'export default ' + JSON.stringify(text), shortCircuit: true };
}`)}`;
