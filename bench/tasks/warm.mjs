// A warm single report, DOCX and PDF separately (each with its compose), and
// PDF bytes per page for both examples.
import { composeReport, renderDocx, renderPdf } from 'zongjie/node';
import { example, median, pdfPages, report, timeRuns } from '../lib/stats.mjs';

const runs = Number(process.argv[2] ?? 25);
const school = await example('school');
const docxTimes = await timeRuns(() => renderDocx(composeReport(school).report), { runs });
const pdfTimes = await timeRuns(() => renderPdf(composeReport(school).report), { runs });
const renderOnly = composeReport(school).report;
const pdfRenderTimes = await timeRuns(() => renderPdf(renderOnly), { runs });

const sizes = {};
for (const name of ['school', 'bureau']) {
  const pdf = await renderPdf(composeReport(await example(name)).report);
  sizes[name] = { bytes: pdf.length, pages: pdfPages(pdf) };
}
report({ docx: docxTimes, pdf: pdfTimes, pdfRender: pdfRenderTimes, medians: { docx: median(docxTimes), pdf: median(pdfTimes) }, sizes });
