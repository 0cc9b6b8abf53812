import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as fixed from '../../src/format/fixed';
import * as format from '../../src/format/index';

// The @example lines are the documentation: run each one, so docs cannot
// drift from the code. A line reads `call → result`; several pairs are
// separated by "; ". The result is a JSON string, a number, a boolean or
// "throws RangeError".
const scope: Record<string, unknown> = { ...fixed, ...format };
// The format module's own sources, whose @example lines this test runs.
const dir = new URL('../../src/format/', import.meta.url);
const sources = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

function run(call: string): unknown {
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  return new Function(...Object.keys(scope), `return (${call});`)(...Object.values(scope));
}

describe('the @example of every export', () => {
  for (const file of sources) {
    const text = readFileSync(new URL(file, dir), 'utf8');
    const pairs = [...text.matchAll(/@example (.+)$/gm)].flatMap((m) => m[1]!.split('; '));
    if (pairs.length === 0) continue;
    it(`holds in ${file}`, () => {
      for (const pair of pairs) {
        const [call, expected] = pair.split(' → ') as [string, string];
        if (expected === 'throws RangeError') expect(() => run(call), call).toThrow(RangeError);
        else expect(run(call), call).toEqual(JSON.parse(expected));
      }
    });
  }

  it('exists for every exported function', () => {
    const documented = sources.map((f) => readFileSync(new URL(f, dir), 'utf8')).join('\n');
    for (const [name, value] of Object.entries(format)) {
      if (typeof value !== 'function') continue;
      expect(documented, name).toMatch(new RegExp(`@example ${name}\\(`));
    }
  });
});
