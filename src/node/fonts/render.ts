import type { LayoutProfile } from '../../layout/profile.js';
import type { Report } from '../../model/index.js';
import { MissingGlyphError, renderPdfWithWarnings, type PdfResult, type PdfWarning, type RenderPdfOptions } from '../../render/pdf/index.js';
import { loadFonts, type LoadFontsOptions } from './load.js';

export interface RenderPdfNodeOptions extends LoadFontsOptions {
  profile?: LayoutProfile;
  drawChart?: RenderPdfOptions['drawChart'];
  /** Called once per warning; without it, a character no font has is a MissingGlyphError. */
  onWarning?: (warning: PdfWarning) => void;
  /** Throw a MissingGlyphError for any character no font has. */
  strict?: boolean;
}

/**
 * {@link renderPdfWithWarnings} with fonts resolved in Node (caller → system →
 * npm defaults), loaded once per process.
 */
export async function renderPdfNodeWithWarnings(report: Report, options: RenderPdfNodeOptions = {}): Promise<PdfResult> {
  const fonts = await loadFonts(options);
  return renderPdfWithWarnings(report, { fonts, ...(options.profile ? { profile: options.profile } : {}), ...(options.strict ? { strict: true } : {}), ...(options.drawChart ? { drawChart: options.drawChart } : {}) });
}

/** The Node `renderPdf`: fonts resolved for you, warnings to `onWarning`. */
export async function renderPdfNode(report: Report, options: RenderPdfNodeOptions = {}): Promise<Uint8Array> {
  const { bytes, warnings } = await renderPdfNodeWithWarnings(report, options);
  if (options.onWarning) warnings.forEach(options.onWarning);
  else if (warnings.some((w) => w.code === 'missing-glyph')) throw new MissingGlyphError(warnings); // never an empty box no one hears of
  return bytes;
}
