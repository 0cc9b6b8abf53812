// Aggregating a directory of school files, in its own process:
//   stream: aggregateFiles — each file validated and folded in as it is
//           read (a few read ahead), as `zongjie aggregate` does;
//   hold:   the baseline — every file read and validated and all the
//           documents kept, as a script that loads everything before adding
//           up would (it adds nothing up, so it is the cheaper in time).
// Prints the wall and CPU time, the peak RSS, and the heap still held at the
// end (after a full garbage collection): the aggregate's state, or all the documents.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { aggregateFiles, parseStats, readStatsFile } from 'zongjie/node';
import { now, report } from '../lib/stats.mjs';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');
const heapMB = () => (gc(), process.memoryUsage().heapUsed / 2 ** 20);

const [dir, mode = 'stream'] = process.argv.slice(2);
const files = (await readdir(dir)).sort().map((name) => join(dir, name));
const startRssMB = process.memoryUsage().rss / 2 ** 20;
const startHeapMB = heapMB();
const start = now();
const cpu = process.cpuUsage();
let kept;
if (mode === 'stream') {
  kept = await aggregateFiles(files, { organisation: { name: '云溪县教育局', kind: 'bureau' }, year: 2025 });
} else {
  kept = [];
  for (const file of files) kept.push(parseStats(file.endsWith('.json') ? JSON.parse(await readFile(file, 'utf8')) : (await readStatsFile(file)).data));
}
const seconds = (now() - start) / 1000;
const used = process.cpuUsage(cpu);
const cpuSeconds = (used.user + used.system) / 1e6; // every thread; less moved by other jobs than the wall time
const maxRssMB = process.resourceUsage().maxRSS / 1024;
const heldMB = heapMB() - startHeapMB;
report({ mode, files: files.length, schools: kept.totals?.schools ?? kept.length, seconds, cpuSeconds, startRssMB, maxRssMB, heldMB });
