import type { Font, FontCollection } from 'fontkit';

/**
 * How the renderer parses fonts, and how pdfkit can be handed a font already
 * parsed.
 *
 * pdfkit parses every font afresh for every document: tables, glyph metrics
 * and the shaping lookups are decoded again each time (half of a warm PDF's
 * time, measured in docs/performance.md). zongjie/node installs a parser
 * whose fonts pdfkit gets back through `handle` (src/node/fonts/pdfkit.ts),
 * so a font is parsed once per process and its caches serve every report.
 * Elsewhere (a browser) the default parser is plain fontkit, imported on
 * first use: Node never loads fontkit's ES module build next to the
 * CommonJS one pdfkit requires (100 ms of start-up).
 */
export interface FontParser {
  /** Parse a font, or the face named `postscriptName` in a collection. */
  create(data: Uint8Array, postscriptName?: string): Font | FontCollection | null;
  /**
   * The face name to give pdfkit (pdfmake's `[file, name]`) so that it uses
   * this very font object instead of parsing the bytes again.
   */
  handle?(font: Font): string | undefined;
}

let current: FontParser | undefined;

/** Fonts parsed from now on use this parser (faces already parsed keep theirs). */
export function setFontParser(parser: FontParser): void {
  current = parser;
}

/** The parser, with plain fontkit loaded if none was set. Renders await this before parsing. */
export async function loadFontParser(): Promise<FontParser> {
  if (!current) {
    const { create } = await import('fontkit');
    current ??= { create };
  }
  return current;
}

/** The parser, once `loadFontParser` has run (or a parser was set). */
export function fontParser(): FontParser {
  if (!current) throw new Error('renderPdf: no font parser yet; await loadFontParser() before parsing fonts');
  return current;
}
