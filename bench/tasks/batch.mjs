// A batch of school reports, DOCX and PDF together, on worker threads.
import { draftBatch } from 'zongjie/node';
import { example, now, report, schoolVariant } from '../lib/stats.mjs';

const [count, workers] = [Number(process.argv[2] ?? 200), Number(process.argv[3] ?? 2)];
const school = await example('school');
const inputs = Array.from({ length: count }, (_, i) => schoolVariant(school, i));
const start = now();
let failed = 0;
let bytes = 0;
const threads = new Set();
for await (const result of draftBatch(inputs, { formats: ['docx', 'pdf'] }, { workers })) {
  threads.add(result.worker);
  if (!result.ok) failed++;
  else bytes += result.draft.outputs.docx.length + result.draft.outputs.pdf.length;
}
const seconds = (now() - start) / 1000;
report({ count, workers, threads: threads.size, failed, seconds, perSecond: count / seconds, maxRssMB: process.resourceUsage().maxRSS / 1024, bytes });
