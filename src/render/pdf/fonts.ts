import type { FontRole } from '../../layout/profile.js';

/** One font file as bytes (TTF or OTF; never WOFF/WOFF2), with the face to use in a collection. */
export interface FontFace {
  /** A name for messages, e.g. the file name. */
  name: string;
  data: Uint8Array;
  /** For a TTC collection: the PostScript name of the face to use. */
  postscriptName?: string;
}

/**
 * Per role, an ordered fallback chain of faces: the first that has a character
 * draws it. A role left out uses the body chain, so `{ body: [...] }` alone
 * is a complete set.
 */
export type FontSet = Partial<Record<FontRole, FontFace[]>>;

/** The chain a role draws with: its own faces, then the body faces it lacks. */
export function roleChain(fonts: FontSet, role: FontRole): FontFace[] {
  const own = fonts[role] ?? [];
  const body = role === 'body' ? [] : (fonts.body ?? []);
  const chain = [...own, ...body.filter((face) => !own.some((o) => sameFace(o, face)))];
  if (chain.length === 0) {
    throw new Error(
      `renderPdf: no font for role "${role}" — pass fonts.${role} or fonts.body as TTF/OTF bytes (in Node, loadFonts() resolves them)`,
    );
  }
  return chain;
}

function sameFace(a: FontFace, b: FontFace): boolean {
  return a.data === b.data && a.postscriptName === b.postscriptName;
}
