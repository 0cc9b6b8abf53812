/**
 * Field descriptions reach the TypeScript types as JSDoc, generated from the
 * zod schema (scripts/gen-types.ts). This fails while the committed file is
 * out of date: run `npm run gen:types`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateTypes, GENERATED_FILE } from '../../scripts/gen-types.js';
import { composeReport, type PdfResult, type PdfWarning, type YearlyStatsInput } from '../../src/index.js';
import { ensureBuilt, ROOT } from '../cli/support.js';

describe('the generated input type', () => {
  it('is up to date with the schema (npm run gen:types)', () => {
    expect(readFileSync(GENERATED_FILE, 'utf8')).toBe(generateTypes());
  });

  it('carries every field’s description as JSDoc, into the published declarations', async () => {
    const source = readFileSync(GENERATED_FILE, 'utf8');
    expect(source).toContain('/** 单位名称，如“青山县教育局”“尼安小学” */\n    name: string;');
    await ensureBuilt();
    const dts = readFileSync(`${ROOT}/dist/index.d.ts`, 'utf8');
    expect(dts).toContain('单位名称，如“青山县教育局”“尼安小学”');
    expect(dts).toMatch(/interface YearlyStatsInput/);
  });

  it('types hand-built data (composeReport takes YearlyStatsInput, and unknown for untrusted data)', () => {
    const stats: YearlyStatsInput = { year: 2025, organisation: { name: '甲校', kind: 'school' } };
    expect(composeReport(stats).report.title).toContain('甲校');
    expect(composeReport(JSON.parse('{"year":2025,"organisation":{"name":"乙校","kind":"school"}}') as unknown).report.title).toContain('乙校');
    // @ts-expect-error a misspelt kind is a type error in hand-built data (the unknown overload is for untrusted input only)
    const wrong: YearlyStatsInput = { year: 2025, organisation: { name: '丙校', kind: 'schol' } };
    expect(wrong.year).toBe(2025);
    const warning: PdfWarning | undefined = undefined;
    const result: PdfResult | undefined = undefined;
    expect([warning, result]).toEqual([undefined, undefined]);
  });
});
