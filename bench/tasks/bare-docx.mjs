// Baseline (d): the docx library alone packing the same words (plain
// paragraphs and tables, default styles): what our DOCX costs on top.
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { composeReport } from 'zongjie';
import { plainBlocks } from '../lib/content.mjs';
import { example, median, report, timeRuns } from '../lib/stats.mjs';

const runs = Number(process.argv[2] ?? 25);
const blocks = plainBlocks(composeReport(await example('school')).report);
const paragraph = (text, options = {}) => new Paragraph({ children: [new TextRun({ text, size: 32, font: '仿宋' })], ...options });
const children = () =>
  blocks.flatMap((block) => {
    if (block.kind === 'title') return [paragraph(block.text, { alignment: AlignmentType.CENTER })];
    if (block.kind === 'right') return [paragraph(block.text, { alignment: AlignmentType.RIGHT })];
    if (block.kind !== 'table') return [paragraph(block.text, { indent: { firstLine: 640 } })];
    const row = (cells) => new TableRow({ children: cells.map((cell) => new TableCell({ children: [paragraph(cell)] })) });
    return [...(block.caption ? [paragraph(block.caption, { alignment: AlignmentType.CENTER })] : []), new Table({ rows: [row(block.header), ...block.rows.map(row)] })];
  });
const pack = () => Packer.toBuffer(new Document({ sections: [{ children: children() }] }));
const times = await timeRuns(pack, { runs });
report({ docx: times, median: median(times) });
