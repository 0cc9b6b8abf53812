/**
 * zongjie/workbook in a browser: bundled for the browser by esbuild it
 * needs no Node built-in (exceljs's package.json points browsers at its own
 * prebuilt bundle), and the core's entry does not pull exceljs in.
 */
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const bundle = (entry: string) =>
  build({
    entryPoints: [new URL(entry, import.meta.url).pathname],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    minify: true,
    write: false,
    metafile: true,
    logLevel: 'silent',
    loader: { '.hbs': 'text' },
  });

const NODE_BUILTINS = /^(node:)?(fs|path|child_process|os|stream|crypto|zlib|worker_threads|process)(\/|$)/;

describe('the workbook module in a browser bundle', () => {
  it('bundles for the browser with no Node built-in', async () => {
    const result = await bundle('../../src/workbook/index.ts');
    expect(result.errors).toEqual([]);
    const imports = Object.values(result.metafile.inputs).flatMap((input) => input.imports.map((i) => i.path));
    expect(imports.filter((path) => NODE_BUILTINS.test(path))).toEqual([]);
    // exceljs arrives as its browser build, not its Node sources.
    expect(Object.keys(result.metafile.inputs).some((path) => path.includes('exceljs/dist/exceljs.min.js'))).toBe(true);
    expect(Object.keys(result.metafile.inputs).some((path) => path.includes('exceljs/lib/'))).toBe(false);
  });

  it('the core entry does not carry exceljs', async () => {
    const result = await bundle('../../src/index.ts');
    expect(Object.keys(result.metafile.inputs).filter((path) => path.includes('exceljs'))).toEqual([]);
  });
});
