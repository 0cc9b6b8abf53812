import { composeReport, safeParseStats, StatsError } from '../../node/index.js';
import { describeError, EXIT, statsErrorLines, warningLines } from '../errors.js';
import { expandInputs } from '../inputs.js';
import { noticeLines, readStatsFile } from '../stats-file.js';
import { stdio, type Output } from '../output.js';
import { shownPath } from '../paths.js';

/**
 * `zongjie validate`: checks each file against the schema and lists every
 * problem; a valid file is also composed, to show the consistency warnings
 * a draft would give.
 */
export async function validateCommand(args: string[], output: Output = stdio): Promise<number> {
  const { inputs } = await expandInputs(args);
  let failed = 0;
  for (const input of inputs) {
    const name = shownPath(input.file);
    try {
      if ('error' in input) throw input.error;
      // A workbook's problems come thrown, each at its cell.
      const { data, place, notices } = await readStatsFile(input.file, shownPath(input.file));
      const parsed = safeParseStats(data);
      if (!parsed.success) throw parsed.error;
      const { warnings } = composeReport(data);
      output.out(`✓ ${name}: 有效 / valid`);
      for (const line of noticeLines(notices)) output.err(`  ${line}`);
      for (const line of warningLines(warnings.map(place))) output.err(`  ${line}`);
    } catch (error) {
      failed++;
      if (error instanceof StatsError) {
        output.err(`✗ ${name}: 无效 / invalid`);
        for (const line of statsErrorLines(error.issues)) output.err(`  ${line}`);
        continue;
      }
      output.err(`✗ ${name}`);
      for (const line of describeError(error)) output.err(`  ${line}`);
    }
  }
  return failed ? EXIT.failed : EXIT.ok;
}
