/**
 * The same input and options give the same bytes: no clock, no random ids,
 * no dependence on key order, time zone or locale — in this process, and in
 * two fresh Node processes running the built package with TZ and LC_ALL changed.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { composeReport, renderDocx } from '../../src/index.js';
import { renderPdf, type FontSet } from '../../src/render/pdf/index.js';
import { ensureBuilt, ROOT } from '../cli/support.js';
import { runs, statsInput } from '../property/arbitraries.js';
import { defaultFonts, hasDefaultFonts } from '../support/pdf-fonts.js';

const EXAMPLE = join(ROOT, 'examples', 'bureau.json');
const example = () => JSON.parse(readFileSync(EXAMPLE, 'utf8'));
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A deep copy with every object's keys in an order a seed decides (arrays keep theirs: order there is data). */
function shuffleKeys<T>(value: T, seed: number): T {
  let s = seed >>> 0;
  const next = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (!v || typeof v !== 'object') return v;
    const entries = Object.entries(v);
    for (let i = entries.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [entries[i], entries[j]] = [entries[j]!, entries[i]!];
    }
    return Object.fromEntries(entries.map(([k, x]) => [k, walk(x)]));
  };
  return walk(value) as T;
}

describe('the same report from the same input', () => {
  it('whatever the order of the input’s keys (random stats)', () => {
    fc.assert(
      fc.property(statsInput, fc.integer(), (input, seed) => {
        const shuffled = shuffleKeys(input, seed);
        expect(composeReport(shuffled)).toEqual(composeReport(input));
      }),
      { numRuns: runs(200) },
    );
  });
});

const fontsOk = hasDefaultFonts('determinism: PDF');

describe.skipIf(!fontsOk)('the same bytes from the same input', () => {
  let fonts: FontSet;
  let docx: string;
  let pdf: string;
  beforeAll(async () => {
    fonts = await defaultFonts();
    const { report } = composeReport(example());
    docx = sha(await renderDocx(report));
    pdf = sha(await renderPdf(report, { fonts }));
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('rendered again with the clock moved and Math.random changed', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2033-03-03T03:03:03Z'));
    vi.spyOn(Math, 'random').mockReturnValue(0.987654321);
    const { report } = composeReport(example());
    expect(sha(await renderDocx(report))).toBe(docx);
    expect(sha(await renderPdf(report, { fonts }))).toBe(pdf);
  });

  it('with the input’s keys in another order', async () => {
    for (const seed of [1, 2, 3]) {
      const { report } = composeReport(shuffleKeys(example(), seed));
      expect(sha(await renderDocx(report))).toBe(docx);
      expect(sha(await renderPdf(report, { fonts }))).toBe(pdf);
    }
  });

  it('in two fresh Node processes of the built package, with other time zones and locales', async () => {
    await ensureBuilt();
    // The child renders with the bundled fonts only, as this process does.
    const script = `
      const z = await import(${JSON.stringify(join(ROOT, 'dist', 'node.js'))});
      const input = JSON.parse((await import('node:fs')).readFileSync(${JSON.stringify(EXAMPLE)}, 'utf8'));
      const { report } = z.composeReport(input);
      const { createHash } = await import('node:crypto');
      const sha = (b) => createHash('sha256').update(b).digest('hex');
      const docx = sha(await z.renderDocx(report));
      const pdf = sha(await z.renderPdf(report, { system: false }));
      process.stdout.write(JSON.stringify({ docx, pdf, tz: Intl.DateTimeFormat().resolvedOptions().timeZone, offset: new Date(2025, 11, 20).getTimezoneOffset() }));
    `;
    const child = (env: Record<string, string>) =>
      new Promise<{ docx: string; pdf: string; tz: string; offset: number }>((done, fail) => {
        execFile(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 120_000 }, (error, stdout, stderr) =>
          error ? fail(new Error(`${error.message}\n${stderr}`)) : done(JSON.parse(stdout)),
        );
      });
    const [east, west] = await Promise.all([child({ TZ: 'Pacific/Kiritimati', LC_ALL: 'zh_CN.UTF-8', LANG: 'zh_CN.UTF-8' }), child({ TZ: 'America/Los_Angeles', LC_ALL: 'C', LANG: 'C' })]);
    // The zones really differed: 14 hours east and 8 west of UTC on the report's date.
    expect([east.tz, east.offset, west.tz, west.offset]).toEqual(['Pacific/Kiritimati', -840, 'America/Los_Angeles', 480]);
    expect(east.docx).toBe(west.docx);
    expect(east.pdf).toBe(west.pdf);
    // And the built package in a fresh process gives what the sources give here.
    expect(east.docx).toBe(docx);
    expect(east.pdf).toBe(pdf);
  });
});
