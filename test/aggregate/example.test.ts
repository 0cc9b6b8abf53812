/**
 * examples/county: the school files add up without a warning, last year's
 * give the changes, and the county's draft reads as an office would read it
 * (the reviewed Markdown in test/fixtures/county.md).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { aggregateStats, composeReport, renderMarkdown, type YearlyStatsInput } from '../../src/index.js';

const COUNTY = fileURLToPath(new URL('../../examples/county/', import.meta.url));
const read = (path: string): YearlyStatsInput => JSON.parse(readFileSync(path, 'utf8'));
const dir = (name: string) =>
  readdirSync(join(COUNTY, name))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ source: `${name}/${f}`, stats: read(join(COUNTY, name, f)) }));

describe('examples/county', () => {
  const bureau = read(join(COUNTY, 'bureau.json'));
  const last = aggregateStats(dir('schools-2024'), { organisation: bureau.organisation, year: 2024 });
  const result = aggregateStats(dir('schools'), { organisation: bureau.organisation, year: 2025, bureau, previous: last.stats, highlights: true });
  const { report, warnings } = composeReport(result.stats);
  const md = renderMarkdown(report);

  it('adds up without a warning, this year and last', () => {
    expect(last.warnings).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.totals.schools).toBe(5);
    expect(result.changes.map((c) => c.field)).toEqual(['aidStudents', 'aidAmount', 'trainingParticipants', 'projectInvestment']);
  });

  it('drafts without warnings, with the per-school table and the highlights as attachments', () => {
    expect(warnings).toEqual([]);
    expect(report.attachments.map((a) => a.title)).toEqual(['2025年学生资助资金发放明细表', '2025年办学条件改善项目明细表', '2025年各学校学生资助情况统计表', '2025年各学校工作亮点']);
    expect(md).not.toMatch(/20xx|NaN|undefined|null|\[object|&amp;|\uE000|\{\{|@block|@attachment/);
  });

  it('matches the reviewed Markdown', async () => {
    await expect(md).toMatchFileSnapshot('../fixtures/county.md');
  });
});
