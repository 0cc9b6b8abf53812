// Reading a filled workbook of 2,000 aid rows (what a county's 名册 holds),
// first in a fresh process and then warm, beside drafting (compose + DOCX +
// PDF) in the same process the report those rows make and the 5-page school
// example: reading should cost well under the draft it feeds.
import { composeReport, renderDocx, renderPdf } from 'zongjie/node';
import { safeParseWorkbook, writeWorkbook } from 'zongjie/workbook';
import { example, median, now, report, timeRuns } from '../lib/stats.mjs';

const runs = Number(process.argv[2] ?? 10);
const school = await example('school');
const stages = ['primary', 'junior'];
const programmes = ['nutrition', 'boardingSubsidy', 'nationalGrant', 'tuitionWaiver'];
const big = {
  ...school,
  $schema: undefined,
  aid: Array.from({ length: 2000 }, (_, i) => ({
    stage: stages[i % 2],
    programme: programmes[i % 4],
    period: i % 3 === 0 ? 'autumn' : 'spring',
    students: 10 + (i % 90),
    amount: (10 + (i % 90)) * 500 + (i % 7) * 0.5,
    note: i % 10 === 0 ? `第${i}行备注` : undefined,
  })),
};

let start = now();
const bytes = await writeWorkbook(big);
const writeMs = now() - start;

start = now();
const first = await safeParseWorkbook(bytes);
const readFirstMs = now() - start;
if (!first.success) throw first.error;
if (first.data.aid.length !== 2000) throw new Error(`read ${first.data.aid.length} aid rows`);

const read = await timeRuns(() => safeParseWorkbook(bytes), { runs, warmup: 1 });
const draftOf = (stats) => async () => {
  const { report: r } = composeReport(stats);
  await renderDocx(r);
  await renderPdf(r);
};
// The report those 2,000 rows make (its attachment table runs to pages), and the 5-page school example.
const draftBig = await timeRuns(draftOf(first.workbook.input), { runs: Math.max(2, runs >> 2), warmup: 1 });
const draft = await timeRuns(draftOf(school), { runs, warmup: 2 });

report({ rows: 2000, bytes: bytes.length, writeMs, readFirstMs, read, draft, draftBig, medians: { read: median(read), draft: median(draft), draftBig: median(draftBig) } });
