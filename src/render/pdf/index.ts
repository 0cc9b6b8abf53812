import type { LayoutProfile } from '../../layout/profile.js';
import type { Report } from '../../model/index.js';
import type { FontSet } from './fonts.js';

export type { FontFace, FontSet } from './fonts.js';

export interface RenderPdfOptions {
  profile?: LayoutProfile;
  /** Fonts per role as bytes. In Node, `zongjie` resolves them for you (caller → system → bundled defaults). */
  fonts: FontSet;
}

export async function renderPdf(_report: Report, _options: RenderPdfOptions): Promise<Uint8Array> {
  throw new Error('renderPdf: not implemented yet');
}
