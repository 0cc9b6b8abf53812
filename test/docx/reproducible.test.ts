import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { renderDocx } from '../../src/render/docx/index.js';
import { sampleReport } from '../fixtures/sample-report.js';

describe('renderDocx: reproducible output', () => {
  it('gives the same bytes for the same report, whatever the clock says', async () => {
    const first = await renderDocx(sampleReport);
    await new Promise((resolve) => setTimeout(resolve, 2100)); // zip times have a 2-second resolution
    const second = await renderDocx(sampleReport);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
  });

  it('dates every zip entry by the report date', async () => {
    const bytes = await renderDocx(sampleReport);
    const dates = new Set<string>();
    expect(Object.keys(unzipSync(bytes))).toContain('word/document.xml');
    // Walk the central directory: time and date of each entry.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let end = bytes.length - 22;
    while (view.getUint32(end, true) !== 0x06054b50) end--;
    let at = view.getUint32(end + 16, true);
    for (let i = 0; i < view.getUint16(end + 10, true); i++) {
      const time = view.getUint16(at + 12, true);
      const date = view.getUint16(at + 14, true);
      dates.add(`${(date >> 9) + 1980}-${(date >> 5) & 15}-${date & 31} ${time}`);
      at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    }
    expect([...dates]).toEqual(['2025-12-20 0']);
  });

  it('differs when the report date differs', async () => {
    const other = await renderDocx({ ...sampleReport, meta: { ...sampleReport.meta, date: '2026-01-05' } });
    const base = await renderDocx(sampleReport);
    expect(Buffer.from(other).equals(Buffer.from(base))).toBe(false);
  });
});
