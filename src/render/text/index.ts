import { attachmentLabel, attachmentNote, headingLine, type Block, type Report } from '../../model/index.js';

/**
 * The report as the plain lines a reader sees, in reading order: title,
 * subtitle, every heading and paragraph, table captions and cells, the
 * attachment note, signature, then each attachment. One entry per printed
 * paragraph (a table contributes its caption, unit and one entry per row).
 *
 * Tests hold the DOCX and PDF text to these lines; previews can print them.
 */
export function renderLines(report: Report): string[] {
  const lines: string[] = [report.title];
  if (report.subtitle) lines.push(report.subtitle);
  for (const block of report.body) lines.push(...blockLines(block));
  lines.push(...attachmentNote(report));
  if (report.signature) lines.push(report.signature.issuer, report.signature.date);
  for (const attachment of report.attachments) {
    lines.push(attachmentLabel(report, attachment), attachment.title);
    for (const block of attachment.blocks) lines.push(...blockLines(block));
  }
  return lines;
}

/** The report as plain text, one printed paragraph a line. */
export function renderText(report: Report): string {
  return renderLines(report).join('\n') + '\n';
}

function blockLines(block: Block): string[] {
  switch (block.type) {
    case 'heading':
      return [headingLine(block)];
    case 'paragraph':
      return [block.text];
    case 'table': {
      const out: string[] = [];
      if (block.caption) out.push(block.caption);
      if (block.unit) out.push(block.unit);
      out.push(block.columns.map((c) => c.title).join(' '));
      for (const row of block.rows) out.push(row.join(' '));
      if (block.footer) out.push(block.footer.join(' '));
      return out.map((l) => l.replace(/\s+/g, ' ').trim());
    }
  }
}
