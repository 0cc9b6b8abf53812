/**
 * Our workbook through LibreOffice Calc, as an office that uses it would
 * save it: opened and saved as .xlsx again, it reads back to the same
 * stats; saved as an old .xls, the core refuses it with the way out and the
 * CLI reads it through LibreOffice.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseStats, type YearlyStatsInput } from '../../src/schema/index.js';
import { parseWorkbook, safeParseWorkbook, WorkbookFileError, writeWorkbook } from '../../src/workbook/index.js';
import { ensureBuilt, zongjie } from '../cli/support.js';
import { FULL_STATS } from '../support/schema-fields.js';
import { requireCommands, tempDir } from '../support/tools.js';

const example = (name: string) => {
  const { $schema: _, ...stats } = JSON.parse(readFileSync(new URL(`../../examples/${name}.json`, import.meta.url), 'utf8'));
  return stats as YearlyStatsInput;
};

/** The file saved by headless LibreOffice Calc in `format` (xlsx, xls). */
function throughCalc(bytes: Uint8Array, format: 'xlsx' | 'xls', dir: string): string {
  const input = join(dir, 'in', 'stats.xlsx');
  execFileSync('mkdir', ['-p', join(dir, 'in'), join(dir, 'out')]);
  writeFileSync(input, bytes);
  execFileSync(
    'soffice',
    [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--norestore', '--convert-to', format, '--outdir', join(dir, 'out'), input],
    { stdio: 'pipe', timeout: 180_000 },
  );
  return join(dir, 'out', `stats.${format}`);
}

describe.skipIf(!requireCommands('LibreOffice Calc round trip', 'soffice'))('LibreOffice Calc', () => {
  beforeAll(ensureBuilt);

  it.each([
    ['school', example('school')],
    ['bureau', example('bureau')],
    ['every field', (({ $schema: _, ...s }) => s)(FULL_STATS as Record<string, unknown>) as YearlyStatsInput],
  ])('the %s workbook saved again by Calc reads back to the same stats', async (_name, input) => {
    const { dir, remove } = tempDir('zongjie-calc-');
    try {
      const saved = readFileSync(throughCalc(await writeWorkbook(input), 'xlsx', dir));
      const result = await safeParseWorkbook(saved);
      if (!result.success) throw result.error;
      expect(result.workbook.notices).toEqual([]);
      expect(result.data).toEqual(parseStats(input));
    } finally {
      remove();
    }
  });

  it('a workbook saved as .xls: the core refuses it, the CLI reads it through LibreOffice', async () => {
    const { dir, remove } = tempDir('zongjie-calc-');
    try {
      const xls = throughCalc(await writeWorkbook(example('school')), 'xls', dir);
      const error = await parseWorkbook(readFileSync(xls)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WorkbookFileError);
      expect((error as WorkbookFileError).reason.zh).toContain('另存为');

      const run = await zongjie(['validate', xls]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('有效 / valid');
    } finally {
      remove();
    }
  });
});
