/**
 * The core as a web page gets it: bundled for the browser with esbuild.
 * composeReport + renderMarkdown + renderDocx must not carry pdfmake, pdfkit
 * or fontkit (a megabyte that only renderPdf needs): those come in a chunk
 * of their own, loaded on the first PDF. And nothing of Node's is imported.
 */
import type { Metafile } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../cli/support.js';
import { bundleCore, loadedUpFront } from '../support/bundle.js';

const inputsOf = (metafile: Metafile, output: string) => Object.keys(metafile.outputs[output]!.inputs);
const HEAVY = /node_modules\/(pdfmake|pdfkit|fontkit|@foliojs-fork|linebreak|restructure|unicode-properties|brotli)\//;

beforeAll(ensureBuilt);

describe('the core bundled for the browser', () => {
  // 'zongjie' is the built package as an application imports it (dist/index.js through `exports`), the other the sources.
  it.each([['the package', "from 'zongjie'"], ['the sources', "from './src/index.ts'"]])('%s: composeReport + renderMarkdown + renderDocx load no pdfmake, pdfkit or fontkit, nothing of Node', async (_, from) => {
    const { metafile, entry } = await bundleCore(`export { composeReport, renderMarkdown, renderDocx } ${from};`);
    const upFront = loadedUpFront(metafile, entry);
    const inputs = upFront.flatMap((o) => inputsOf(metafile, o));
    expect(inputs.filter((path) => HEAVY.test(path))).toEqual([]);
    // The package's ES build is split into chunks (dist/chunk-*.js) shared by its entries.
    expect(inputs.some((path) => /src\/render\/docx\/index\.ts|dist\/(index|chunk-\w+)\.js$/.test(path))).toBe(true);
    const all = Object.keys(metafile.outputs).flatMap((o) => metafile.outputs[o]!.imports.map((i) => i.path));
    expect(all.filter((path) => /^node:|^(fs|path|os|child_process|worker_threads|zlib)$/.test(path))).toEqual([]);
    // Measured: what the page downloads before any PDF, for the report.
    const bytes = upFront.reduce((n, o) => n + metafile.outputs[o]!.bytes, 0);
    console.info(`core (compose + Markdown + DOCX), minified, loaded up front: ${(bytes / 1024).toFixed(0)} KiB`);
  });

  it.each([["from 'zongjie'"], ["from './src/index.ts'"]])('with renderPdf too (%s): pdfmake comes in a chunk of its own, loaded on the first PDF', async (from) => {
    const { metafile, entry } = await bundleCore(`export { composeReport, renderDocx, renderPdf } ${from};`);
    expect(loadedUpFront(metafile, entry).flatMap((o) => inputsOf(metafile, o)).filter((path) => HEAVY.test(path))).toEqual([]);
    const lazy = Object.keys(metafile.outputs).filter((o) => o !== entry && inputsOf(metafile, o).some((path) => /node_modules\/pdfmake\//.test(path)));
    expect(lazy).toHaveLength(1);
    // Reached only through a dynamic import.
    const kinds = Object.values(metafile.outputs).flatMap((o) => o.imports.filter((i) => i.path === lazy[0]).map((i) => i.kind));
    expect(kinds.length).toBeGreaterThan(0);
    expect(new Set(kinds)).toEqual(new Set(['dynamic-import']));
  });
});
