/** The core bundled for a browser with esbuild, in memory: for the bundle and Chromium tests. */
import { build, type Metafile } from 'esbuild';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Bundles `contents` (an entry importing from the core) for the browser; returns esbuild's account of it. */
export async function bundleCore(contents: string, minify = true): Promise<{ metafile: Metafile; entry: string; files: Map<string, Uint8Array> }> {
  const result = await build({
    stdin: { contents, resolveDir: ROOT, loader: 'ts', sourcefile: 'entry.ts' },
    bundle: true,
    platform: 'browser',
    format: 'esm',
    splitting: true,
    minify,
    outdir: '/virtual',
    write: false,
    metafile: true,
    logLevel: 'silent',
    loader: { '.hbs': 'text' },
  });
  const entry = Object.entries(result.metafile.outputs).find(([, o]) => o.entryPoint === 'entry.ts')![0];
  return { metafile: result.metafile, entry, files: new Map(result.outputFiles.map((f) => [f.path.replace(/^\/virtual\//, ''), f.contents])) };
}


/** The output files a page loads before its first call: the entry and what it imports statically, transitively. */
export function loadedUpFront(metafile: Metafile, entry: string): string[] {
  const seen = new Set<string>([entry]);
  const queue = [entry];
  while (queue.length) {
    for (const i of metafile.outputs[queue.pop()!]!.imports) {
      if (i.kind === 'import-statement' && i.path in metafile.outputs && !seen.has(i.path)) {
        seen.add(i.path);
        queue.push(i.path);
      }
    }
  }
  return [...seen];
}

