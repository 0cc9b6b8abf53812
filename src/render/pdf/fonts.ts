import type { FontRole } from '../../layout/profile.js';

/** One font file as bytes (TTF or OTF; never WOFF/WOFF2), with the face to use in a collection. */
export interface FontFace {
  /** A name for messages and PDF font names. */
  name: string;
  data: Uint8Array;
  /** For a TTC collection: the PostScript name of the face to use. */
  postscriptName?: string;
}

/** Per role, an ordered fallback chain of faces: the first that has a character draws it. */
export type FontSet = Partial<Record<FontRole, FontFace[]>>;
