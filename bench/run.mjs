// `npm run bench`: zongjie against what users would otherwise do, measured in
// the same run on this machine. Every measurement runs in its own process
// (bench/tasks/*.mjs prints one JSON line); this script takes medians and
// ratios and prints one table. Numbers on a shared machine are noisy: read
// the ratios, which compare runs made minutes apart under the same load.
//
//   npm run bench             the full run (about 4 minutes)
//   npm run bench -- --quick  fewer repetitions, for a smoke test
import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSchools } from './lib/schools.mjs';
import { median } from './lib/stats.mjs';

const quick = process.argv.includes('--quick');
const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const n = (full, short) => (quick ? short : full);

// LibreOffice for the baselines: Carbone looks for soffice.bin on PATH, and
// its converter needs a python3 with the uno module (Debian: python3-uno).
const LIBREOFFICE_PATH = ['/usr/lib/libreoffice/program', '/usr/bin', process.env.PATH].join(':');
const officeEnv = { ...process.env, PATH: LIBREOFFICE_PATH };

function task(name, args = [], { env = process.env, timeout = 600_000 } = {}) {
  return new Promise((resolve) => {
    const started = performance.now();
    execFile(process.execPath, [here(`./tasks/${name}.mjs`), ...args.map(String)], { env, timeout, maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
      const wallMs = performance.now() - started;
      const line = stdout.trim().split('\n').pop();
      if (error || !line) return resolve({ error: (stderr.trim().split('\n').pop() || error?.message || 'no output').slice(0, 200) });
      resolve({ ...JSON.parse(line), wallMs });
    });
  });
}

async function repeat(times, name, args, options) {
  const results = [];
  for (let i = 0; i < times; i++) {
    const result = await task(name, args, options);
    if (result.error) return result;
    results.push(result);
  }
  return results;
}

function officeProblem() {
  const soffice = spawnSync('sh', ['-c', 'command -v soffice.bin && command -v soffice'], { env: officeEnv, encoding: 'utf8' });
  if (soffice.status !== 0) return 'no LibreOffice (soffice.bin not on PATH; apt-get install libreoffice-writer-nogui)';
  const uno = spawnSync('python3', ['-c', 'import uno'], { env: officeEnv, encoding: 'utf8' });
  if (uno.status !== 0) return 'python3 cannot import uno (apt-get install -y python3-uno)';
  return undefined;
}

const loadBefore = loadavg()[0];
const log = (message) => process.stderr.write(`· ${message}\n`);
const out = await mkdtemp(join(tmpdir(), 'zongjie-bench-'));
const school = here('../examples/school.json');

log('cold start (5 processes)');
const cold = await repeat(n(5, 2), 'cold', [school, out]);
log('warm single reports (3 processes)');
const warm = await repeat(n(3, 1), 'warm', [n(25, 8)]);
log('batch of 200 school reports, 2 workers started for it (3 runs)');
const batch = await repeat(n(3, 1), 'batch', [n(200, 40), 2, 'cold']);
log('batch of 200 school reports on a warm pool of 2 workers: DOCX + PDF, then PDF only (3 runs each)');
const warmBatch = await repeat(n(3, 1), 'batch', [n(200, 40), 2, 'warm']);
const warmPdfBatch = await repeat(n(3, 1), 'batch', [n(200, 40), 2, 'warm', 'pdf']);
log('batch of 100 school reports on a warm pool of 1 worker');
const batchOne = await repeat(1, 'batch', [n(100, 20), 1, 'warm']);
log('bare pdfmake (3 processes)');
const barePdf = await repeat(n(3, 1), 'bare-pdfmake', [n(25, 8)]);
log('docx packing alone (3 processes)');
const bareDocx = await repeat(n(3, 1), 'bare-docx', [n(25, 8)]);
log('proofreading: a 10,000-character paragraph, 1,000 and 4,000 problems (1 process)');
const proofread = await task('proofread', [n(15, 5)]);
log('a filled workbook of 2,000 aid rows, read beside a draft (2 processes)');
const workbook = await repeat(n(2, 1), 'workbook', [n(10, 3)]);
log('aggregating 500 and 2,000 school files, JSON and XLSX: streaming, and the read-everything baseline (3 runs each for JSON, 1 for XLSX)');
const aggregates = {};
for (const format of ['json', 'xlsx']) {
  const runs = format === 'json' ? n(3, 1) : 1;
  for (const count of [500, 2000]) {
    const dir = join(out, `schools-${format}-${count}`);
    await writeSchools(dir, count, 14, format);
    aggregates[`${format}-${count}`] = { stream: await repeat(runs, 'aggregate', [dir, 'stream']), hold: await repeat(runs, 'aggregate', [dir, 'hold']) };
    await rm(dir, { recursive: true, force: true });
  }
}
const office = officeProblem();
let carbone = { error: office };
let soffice = { error: office };
if (!office) {
  log('Carbone 3 on LibreOffice (startup, one at a time, then 2 factories)');
  carbone = await task('carbone', [n(15, 5), n(40, 10)], { env: officeEnv });
  log('cold soffice --convert-to pdf (3 runs)');
  soffice = await task('soffice', [n(3, 1)], { env: officeEnv });
}
const loadAfter = loadavg()[0];
await rm(out, { recursive: true, force: true });

// ---- the table ----------------------------------------------------------------
const ok = (r) => r && !r.error;
const all = (results, key) => (ok(results) ? results.flatMap((r) => r[key]) : []);
const med = (results, key) => (ok(results) ? median(all(results, key)) : undefined);
const ms = (v) => (v === undefined ? '—' : `${v.toFixed(0)} ms`);
const rate = (v, unit) => (v === undefined ? '—' : `${v.toFixed(1)} ${unit}/s`);
const kb = (v) => (v === undefined ? '—' : `${(v / 1024).toFixed(1)} KB`);
const times = (v) => (v === undefined || !Number.isFinite(v) ? '—' : `${v.toFixed(2)}×`);
const why = (r) => (ok(r) ? '' : `unavailable: ${r?.error}`);

const coldMs = med(cold, 'ms');
const docxMs = med(warm, 'docx');
const pdfMs = med(warm, 'pdf');
const rateOf = (results) => (ok(results) ? median(results.map((r) => r.perSecond)) : undefined);
const coresOf = (results) => (ok(results) ? ` (${median(results.map((r) => r.cores)).toFixed(2)} cores busy)` : '');
const batchRate = rateOf(batch);
const warmRate = rateOf(warmBatch);
const warmPdfRate = rateOf(warmPdfBatch);
const batchRss = ok(batch) ? Math.max(...batch.map((r) => r.maxRssMB)) : undefined;
const oneRate = rateOf(batchOne);
const barePdfMs = med(barePdf, 'pdf');
const bareDocxMs = med(bareDocx, 'docx');
const carboneMs = ok(carbone) ? carbone.median : undefined;
const carboneRate = ok(carbone) ? carbone.perSecond : undefined;
// Carbone's batch started from nothing, to set beside draftBatch, which starts its own workers.
const carboneColdRate = ok(carbone) ? carbone.batch / (carbone.startupMs / 1000 + carbone.batchSeconds) : undefined;
const sofficeMs = ok(soffice) ? soffice.median : undefined;
const perPage = (s) => s.bytes / s.pages;
const readMs = med(workbook, 'read');
const readFirstMs = ok(workbook) ? median(workbook.map((r) => r.readFirstMs)) : undefined;
const draftBigMs = med(workbook, 'draftBig');
const draftSchoolMs = med(workbook, 'draft');
const sizes = ok(warm) ? warm[0].sizes : undefined;

const rows = [
  ['cold start: process start → DOCX + PDF written', ms(coldMs), `cold soffice --convert-to pdf: ${ms(sofficeMs)} ${why(soffice)}`, times(sofficeMs / coldMs), '< 1500 ms', coldMs < 1500],
  ['warm report: stats → DOCX', ms(docxMs), `docx packing alone: ${ms(bareDocxMs)} ${why(bareDocx)}`, `${times(docxMs / bareDocxMs)} of it`, '—', undefined],
  ['warm report: stats → PDF (4–5 pages)', ms(pdfMs), `Carbone 3, warm: ${ms(carboneMs)} ${why(carbone)}`, `${times(carboneMs / pdfMs)} faster`, '< 200 ms, ≥ 3× Carbone', pdfMs < 200 && (carboneMs === undefined || carboneMs / pdfMs >= 3)],
  ['PDF pipeline vs bare pdfmake', ms(pdfMs), `bare pdfmake, same text: ${ms(barePdfMs)} ${why(barePdf)}`, `${times(pdfMs / barePdfMs)} of it`, '≤ 1.2×', pdfMs / barePdfMs <= 1.2],
  [`batch: ${ok(batch) ? batch[0].count : '—'} reports, DOCX + PDF, draftBatch (2 workers started for it)`, rate(batchRate, 'reports') + coresOf(batch), '', '', '≥ 20/s', batchRate >= 20],
  ...(ok(carbone) ? [[`  (Carbone from cold: start-up + its ${carbone.batch} PDFs on 2 factories)`, '', rate(carboneColdRate, 'PDFs'), `${times(batchRate / carboneColdRate)} the throughput`, '', undefined]] : []),
  [`batch: ${ok(warmBatch) ? warmBatch[0].count : '—'} reports, DOCX + PDF, warm pool of 2 workers`, rate(warmRate, 'reports') + coresOf(warmBatch), `Carbone 3, 2 warm factories (PDF only): ${rate(carboneRate, 'PDFs')} ${why(carbone)}`, `${times(warmRate / carboneRate)} the throughput`, '≥ 20/s', warmRate >= 20],
  [`batch: ${ok(warmPdfBatch) ? warmPdfBatch[0].count : '—'} reports, PDF only, warm pool of 2 workers`, rate(warmPdfRate, 'PDFs') + coresOf(warmPdfBatch), `Carbone 3, 2 warm factories: ${rate(carboneRate, 'PDFs')} ${why(carbone)}`, `${times(warmPdfRate / carboneRate)} the throughput`, '≥ 3× Carbone', carboneRate === undefined ? undefined : warmPdfRate / carboneRate >= 3],
  [`batch: ${ok(batchOne) ? batchOne[0].count : '—'} reports, DOCX + PDF, warm pool of 1 worker`, rate(oneRate, 'reports') + coresOf(batchOne), '', `2 workers: ${times(warmRate / oneRate)}`, '—', undefined],
  ['batch peak RSS (2 workers)', batchRss === undefined ? '—' : `${batchRss.toFixed(0)} MB`, '', '', '—', undefined],
  ['PDF bytes per page: school', sizes ? `${kb(perPage(sizes.school))} (${sizes.school.pages} p.)` : '—', `Carbone: ${ok(carbone) ? `${kb(carbone.bytes / carbone.pages)} (${carbone.pages} p.)` : '—'}; bare pdfmake: ${ok(barePdf) ? `${kb(barePdf[0].bytes / barePdf[0].pages)} (${barePdf[0].pages} p.)` : '—'}`, '', '< 60 KB', sizes ? perPage(sizes.school) < 60 * 1024 : undefined],
  ['PDF bytes per page: bureau', sizes ? `${kb(perPage(sizes.bureau))} (${sizes.bureau.pages} p.)` : '—', '', '', '< 60 KB', sizes ? perPage(sizes.bureau) < 60 * 1024 : undefined],
  ['read a filled workbook, 2,000 aid rows, warm (first read in a process)', `${ms(readMs)} (${ms(readFirstMs)})`, `drafting the report of those rows, DOCX + PDF: ${ms(draftBigMs)} ${why(workbook)}`, `${times(readMs / draftBigMs)} of it`, '< 0.25× the draft', readMs / draftBigMs < 0.25],
  ['  the same read beside the 5-page school report, DOCX + PDF', '', `school example: ${ms(draftSchoolMs)}`, `${times(readMs / draftSchoolMs)} of it`, '—', undefined],
];
if (ok(proofread)) {
  const { paragraph, problems1000: p1, problems4000: p4 } = proofread;
  const beside = (c) => `parseStats, same text: ${ms(c.parse)}; composeReport (with it): ${ms(c.compose)}`;
  rows.push(
    ['proofread: one 10,000-character paragraph', ms(paragraph.proofread), beside(paragraph), `${times(paragraph.proofread / paragraph.compose)} of compose`, '—', undefined],
    ['proofread: 1,000 problems', ms(p1.proofread), beside(p1), `${times(p1.proofread / p1.compose)} of compose`, '—', undefined],
    // Growth from the fastest runs, the least disturbed on a shared machine.
    ['proofread: 4,000 problems (fastest run)', ms(p4.fastest), `1,000 problems, fastest run: ${ms(p1.fastest)}`, `${times(p4.fastest / p1.fastest)} for 4× the text`, '≤ 6× (linear)', p4.fastest / p1.fastest <= 6],
  );
} else rows.push(['proofread', '—', why(proofread), '', '', undefined]);
if (ok(carbone)) rows.push(['(Carbone LibreOffice start-up, not counted above)', '', ms(carbone.startupMs), '', '', undefined]);
// Aggregation: time and memory for 500 and 2,000 files; 2,000 should cost about four times 500 (linear), not more.
const aggregateOf = (key, mode) => {
  const results = aggregates[key][mode];
  if (!ok(results)) return undefined;
  const of = (k) => median(results.map((r) => r[k]));
  return { seconds: of('seconds'), cpu: of('cpuSeconds'), peak: Math.max(...results.map((r) => r.maxRssMB)), start: of('startRssMB'), held: of('heldMB') };
};
const mb = (v) => `${v.toFixed(v < 10 ? 1 : 0)} MB`;
for (const format of ['json', 'xlsx']) {
  for (const count of [500, 2000]) {
    const key = `${format}-${count}`;
    const stream = aggregateOf(key, 'stream');
    const hold = aggregateOf(key, 'hold');
    const small = aggregateOf(`${format}-500`, 'stream');
    const growth = count === 2000 && stream && small ? stream.cpu / small.cpu : undefined;
    rows.push([
      `aggregate ${count.toLocaleString('en')} school files (${format.toUpperCase()}), streaming: time (CPU); peak RSS (at start); heap held at the end`,
      stream ? `${stream.seconds.toFixed(2)} s (${stream.cpu.toFixed(2)} s); ${mb(stream.peak)} (${mb(stream.start)}); ${mb(stream.held)}` : `— ${why(aggregates[key].stream)}`,
      hold ? `read + validate every file, all kept: ${hold.seconds.toFixed(2)} s (${hold.cpu.toFixed(2)} s); ${mb(hold.peak)}; ${mb(hold.held)} held` : `— ${why(aggregates[key].hold)}`,
      growth === undefined ? '' : `×${growth.toFixed(1)} the CPU of 500; held ×${(stream.held / small.held).toFixed(1)}`,
      count === 2000 ? 'CPU ≤ 5× of 500' : '—',
      growth === undefined ? undefined : growth <= 5,
    ]);
  }
}

const cores = availableParallelism();
console.log(`\nzongjie benchmark${quick ? ' (quick)' : ''} — Node ${process.version}, ${cores} cores, load ${loadBefore.toFixed(2)} → ${loadAfter.toFixed(2)}; medians\n`);
const header = ['measure', 'zongjie', 'baseline (same run)', 'ratio', 'target', 'met'];
const table = [header, ...rows.map((r) => [...r.slice(0, 5), r[5] === undefined ? '' : r[5] ? 'yes' : 'NO'])];
const widths = header.map((_, i) => Math.max(...table.map((r) => [...String(r[i])].length)));
for (const [i, row] of table.entries()) {
  console.log(`| ${row.map((cell, j) => String(cell).padEnd(widths[j] - ([...String(cell)].length - String(cell).length))).join(' | ')} |`);
  if (i === 0) console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
}
const raw = join(tmpdir(), 'zongjie-bench-last.json');
await writeFile(raw, JSON.stringify({ quick, loadBefore, loadAfter, cold, warm, batch, warmBatch, warmPdfBatch, batchOne, barePdf, bareDocx, proofread, workbook, carbone, soffice, aggregates }, null, 1));
console.log(`\nraw numbers: ${raw}`);
