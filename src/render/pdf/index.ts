import { GBT9704, type LayoutProfile } from '../../layout/profile.js';
import type { Report } from '../../model/index.js';
import { planReport, type LayoutPlan, type PlanOptions } from '../../layout/plan/index.js';
import { planContent } from './plan.js';
import { PRODUCER, runPdfmake } from './engine.js';
import type { FontSet } from './fonts.js';
import { hasKeptHeadings, keepWithNext, pageNumber, pageSetup } from './page.js';
import { loadFontParser } from './parser.js';
import { createSetter } from './setter.js';
import type { PdfWarning } from './warnings.js';

export type { FontFace, FontSet } from './fonts.js';
export type { PdfWarning } from './warnings.js';

export interface RenderPdfOptions {
  profile?: LayoutProfile;
  /** Fonts per role as bytes. In Node, `zongjie/node` resolves them for you (caller → system → bundled defaults). */
  fonts: FontSet;
  /** Called once per warning, e.g. a character no font has. */
  onWarning?: (warning: PdfWarning) => void;
  /** Draws charts; without it a chart is set as a table of its data (zongjie/node brings one). */
  drawChart?: PlanOptions['drawChart'];
}

export interface PdfResult {
  bytes: Uint8Array;
  warnings: PdfWarning[];
}

/**
 * The report as a PDF laid out to the profile (GB/T 9704 by default), fonts
 * embedded as subsets. Same report, profile and fonts give the same bytes.
 *
 * @example
 * const pdf = await renderPdf(report, { fonts: await loadFonts() })
 */
export async function renderPdf(report: Report, options: RenderPdfOptions): Promise<Uint8Array> {
  const { bytes, warnings } = await renderPdfWithWarnings(report, options);
  if (options.onWarning) warnings.forEach(options.onWarning);
  return bytes;
}

/** {@link renderPdf}, returning the warnings with the bytes instead of calling back. */
export async function renderPdfWithWarnings(report: Report, options: RenderPdfOptions): Promise<PdfResult> {
  const plan = planReport(report, options.profile ?? GBT9704, options.drawChart ? { drawChart: options.drawChart } : {});
  return renderPdfPlan(plan, options.fonts);
}

/** A layout plan as a PDF, with the warnings. */
export async function renderPdfPlan(plan: LayoutPlan, fonts: FontSet): Promise<PdfResult> {
  const { profile, meta } = plan;
  await loadFontParser();
  const setter = createSetter(profile, fonts);
  const content = planContent(plan, setter);
  const date = creationDate(meta.date);
  const body = setter.setup('body');
  const docDefinition = {
    ...pageSetup(setter),
    version: '1.7',
    language: meta.language,
    info: {
      title: meta.title,
      author: meta.author,
      subject: meta.subject,
      keywords: meta.keywords.join(', '),
      creator: 'zongjie',
      producer: PRODUCER,
      creationDate: date,
      modDate: date,
    },
    defaultStyle: { font: body.faces[0]!.family, fontSize: body.sizePt },
    content,
    footer: pageNumber(setter),
    // Most headings are kept with what follows by the content itself (keepHeadingsWithNext).
    ...(hasKeptHeadings(content) ? { pageBreakBefore: keepWithNext } : {}),
  };
  const faces = new Set([...setter.usedSetups()].flatMap((setup) => setup.faces));
  const bytes = await runPdfmake(docDefinition, faces);
  return { bytes, warnings: [...setter.warnings] };
}

/** The report's own date, never the clock, so output is reproducible. */
function creationDate(iso: string): Date {
  const date = new Date(`${iso}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || Number.isNaN(date.getTime())) {
    throw new RangeError(`renderPdf: meta.date must be an ISO date yyyy-mm-dd, got "${iso}"`);
  }
  return date;
}
