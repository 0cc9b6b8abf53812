// A batch of school reports on worker threads.
//   cold: draftBatch starts its pool for the batch and stops it after; the
//         time includes starting the workers (imports, fonts, first reports).
//   warm: a createDraftPool started, ready and warmed up (10 reports, untimed)
//         before the timed batch, as a service keeps it; like Carbone's
//         factories, which are started and warm before its batch is timed.
import { createDraftPool, draftBatch } from 'zongjie/node';
import { example, now, report, schoolVariant } from '../lib/stats.mjs';

const count = Number(process.argv[2] ?? 200);
const workers = Number(process.argv[3] ?? 2);
const mode = process.argv[4] ?? 'cold';
const formats = (process.argv[5] ?? 'docx,pdf').split(',');
const school = await example('school');
const inputs = Array.from({ length: count }, (_, i) => schoolVariant(school, i));

const pool = mode === 'warm' ? createDraftPool({ formats, workers }) : undefined;
if (pool) {
  await pool.ready();
  for await (const result of pool.batch(inputs.slice(0, 10))) if (!result.ok) throw result.error;
}
const results = pool ? pool.batch(inputs) : draftBatch(inputs, { formats }, { workers });
const start = now();
const cpu = process.cpuUsage();
let failed = 0;
let bytes = 0;
const threads = new Set();
for await (const result of results) {
  threads.add(result.worker);
  if (!result.ok) failed++;
  else bytes += Object.values(result.draft.outputs).reduce((sum, data) => sum + data.length, 0);
}
const seconds = (now() - start) / 1000;
const used = process.cpuUsage(cpu);
await pool?.close();
report({
  count,
  workers,
  mode,
  formats,
  threads: threads.size,
  failed,
  seconds,
  perSecond: count / seconds,
  cores: (used.user + used.system) / 1e6 / seconds, // CPU of every thread of the process, per second of the batch
  maxRssMB: process.resourceUsage().maxRSS / 1024,
  bytes,
});
