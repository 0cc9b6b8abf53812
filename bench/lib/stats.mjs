// Small helpers shared by the bench tasks: timing, medians, one JSON line out.
import { readFile } from 'node:fs/promises';

export const now = () => performance.now();

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Times `fn` `runs` times after `warmup` untimed calls; returns every time in ms. */
export async function timeRuns(fn, { runs, warmup = 3 }) {
  for (let i = 0; i < warmup; i++) await fn(i);
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = now();
    await fn(i);
    times.push(now() - start);
  }
  return times;
}

/** A task's result: one JSON line on stdout, read by bench/run.mjs. */
export function report(result) {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

export async function example(name) {
  return JSON.parse(await readFile(new URL(`../../examples/${name}.json`, import.meta.url), 'utf8'));
}

/** The school example with a different school name and numbers, for batches. */
export function schoolVariant(school, i) {
  const stats = structuredClone(school);
  stats.organisation.name = `云溪县第${i + 1}小学`;
  if (stats.pairing) stats.pairing.homeVisits += i % 50;
  for (const row of stats.aid ?? []) if (row.programme === 'freeTextbooks') row.amount += 10 * (i % 30);
  return stats;
}

/** Pages in a PDF made by pdfkit (page objects are written uncompressed). */
export function pdfPages(bytes) {
  return (Buffer.from(bytes).toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;
}
