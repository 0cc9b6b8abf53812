import { writeFile } from 'node:fs/promises';
import { defineConfig, type Options } from 'tsup';
import { statsJsonSchema } from './src/schema/json-schema.js';

const shared: Options = {
  target: 'node20',
  platform: 'node',
  sourcemap: false,
  splitting: false,
  // Built-in templates are bundled as text so the core needs no file system.
  loader: { '.hbs': 'text' },
  // import.meta.url in the CommonJS builds (resolving the default fonts, pdfkit, the worker
  // script): without the shim esbuild empties import.meta there, and says so three times.
  shims: true,
};

export default defineConfig([
  {
    ...shared,
    entry: { index: 'src/index.ts', node: 'src/node/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    // The JSON Schema editors read (`"$schema"` in a stats.json, `zongjie/schema.json`).
    async onSuccess() {
      await writeFile('dist/stats.schema.json', `${JSON.stringify(statsJsonSchema(), null, 2)}\n`);
    },
  },
  {
    ...shared,
    // The CLI is ESM only; src/cli/main.ts starts with a hashbang, which esbuild
    // keeps and tsup marks executable.
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    // Commands are imported when they run: separate chunks keep --help fast.
    splitting: true,
  },
  {
    ...shared,
    // A draft pool's worker thread (src/node/pool.ts), loaded from beside the bundle that starts it.
    entry: { 'batch-worker': 'src/node/batch-worker.ts' },
    format: ['esm', 'cjs'],
  },
]);
