// Baseline (c): pdfmake alone typesetting the same words with the same font
// files, the way a user without zongjie would: plain text nodes, pdfmake's
// own line breaking, fonts parsed by pdfkit for every document. No compose,
// no grid, no fallback chains (LXGW WenKai is a WOFF, which pdfmake must not
// get, so 楷体 headings use the body font: three fonts to embed, not four).
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import pdfMake from 'pdfmake';
import { composeReport } from 'zongjie';
import { plainBlocks } from '../lib/content.mjs';
import { example, median, pdfPages, report, timeRuns } from '../lib/stats.mjs';

const require = createRequire(import.meta.url);
const files = {
  title: '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf',
  body: '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
  heading: '@expo-google-fonts/noto-sans-sc/500Medium/NotoSansSC_500Medium.ttf',
};
for (const [name, file] of Object.entries(files)) pdfMake.virtualfs.writeFileSync(`${name}.ttf`, await readFile(require.resolve(file)));
pdfMake.setFonts(Object.fromEntries(Object.keys(files).map((name) => [name, { normal: `${name}.ttf` }])));
pdfMake.setUrlAccessPolicy(() => false);

const runs = Number(process.argv[2] ?? 25);
const blocks = plainBlocks(composeReport(await example('school')).report);
const indent = 32;
const node = (block) => {
  switch (block.kind) {
    case 'title':
      return { text: block.text, font: 'title', fontSize: 22, alignment: 'center', margin: [0, 0, 0, 29] };
    case 'h1':
      return { text: block.text, font: 'heading', leadingIndent: indent };
    case 'right':
      return { text: block.text, alignment: 'right', margin: [0, 0, indent, 0] };
    case 'table':
      return [
        ...(block.caption ? [{ text: block.caption, alignment: 'center' }] : []),
        { table: { headerRows: 1, body: [block.header, ...block.rows] }, fontSize: 14, lineHeight: 1.2 },
      ];
    default:
      return { text: block.text, alignment: 'justify', leadingIndent: indent };
  }
};
const docDefinition = () => ({
  pageSize: 'A4',
  pageMargins: [79.4, 104.9, 73.7, 99.2],
  defaultStyle: { font: 'body', fontSize: 16, lineHeight: 1.5 },
  content: blocks.flatMap(node),
  footer: (page) => ({ text: `— ${page} —`, alignment: page % 2 ? 'right' : 'left', fontSize: 14, margin: [79.4, 0, 73.7, 0] }),
});
const render = async () => new Uint8Array(await pdfMake.createPdf(docDefinition()).getBuffer());
const times = await timeRuns(render, { runs });
const pdf = await render();
report({ pdf: times, median: median(times), bytes: pdf.length, pages: pdfPages(pdf) });
