// The report's text as plain blocks, for the baselines that typeset the same
// words without our pipeline (bare pdfmake, docx packing, the Carbone template).

/** Title, then every block of the body and the attachments in reading order. */
export function plainBlocks(report) {
  const out = [{ kind: 'title', text: report.title }];
  const add = (blocks) => {
    for (const block of blocks) {
      if (block.type === 'heading') out.push({ kind: `h${block.level}`, text: `${block.number}${block.text}${block.runIn ?? ''}` });
      else if (block.type === 'paragraph') out.push({ kind: 'p', text: block.text });
      else out.push({ kind: 'table', caption: block.caption, header: block.columns.map((c) => c.title), rows: [...block.rows, ...(block.footer ? [block.footer] : [])] });
    }
  };
  add(report.body);
  if (report.signature) out.push({ kind: 'right', text: report.signature.issuer }, { kind: 'right', text: report.signature.date });
  for (const attachment of report.attachments) {
    out.push({ kind: 'title', text: attachment.title });
    add(attachment.blocks);
  }
  return out;
}
