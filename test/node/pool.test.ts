import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createDraftPool, DraftTimeoutError } from '../../src/node/pool.js';
import { HBS_AS_TEXT } from '../../src/node/worker-script.js';
import { StatsError } from '../../src/schema/parse.js';

const school = JSON.parse(readFileSync(new URL('../../examples/school.json', import.meta.url), 'utf8')) as { organisation: { name: string } };
const named = (i: number) => ({ ...school, organisation: { ...school.organisation, name: `云溪县第${i + 1}小学` } });
const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);

describe('createDraftPool', () => {
  const pool = createDraftPool({ formats: ['md', 'docx'], workers: 2 });
  afterAll(() => pool.close());

  it('drafts on warm workers, and a bad input fails alone', async () => {
    await pool.ready();
    const [a, bad, b] = await Promise.allSettled([pool.draft(named(0)), pool.draft({ year: 'not a year' }), pool.draft(named(1))]);
    expect(a.status === 'fulfilled' && text(a.value.outputs.md)).toContain('云溪县第1小学');
    expect(b.status === 'fulfilled' && text(b.value.outputs.md)).toContain('云溪县第2小学');
    expect(bad.status).toBe('rejected');
    // The error draftReport throws, with its fields, across the thread boundary.
    if (bad.status === 'rejected') expect((bad.reason as StatsError).issues?.[0]?.path).toEqual(['year']);
    expect(bad.status === 'rejected' && bad.reason).toBeInstanceOf(StatsError);
    // The pool goes on after the failure.
    const again = await pool.draft(named(2));
    expect(text(again.outputs.md)).toContain('云溪县第3小学');
  });

  it('runs batch after batch on the same workers', async () => {
    const workers = new Set<number>();
    for (const round of [0, 1]) {
      const seen: number[] = [];
      for await (const result of pool.batch([named(round), named(round + 1), named(round + 2)])) {
        expect(result.ok).toBe(true);
        seen.push(result.index);
        workers.add(result.worker);
      }
      expect(seen).toEqual([0, 1, 2]);
    }
    expect(workers.size).toBeLessThanOrEqual(2); // no worker started for the second batch
  });

  it('replaces a worker that stops, failing only the draft it held', async () => {
    // A heap too small for a 60 MB input: the worker dies drafting it, the pool goes on.
    const small = createDraftPool({ formats: ['md'], workers: 1, resourceLimits: { maxOldGenerationSizeMb: 64 } });
    try {
      await expect(small.draft(named(0))).resolves.toBeDefined();
      const huge = { ...named(1), problems: Array.from({ length: 60 }, (_, i) => `${i}`.padEnd(1 << 20, '问')) };
      await expect(small.draft(huge)).rejects.toThrow(/worker \d+ stopped while drafting/);
      const after = await small.draft(named(2));
      expect(text(after.outputs.md)).toContain('云溪县第3小学');
    } finally {
      await small.close();
    }
  });

  it('rejects drafts once closed', async () => {
    const closing = createDraftPool({ formats: ['md'], workers: 1 });
    await closing.draft(named(0));
    await closing.close();
    await expect(closing.draft(named(1))).rejects.toThrow(/closed/);
  });

  it('fails every draft, and the batch, when the template directory cannot be read', async () => {
    const broken = createDraftPool({ formats: ['md'], workers: 1, template: '/nonexistent/zongjie-template' });
    try {
      await expect(broken.draft(named(0))).rejects.toThrow(/zongjie-template/);
      await expect(broken.ready()).rejects.toThrow(/zongjie-template/);
      const batch = broken.batch([named(0)]);
      await expect(batch.next()).rejects.toThrow(/zongjie-template/);
    } finally {
      await broken.close();
    }
  });

  it('holds the process while ready() and draft() wait, not once idle and left open', () => {
    const script = `
      (await import('node:module')).register(${JSON.stringify(HBS_AS_TEXT)});
      const { createDraftPool } = await import(${JSON.stringify(fileURLToPath(new URL('../../src/node/pool.ts', import.meta.url)))});
      const pool = createDraftPool({ formats: ['md'], workers: 2 });
      await pool.ready();
      const draft = await pool.draft(${JSON.stringify(named(0))});
      console.log(draft.report.title);`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('云溪县第1小学');
    expect(run.status).toBe(0); // exited by itself, not killed by the timeout
  });
});

describe('createDraftPool: limits', () => {
  it.each([Number.NaN, Number.POSITIVE_INFINITY, 0, -1, 2.5, 257])('workers: %s is a RangeError, not a pool that never drafts or spawns without end', (workers) => {
    expect(() => createDraftPool({ formats: ['md'], workers })).toThrow(RangeError);
    expect(() => createDraftPool({ formats: ['md'], workers })).toThrow(/workers/);
  });

  it('timeoutMs that is not a positive number is a RangeError', () => {
    for (const timeoutMs of [0, -5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => createDraftPool({ formats: ['md'], workers: 1, timeoutMs })).toThrow(RangeError);
    }
  });

  it('batch() after close() ends at once with one error, even for an endless input', async () => {
    const pool = createDraftPool({ formats: ['md'], workers: 1 });
    await pool.close();
    function* endless() {
      for (let i = 0; ; i++) yield named(i);
    }
    let results = 0;
    await expect(
      (async () => {
        for await (const _ of pool.batch(endless())) if (++results > 10) break;
      })(),
    ).rejects.toThrow(/closed/);
    expect(results).toBe(0);
  });

  it('close() during a batch over an endless input ends the batch', async () => {
    const pool = createDraftPool({ formats: ['md'], workers: 1 });
    function* endless() {
      for (let i = 0; ; i++) yield named(i);
    }
    let results = 0;
    const run = (async () => {
      for await (const result of pool.batch(endless())) {
        expect(result.ok).toBe(true);
        if (++results === 2) void pool.close();
        if (results > 50) break;
      }
    })();
    await expect(run).rejects.toThrow(/closed/);
    expect(results).toBe(2);
  });

  it('a draft over its time limit fails alone; its worker is replaced and the next draft succeeds', async () => {
    // A template that loops for a long time: nested #each over a big list.
    const slow = {
      name: 'slow',
      files: { 'report.hbs': '@title 慢\n# 节\n{{#each problems}}{{#each @root.problems}}{{#each @root.problems}}{{/each}}{{/each}}{{/each}}{{org.name}}\n' },
    };
    const pool = createDraftPool({ formats: ['md'], workers: 1, template: slow, timeoutMs: 1500 });
    try {
      await pool.ready();
      const big = { ...named(0), problems: Array.from({ length: 2000 }, (_, i) => `问题${i}`) };
      const [late, quick] = await Promise.allSettled([pool.draft(big), pool.draft(named(1))]);
      expect(late.status).toBe('rejected');
      expect(late.status === 'rejected' && late.reason).toBeInstanceOf(DraftTimeoutError);
      // Stopped at the limit (the template asks for 8·10^9 iterations), and the next input drafted on a new worker.
      expect(quick.status === 'fulfilled' && text(quick.value.outputs.md)).toContain('云溪县第2小学');
    } finally {
      await pool.close();
    }
  });
});
