import { GBT9704, type LayoutProfile } from '../../layout/profile.js';
import type { Report } from '../../model/index.js';
import { reportContent } from './content.js';
import { createContext } from './context.js';
import { coreProperties, isoDate } from './core.js';
import { shellFor } from './shell.js';
import { zip, zipEntry } from './zip.js';

export interface RenderDocxOptions {
  profile?: LayoutProfile;
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
  const date = isoDate(report.meta.date);
  const ctx = createContext(options.profile ?? GBT9704, report.meta.language);
  const shell = await shellFor(ctx);
  // Only the body and the core properties are the report's own; the rest is the profile's shell.
  const entries = new Map(shell.entries)
    .set('word/document.xml', zipEntry('word/document.xml', shell.documentXml(reportContent(report, ctx))))
    .set('docProps/core.xml', zipEntry('docProps/core.xml', coreProperties(report.meta)));
  return zip(entries.values(), date);
}
