import { cp, writeFile } from 'node:fs/promises';
import { defineConfig, type Options } from 'tsup';
import { statsJsonSchema } from './src/schema/json-schema.js';

const shared: Options = {
  target: 'node20',
  platform: 'node',
  sourcemap: false,
  splitting: false,
  // Built-in templates are bundled as text so the core needs no file system.
  loader: { '.hbs': 'text' },
};

/**
 * import.meta.url in the CommonJS builds (resolving the default fonts, pdfkit, the
 * worker script): without the shim esbuild empties import.meta there, and says so
 * three times. CommonJS only: in the ES module builds the shim would import Node's
 * path and url into the core, which must bundle for a browser (test/browser).
 */
const cjs: Options = { format: ['cjs'], shims: true };

export default defineConfig([
  {
    ...shared,
    // The workbook reader and writer are an entry of their own: exceljs stays out of the core's bundle.
    entry: { index: 'src/index.ts', node: 'src/node/index.ts', workbook: 'src/workbook/index.ts' },
    format: ['esm'],
    // Chunks, so what zongjie/node imports only when needed (the workbook reader, for an .xlsx
    // stats file) stays a dynamic import: unsplit, esbuild hoists exceljs to a static import of
    // the entry and every process pays ~200 ms to load it.
    splitting: true,
    dts: true,
    // The JSON Schema editors read (`"$schema"` in a stats.json, `zongjie/schema.json`).
    async onSuccess() {
      await writeFile('dist/stats.schema.json', `${JSON.stringify(statsJsonSchema(), null, 2)}\n`);
    },
  },
  { ...shared, ...cjs, entry: { index: 'src/index.ts', node: 'src/node/index.ts', workbook: 'src/workbook/index.ts' }, dts: true },
  {
    ...shared,
    // The CLI is ESM only; src/cli/main.ts starts with a hashbang, which esbuild
    // keeps and tsup marks executable.
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    // Commands are imported when they run: separate chunks keep --help fast.
    splitting: true,
    // `zongjie serve`'s page, read from beside the bundle (src/server/assets.ts).
    async onSuccess() {
      await cp('src/server/page', 'dist/page', { recursive: true });
    },
  },
  {
    ...shared,
    // A draft pool's worker thread (src/node/pool.ts), loaded from beside the bundle that starts it.
    entry: { 'batch-worker': 'src/node/batch-worker.ts' },
    format: ['esm'],
  },
  { ...shared, ...cjs, entry: { 'batch-worker': 'src/node/batch-worker.ts' } },
]);
