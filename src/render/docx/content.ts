import type { FileChild } from 'docx';
import type { Report } from '../../model/index.js';
import { attachment } from './attachment.js';
import { renderBlocks } from './blocks.js';
import type { DocxContext } from './context.js';
import { front } from './front.js';
import { attachmentNoteParagraphs, signatureParagraphs } from './signature.js';

/** The body in reading order: title, blocks, attachment note, signature, attachments. */
export function reportContent(report: Report, ctx: DocxContext): FileChild[] {
  return [
    ...front(report, ctx),
    ...renderBlocks(report.body, ctx, Boolean(report.signature) || report.attachments.length > 0),
    ...attachmentNoteParagraphs(report, ctx),
    ...(report.signature ? signatureParagraphs(report.signature, ctx) : []),
    ...report.attachments.flatMap((item) => attachment(report, item, ctx)),
  ];
}
