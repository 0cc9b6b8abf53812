import { composeReport, safeParseStats } from '../../node/index.js';
import { describeError, EXIT, statsErrorLines, warningLines } from '../errors.js';
import { expandInputs, readJsonFile } from '../inputs.js';
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
      const data = await readJsonFile(input.file);
      const parsed = safeParseStats(data);
      if (!parsed.success) {
        failed++;
        output.err(`✗ ${name}: 无效 / invalid`);
        for (const line of statsErrorLines(parsed.error.issues)) output.err(`  ${line}`);
        continue;
      }
      const { warnings } = composeReport(data);
      output.out(`✓ ${name}: 有效 / valid`);
      for (const line of warningLines(warnings)) output.err(`  ${line}`);
    } catch (error) {
      failed++;
      output.err(`✗ ${name}`);
      for (const line of describeError(error)) output.err(`  ${line}`);
    }
  }
  return failed ? EXIT.failed : EXIT.ok;
}
