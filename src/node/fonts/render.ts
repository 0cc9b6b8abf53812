import type { LayoutProfile } from '../../layout/profile.js';
import type { Report } from '../../model/index.js';
import { renderPdfWithWarnings, type PdfResult, type PdfWarning, type RenderPdfOptions } from '../../render/pdf/index.js';
import { loadFonts, type LoadFontsOptions } from './load.js';

export interface RenderPdfNodeOptions extends LoadFontsOptions {
  profile?: LayoutProfile;
  drawChart?: RenderPdfOptions['drawChart'];
  onWarning?: (warning: PdfWarning) => void;
}

/**
 * {@link renderPdfWithWarnings} with fonts resolved in Node (caller → system →
 * npm defaults), loaded once per process.
 */
export async function renderPdfNodeWithWarnings(report: Report, options: RenderPdfNodeOptions = {}): Promise<PdfResult> {
  const fonts = await loadFonts(options);
  return renderPdfWithWarnings(report, { fonts, ...(options.profile ? { profile: options.profile } : {}), ...(options.drawChart ? { drawChart: options.drawChart } : {}) });
}

/** The Node `renderPdf`: fonts resolved for you, warnings to `onWarning`. */
export async function renderPdfNode(report: Report, options: RenderPdfNodeOptions = {}): Promise<Uint8Array> {
  const { bytes, warnings } = await renderPdfNodeWithWarnings(report, options);
  if (options.onWarning) warnings.forEach(options.onWarning);
  return bytes;
}
