import { Document, Packer } from 'docx';
import { GBT9704, type LayoutProfile } from '../../layout/profile.js';
import type { Report } from '../../model/index.js';
import { attachment } from './attachment.js';
import { renderBlocks } from './blocks.js';
import { createContext } from './context.js';
import { coreProperties, isoDate } from './core.js';
import { footers, footerStyle } from './footer.js';
import { front } from './front.js';
import { sectionProperties } from './section.js';
import { attachmentNoteParagraphs, signatureParagraphs } from './signature.js';
import { documentStyles } from './styles.js';
import { setZipTimes } from './zip-time.js';

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
  const styles = documentStyles(ctx);
  const doc = new Document({
    title: report.meta.title,
    subject: report.meta.subject,
    creator: report.meta.author,
    keywords: report.meta.keywords.join('; '),
    lastModifiedBy: report.meta.author,
    revision: 1,
    evenAndOddHeaderAndFooters: true,
    styles: { ...styles, paragraphStyles: [...(styles.paragraphStyles ?? []), footerStyle(ctx)] },
    sections: [
      {
        properties: sectionProperties(ctx),
        footers: footers(ctx),
        children: [
          ...front(report, ctx),
          ...renderBlocks(report.body, ctx, Boolean(report.signature) || report.attachments.length > 0),
          ...attachmentNoteParagraphs(report, ctx),
          ...(report.signature ? signatureParagraphs(report.signature, ctx) : []),
          ...report.attachments.flatMap((item) => attachment(report, item, ctx)),
        ],
      },
    ],
  });
  const zip = await Packer.pack(doc, 'uint8array', false, [{ path: 'docProps/core.xml', data: coreProperties(report.meta) }]);
  return setZipTimes(zip, date);
}
