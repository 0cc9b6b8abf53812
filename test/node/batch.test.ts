import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { draftBatch, type BatchResult } from '../../src/node/batch.js';
import { StatsError } from '../../src/schema/parse.js';
import { hasDefaultFonts } from '../support/pdf-fonts.js';

const school = JSON.parse(readFileSync(new URL('../../examples/school.json', import.meta.url), 'utf8')) as { organisation: { name: string } };
const named = (i: number) => ({ ...school, organisation: { ...school.organisation, name: `云溪县第${i + 1}小学` } });

async function collect(results: AsyncIterable<BatchResult>): Promise<BatchResult[]> {
  const all: BatchResult[] = [];
  for await (const result of results) all.push(result);
  return all;
}

describe('draftBatch', () => {
  it('yields every input in order, reports a failing one and goes on, on both workers', async () => {
    const inputs = Array.from({ length: 8 }, (_, i) => (i === 2 ? { year: 'not a year' } : named(i)));
    const results = await collect(draftBatch(inputs, { formats: ['docx', 'md'] }, { workers: 2 }));

    expect(results.map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    const failed = results[2]!;
    expect(failed.ok).toBe(false);
    if (!failed.ok) {
      // The same error draftReport throws: class and fields survive the thread boundary.
      expect(failed.error).toBeInstanceOf(StatsError);
      expect((failed.error as StatsError).issues.length).toBeGreaterThan(0);
    }
    for (const [i, result] of results.entries()) {
      if (i === 2) continue;
      expect(result.ok).toBe(true);
      if (!result.ok) continue;
      expect(result.draft.report.title).toContain(`云溪县第${i + 1}小学`);
      const docx = result.draft.outputs.docx!;
      expect([...docx.subarray(0, 2)]).toEqual([0x50, 0x4b]); // a zip
      expect(new TextDecoder().decode(result.draft.outputs.md)).toContain(`云溪县第${i + 1}小学`);
    }
    expect(new Set(results.map((r) => r.worker)).size).toBe(2);
  });

  it.skipIf(!hasDefaultFonts('draftBatch PDF'))('drafts PDFs in the workers with their own fonts', async () => {
    const results = await collect(draftBatch([named(0), named(1), named(2)], { formats: ['pdf'] }, { workers: 2 }));
    expect(results.map((r) => r.ok)).toEqual([true, true, true]);
    for (const result of results) {
      if (!result.ok) continue;
      const pdf = result.draft.outputs.pdf!;
      expect(new TextDecoder().decode(pdf.subarray(0, 5))).toBe('%PDF-');
    }
  });

  it('reads inputs lazily from an async iterable and stops the workers when the caller stops', async () => {
    let pulled = 0;
    async function* inputs() {
      for (let i = 0; i < 100; i++) {
        pulled++;
        yield named(i);
      }
    }
    const seen: number[] = [];
    for await (const result of draftBatch(inputs(), { formats: ['md'] }, { workers: 2 })) {
      seen.push(result.index);
      if (seen.length === 3) break;
    }
    expect(seen).toEqual([0, 1, 2]);
    expect(pulled).toBeLessThan(100); // bounded read-ahead, not the whole source
  });
});
