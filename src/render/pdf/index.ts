import { GBT9704, type LayoutProfile } from '../../layout/profile.js';
import type { Report } from '../../model/index.js';
import { planReport, type LayoutPlan, type PlanOptions } from '../../layout/plan/index.js';
import { planContent } from './plan.js';
import { PRODUCER } from './producer.js';
import type { FontSet } from './fonts.js';
import { hasKeptHeadings, keepWithNext, pageNumber, pageSetup } from './page.js';
import { loadFontParser } from './parser.js';
import { createSetter } from './setter.js';
import type { PdfWarning } from './warnings.js';

export type { FontFace, FontSet } from './fonts.js';
export type { FallbackGlyphWarning, FontLacksChineseWarning, MissingGlyphWarning, PdfWarning } from './warnings.js';

export interface RenderPdfOptions {
  profile?: LayoutProfile;
  /** Fonts per role as bytes. In Node, `zongjie/node` resolves them for you (caller → system → bundled defaults). */
  fonts: FontSet;
  /**
   * Called once per warning, e.g. a character no font has. Without it,
   * `renderPdf` throws a {@link MissingGlyphError} for a character that
   * would print as an empty box, since it has no other way to say so.
   */
  onWarning?: (warning: PdfWarning) => void;
  /** Throw a {@link MissingGlyphError} for any character no font has, whatever else is given. */
  strict?: boolean;
  /** Draws charts; without it a chart is set as a table of its data (zongjie/node brings one). */
  drawChart?: PlanOptions['drawChart'];
}

/** Characters no font has (they would print as empty boxes), when nothing else can report them. */
export class MissingGlyphError extends Error {
  override readonly name = 'MissingGlyphError';
  constructor(readonly warnings: PdfWarning[]) {
    const missing = warnings.filter((w) => w.code === 'missing-glyph');
    super(
      `字体缺字，PDF 中将显示为空框 / characters no font has would print as empty boxes: ${missing.map((w) => `"${w.char}" (${w.codePoint}, ${w.role})`).join(', ')}` +
        ' — add a font that has them, or pass onWarning (or use renderPdfWithWarnings) to accept them',
    );
  }
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
  else if (warnings.some((w) => w.code === 'missing-glyph')) throw new MissingGlyphError(warnings); // never an empty box no one hears of
  return bytes;
}

/**
 * {@link renderPdf}, returning the warnings with the bytes instead of calling back.
 *
 * @throws {MissingGlyphError} with `strict: true`, for a character no font has
 */
export async function renderPdfWithWarnings(report: Report, options: RenderPdfOptions): Promise<PdfResult> {
  if (!options || typeof options !== 'object' || !options.fonts || typeof options.fonts !== 'object') {
    throw new TypeError(
      'renderPdf: fonts are needed — in the core (`zongjie`), fonts come as bytes: renderPdf(report, { fonts: { body: [{ name, data }] } }) ' +
        "with TTF/OTF data you fetched (in a browser) or from `await loadFonts()` (Node); or import renderPdf from 'zongjie/node', which finds them itself",
    );
  }
  const plan = planReport(report, options.profile ?? GBT9704, options.drawChart ? { drawChart: options.drawChart } : {});
  return renderPdfPlan(plan, options.fonts, options.strict ? { strict: true } : {});
}

/**
 * A layout plan as a PDF, with the warnings.
 *
 * @throws {MissingGlyphError} with `strict: true`, for a character no font has
 */
export async function renderPdfPlan(plan: LayoutPlan, fonts: FontSet, options: { strict?: boolean } = {}): Promise<PdfResult> {
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
  if (options.strict && setter.warnings.some((w) => w.code === 'missing-glyph')) throw new MissingGlyphError(setter.warnings);
  // The engine (pdfmake, pdfkit) loads with the first PDF: the core's other renderers never pull it in.
  const { runPdfmake } = await import('./engine.js');
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
