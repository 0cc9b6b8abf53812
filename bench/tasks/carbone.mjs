// Baseline (a): Carbone 3 rendering an equivalent DOCX template to PDF through
// its pool of warm LibreOffice processes — one report at a time, then a batch
// on two factories. The template (made here with the docx library, Carbone
// tags inside) holds the title and one looped paragraph; the data are the
// school report's blocks in order, tables as one line a row.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import { composeReport } from 'zongjie';
import { plainBlocks } from '../lib/content.mjs';
import { example, median, now, pdfPages, report, timeRuns } from '../lib/stats.mjs';

const require = createRequire(import.meta.url);
const carbone = require('carbone');
const [runs, batchSize] = [Number(process.argv[2] ?? 15), Number(process.argv[3] ?? 40)];

const dir = await mkdtemp(join(tmpdir(), 'zongjie-bench-carbone-'));
const template = join(dir, 'carbone-template.docx');
const run = (text, bold = false) => new TextRun({ text, size: bold ? 44 : 32, bold, font: { eastAsia: 'Noto Serif CJK SC', ascii: 'Noto Serif CJK SC' } });
const doc = new Document({
  sections: [
    {
      properties: { page: { margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } } },
      children: [
        new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 579 }, children: [run('{d.title}', true)] }),
        new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { firstLine: 640 }, spacing: { line: 579, lineRule: 'exact' }, children: [run('{d.blocks[i].text}')] }),
        new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { firstLine: 640 }, spacing: { line: 579, lineRule: 'exact' }, children: [run('{d.blocks[i+1].text}')] }),
      ],
    },
  ],
});
await writeFile(template, await Packer.toBuffer(doc));

const [title, ...rest] = plainBlocks(composeReport(await example('school')).report);
const data = {
  title: title.text,
  blocks: rest.flatMap((b) => (b.kind === 'table' ? [...(b.caption ? [b.caption] : []), ...[b.header, ...b.rows].map((r) => r.join('　'))] : [b.text])).map((text) => ({ text })),
};

carbone.set({ factories: 2, startFactory: true, tempPath: dir });
const render = () =>
  new Promise((resolve, reject) => carbone.render(template, data, { convertTo: 'pdf' }, (error, result) => (error ? reject(error) : resolve(result))));

const startedAt = now();
const first = await render(); // starts LibreOffice: not timed as warm
const startupMs = now() - startedAt;
const single = await timeRuns(render, { runs, warmup: 2 });
const batchStart = now();
await Promise.all(Array.from({ length: batchSize }, render));
const batchSeconds = (now() - batchStart) / 1000;
report({ startupMs, single, median: median(single), batch: batchSize, batchSeconds, perSecond: batchSize / batchSeconds, bytes: first.length, pages: pdfPages(first) });
process.exit(0); // Carbone keeps its LibreOffice factories running
