// A bounded load test of `zongjie serve` on 127.0.0.1 only: N clients, each
// drafting a DOCX and then a PDF of the school example over HTTP, again and
// again, for a fixed time. Prints every status seen, p50/p95 latency per
// format, throughput, and the server process's RSS sampled each second
// (its worker threads included), so a growing heap would show.
//
//   npm run build && node bench/serve-load.mjs                 20 clients, 60 s
//   node bench/serve-load.mjs --clients 5 --seconds 10         a smoke run
//
// The server is started here (`node dist/cli.js serve --port 0`) and stopped
// at the end; nothing is sent anywhere but the loopback address it prints.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

const arg = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const CLIENTS = arg('clients', 20);
const SECONDS = arg('seconds', 60);
const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const body = readFileSync(here('../examples/school.json'));

const server = spawn(process.execPath, [here('../dist/cli.js'), 'serve', '--port', '0', '--queue', String(4 * CLIENTS)], { stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise((resolve, reject) => {
  let out = '';
  server.stdout.on('data', (chunk) => {
    out += chunk;
    const found = /zongjie serve: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
    if (found) resolve(new URL(found[1]));
  });
  server.on('exit', (code) => reject(new Error(`serve exited with ${code}`)));
});
if (url.hostname !== '127.0.0.1') throw new Error(`refusing to load anything but 127.0.0.1: ${url}`);

/** The server's resident set, from /proc (Linux): the process and its worker threads. */
const rssMiB = () => {
  const status = readFileSync(`/proc/${server.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)[1]) / 1024;
};
const samples = [];
const sampler = setInterval(() => samples.push({ t: performance.now(), rss: rssMiB() }), 1000);

const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
function draft(format) {
  return new Promise((resolve) => {
    const started = performance.now();
    const req = request(new URL(`/api/draft?format=${format}`, url), { method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (res) => {
      let bytes = 0;
      res.on('data', (chunk) => (bytes += chunk.length));
      res.on('end', () => resolve({ format, status: res.statusCode, ms: performance.now() - started, bytes }));
    });
    req.on('error', (error) => resolve({ format, status: `error ${error.code ?? error.message}`, ms: performance.now() - started, bytes: 0 }));
    req.end(body);
  });
}

/** The value below which `p` percent of the values lie (nearest rank). */
function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

const results = [];
const start = performance.now();
const deadline = start + SECONDS * 1000;
await Promise.all(
  Array.from({ length: CLIENTS }, async () => {
    while (performance.now() < deadline) {
      for (const format of ['docx', 'pdf']) results.push(await draft(format));
    }
  }),
);
const elapsed = (performance.now() - start) / 1000;
clearInterval(sampler);
agent.destroy();
server.kill('SIGINT');
await new Promise((resolve) => server.on('exit', resolve));

const statuses = {};
for (const r of results) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
const latency = (format) => {
  const ms = results.filter((r) => r.format === format && r.status === 200).map((r) => r.ms);
  return { n: ms.length, p50: percentile(ms, 50), p95: percentile(ms, 95), max: Math.max(...ms) };
};
const windows = [];
for (let from = 0; from < SECONDS; from += 10) {
  const inWindow = samples.filter((s) => s.t - start >= from * 1000 && s.t - start < (from + 10) * 1000).map((s) => s.rss);
  if (inWindow.length) windows.push(`${from}–${from + 10} s: ${Math.max(...inWindow).toFixed(0)}`);
}
const fmt = (n) => n.toFixed(0);
const docx = latency('docx');
const pdf = latency('pdf');
console.log(`serve load: ${CLIENTS} clients × ${SECONDS} s on ${availableParallelism()} cores (load average at the end ${loadavg()[0].toFixed(1)}), ${results.length} requests`);
console.log(`statuses: ${JSON.stringify(statuses)}`);
console.log('');
console.log('| | requests | p50 | p95 | max |');
console.log('|---|---|---|---|---|');
console.log(`| DOCX | ${docx.n} | ${fmt(docx.p50)} ms | ${fmt(docx.p95)} ms | ${fmt(docx.max)} ms |`);
console.log(`| PDF | ${pdf.n} | ${fmt(pdf.p50)} ms | ${fmt(pdf.p95)} ms | ${fmt(pdf.max)} ms |`);
console.log('');
console.log(`throughput: ${(results.length / elapsed).toFixed(1)} requests/s (${(results.length / 2 / elapsed).toFixed(1)} DOCX+PDF pairs/s)`);
console.log(`server RSS, MiB: peak ${fmt(Math.max(...samples.map((s) => s.rss)))}; peak per 10 s: ${windows.join(', ')}`);
const failed = results.length - (statuses[200] ?? 0);
if (failed) {
  console.error(`✗ ${failed} requests were not answered 200`);
  process.exitCode = 1;
}
