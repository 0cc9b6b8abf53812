import { Packer } from 'docx';
import { unzipSync } from 'fflate';
import { planReport, type LayoutPlan, type PlanOptions } from '../../layout/plan/index.js';
import { GBT9704, type LayoutProfile } from '../../layout/profile.js';
import type { Report } from '../../model/index.js';
import { createContext, type DocxContext, type Rasterize } from './context.js';
import { coreProperties, isoDate } from './core.js';
import { planContent } from './plan.js';
import { docxDocument, shellFor } from './shell.js';
import { zip, zipEntry } from './zip.js';

export type { Rasterize } from './context.js';

export interface RenderDocxOptions {
  profile?: LayoutProfile;
  /** Draws charts; without it a chart is set as a table of its data (zongjie/node brings one). */
  drawChart?: PlanOptions['drawChart'];
  /** SVG → PNG for a figure's fallback image; needed when the report has figures (zongjie/node brings one). */
  rasterize?: Rasterize;
}

/**
 * A report as a .docx file laid out to the profile (GB/T 9704 by default).
 *
 * The same report and profile always give the same bytes: document dates
 * and zip entry times come from `report.meta.date`, never the clock.
 *
 * @throws {RangeError} when `report.meta.date` is not a yyyy-mm-dd day.
 */
export async function renderDocx(report: Report, options: RenderDocxOptions = {}): Promise<Uint8Array> {
  const profile = options.profile ?? GBT9704;
  const plan = planReport(report, profile, options.drawChart ? { drawChart: options.drawChart } : {});
  return renderDocxPlan(plan, options.rasterize);
}

/** A layout plan as a .docx file. */
export async function renderDocxPlan(plan: LayoutPlan, rasterize?: Rasterize): Promise<Uint8Array> {
  const date = isoDate(plan.meta.date);
  const ctx: DocxContext = { ...createContext(plan.profile, plan.meta.language), ...(rasterize ? { rasterize } : {}) };
  const children = planContent(plan, ctx);
  const core = zipEntry('docProps/core.xml', coreProperties(plan.meta));
  if (plan.blocks.some((b) => b.kind === 'figure')) {
    // Pictures need parts of their own (media, relationships), which the shared shell cannot hold: docx packs it all.
    const files = unzipSync(await Packer.pack(docxDocument(ctx, children), 'uint8array'));
    const entries = new Map(Object.entries(files).map(([path, bytes]) => [path, zipEntry(path, bytes)]));
    return zip(entries.set('docProps/core.xml', core).values(), date);
  }
  const shell = await shellFor(ctx);
  // Only the body and the core properties are the report's own; the rest is the profile's shell.
  const entries = new Map(shell.entries)
    .set('word/document.xml', zipEntry('word/document.xml', shell.documentXml(children)))
    .set('docProps/core.xml', core);
  return zip(entries.values(), date);
}
