import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { constants, deflateSync } from 'node:zlib';
import type { Font, FontCollection } from 'fontkit';
import { PRODUCER } from '../../render/pdf/producer.js';
import { setFontParser, type FontParser } from '../../render/pdf/parser.js';
import { plainRuns } from './shaping.js';
import { cacheSubsetGlyphs } from './subset.js';

/**
 * One parse per font per process, shared with pdfkit.
 *
 * pdfkit calls `fontkit.create(bytes, name)` for every document, and each
 * new font object decodes its tables, glyph metrics and shaping lookups
 * again: 50–60 % of a warm PDF (docs/performance.md). Here the renderer's
 * fonts are parsed by the fontkit instance pdfkit itself loads, each parsed
 * font is registered under a handle, and pdfmake passes pdfkit that handle
 * as the face name. fontkit resolves a face name with `getFont(name)` on the
 * font (or collection) it just opened; wrapped here, it returns the
 * registered font. Other names, and every other user of fontkit, are passed
 * through untouched.
 *
 * Sharing is safe: pdfkit reads the font and makes its own subset per
 * document, and every fontkit read is synchronous, so documents rendered
 * concurrently never see each other's stream position. Two more per-document
 * costs then become per-process ones: glyph copies for subsets (subset.ts)
 * and the shaping of runs no OpenType lookup touches (shaping.ts). The PDF
 * bytes stay exactly those pdfkit makes on its own (test/node/pdfkit-fonts.test.ts).
 */

type Fontkit = { create(data: Uint8Array, postscriptName?: string): Font | FontCollection | null };
type GetFont = (this: unknown, name: unknown) => unknown;

const requireHere = createRequire((import.meta as { url?: string }).url ?? __filename);

let installed = false;
const handles = new WeakMap<Font, string>();
// Weak: a font whose bytes the caller dropped (clearFontCache, new fonts) can go.
const registered = new Map<string, WeakRef<Font>>();
const wrapped = new WeakSet<object>();
// Two copies of this module in one process (the ESM and CJS builds) wrap the same fontkit:
// a prefix of their own keeps their handles apart.
const prefix = `zongjie\u0000${Math.random().toString(36).slice(2)}:`;

/**
 * The versions whose internals these patches were written against and
 * checked on (test/node/pdfkit-fonts.test.ts). Any other version — a newer
 * pdfkit with another stream class, a fontkit whose subsets differ — gets
 * the libraries' own code: slower, never wrong.
 */
export const PATCHED_VERSIONS = { pdfkit: ['0.19.1'], fontkit: ['2.0.4'] } as const;

/** Why the patches cannot be used with these versions, or undefined when they can. */
export function versionMismatch(found: { pdfkit?: string; fontkit?: string }): string | undefined {
  for (const name of ['pdfkit', 'fontkit'] as const) {
    const version = found[name];
    if (!version || !(PATCHED_VERSIONS[name] as readonly string[]).includes(version)) {
      return `${name} ${version ?? '(version unknown)'} is not a version the speed-ups were checked against (${PATCHED_VERSIONS[name].join(', ')})`;
    }
  }
  return undefined;
}

/** Whether the speed-ups are in place, and if not, why: for tests and diagnostics. */
export const patchState: { installed: boolean; reason?: string } = { installed: false };

/**
 * Install the sharing parser, and `deflateFast`, once per process (and per
 * bundle: each has its own renderer) — only for the pdfkit and fontkit
 * versions they were written for; any other, or any error while installing,
 * leaves the libraries' own code in place.
 */
export function shareFontsWithPdfkit(versions?: { pdfkit?: string; fontkit?: string }): void {
  if (installed) return;
  installed = true;
  const modules = pdfkitModules();
  if (!modules) {
    patchState.reason = 'pdfkit could not be found beside pdfmake';
    return; // pdfmake resolved in some other way: keep the default parser
  }
  const mismatch = versionMismatch(versions ?? modules.versions);
  if (mismatch) {
    patchState.reason = mismatch;
    return;
  }
  try {
    deflateFast(modules.pdfkit);
  } catch (error) {
    patchState.reason = `deflateFast: ${(error as Error).message}`;
    return;
  }
  const { fontkit } = modules;
  const parser: FontParser = {
    create(data, postscriptName) {
      const made = fontkit.create(data, postscriptName);
      // The classes are not exported: wrap the prototype of what was made (a font, or a collection's).
      if (made) wrapGetFont(Object.getPrototypeOf(made));
      if (made && !('fonts' in made)) {
        // Each speed-up checks the shapes it relies on and leaves the font alone if they differ.
        try {
          cacheSubsetGlyphs(made);
        } catch {
          // fontkit's own subsetting stays
        }
        try {
          plainRuns(made);
        } catch {
          // fontkit's own shaping stays
        }
      }
      if (postscriptName && isCollection(data)) wrapGetFont(Object.getPrototypeOf(fontkit.create(data)));
      return made;
    },
    handle(font) {
      let handle = handles.get(font);
      if (!handle) {
        // Not a PostScript name or a variation name any font could have.
        handle = `${prefix}${registered.size + 1}`;
        handles.set(font, handle);
        registered.set(handle, new WeakRef(font));
      }
      return handle;
    },
  };
  setFontParser(parser);
  patchState.installed = true;
}

/** fontkit as pdfkit has it (one copy in memory), or its ES module build if that cannot be found. */
export async function nodeFontkit(): Promise<Fontkit> {
  return pdfkitModules()?.fontkit ?? (await import('fontkit'));
}

/** pdfkit's document class, as far as `deflateFast` uses it (pdfkit 0.19). */
interface PdfkitModule {
  prototype: { ref(this: object, data?: object): object };
}

/** A pdfkit stream object (PDFReference) as it is finalized. */
interface PdfkitReference {
  document: { info?: { Producer?: unknown } };
  compress: boolean;
  buffer: Uint8Array[];
  finalize(): void;
}

/** zlib's fastest level, with the larger hash memory that makes it faster still here. */
const FAST_DEFLATE = { level: constants.Z_BEST_SPEED, memLevel: 9 };

/**
 * Our documents' streams deflated at zlib's fastest level.
 *
 * pdfkit deflates every stream (page contents, font subsets) at the default
 * level 6, a sixth of a warm PDF's time. Font subsets are mostly glyph
 * outlines, which compress little at any level: level 1 takes a third less
 * time (school report: 4.9 → 3.3 ms) for 4 % more bytes (21.8 → 22.6 KB a
 * page). The output stays deterministic. Streams of other documents made
 * with pdfkit in the process (told apart by the Producer) keep pdfkit's default.
 */
function deflateFast(pdfkit: PdfkitModule): void {
  // The stream class is not exported: the prototype of a stream made for a stand-in document.
  const proto = Object.getPrototypeOf(pdfkit.prototype.ref.call({ _offsets: [], _waiting: 0 })) as PdfkitReference;
  const finalize = proto.finalize;
  if (typeof finalize !== 'function') return;
  proto.finalize = function (this: PdfkitReference) {
    if (this.compress && this.buffer.length > 0 && this.document?.info?.Producer === PRODUCER) {
      let packed: Buffer | undefined;
      try {
        packed = deflateSync(Buffer.concat(this.buffer), FAST_DEFLATE);
      } catch {
        packed = undefined; // pdfkit deflates it itself, at its own level
      }
      if (packed) {
        // Deflated here, pdfkit writes it as it is: the stream was marked FlateDecode when written.
        this.buffer = [packed];
        this.compress = false;
      }
    }
    finalize.call(this);
  };
}

type Modules = { pdfkit: PdfkitModule; fontkit: Fontkit; versions: { pdfkit?: string; fontkit?: string } };
let found: Modules | null | undefined;

/** pdfkit and the fontkit it uses, as pdfmake loads them, with their versions; null if they cannot be found. */
function pdfkitModules(): Modules | null {
  if (found === undefined) {
    try {
      const fromPdfmake = createRequire(requireHere.resolve('pdfmake'));
      const fromPdfkit = createRequire(fromPdfmake.resolve('pdfkit'));
      const fontkit = fromPdfkit('fontkit') as Fontkit;
      found = {
        pdfkit: fromPdfmake('pdfkit') as PdfkitModule,
        fontkit,
        versions: { pdfkit: packageVersion(fromPdfmake, 'pdfkit'), fontkit: packageVersion(fromPdfkit, 'fontkit') },
      };
    } catch {
      found = null;
    }
  }
  return found;
}

/** A package's version, from the package.json above its entry point (fontkit does not export its package.json). */
function packageVersion(require: NodeJS.Require, name: string): string | undefined {
  try {
    for (let dir = dirname(require.resolve(name)); ; dir = dirname(dir)) {
      const file = join(dir, 'package.json');
      if (existsSync(file)) {
        const manifest = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
        if (manifest.name === name) return manifest.version;
      }
      if (dirname(dir) === dir) return undefined;
    }
  } catch {
    return undefined;
  }
}

function wrapGetFont(proto: { getFont?: GetFont } | null): void {
  if (!proto || wrapped.has(proto) || typeof proto.getFont !== 'function') return;
  wrapped.add(proto);
  const original = proto.getFont;
  proto.getFont = function getFont(name) {
    let ours: unknown;
    try {
      ours = typeof name === 'string' ? registered.get(name)?.deref() : undefined;
    } catch {
      ours = undefined;
    }
    return ours || original.call(this, name);
  };
}

function isCollection(data: Uint8Array): boolean {
  return data.length >= 4 && String.fromCharCode(data[0]!, data[1]!, data[2]!, data[3]!) === 'ttcf';
}
