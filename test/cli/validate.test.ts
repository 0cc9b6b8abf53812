import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeReport, safeParseStats } from '../../src/index.js';
import { tempDir } from '../support/tools.js';
import { ensureBuilt, EXAMPLES, STACK_FRAME, zongjie } from './support.js';

beforeAll(ensureBuilt);

const { dir, remove } = tempDir('zongjie-validate-');
afterAll(remove);

const bureau = JSON.parse(readFileSync(join(EXAMPLES, 'bureau.json'), 'utf8'));

/** A file in the temp dir; returns its path. */
function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}

describe('zongjie validate', () => {
  it('a valid file: exit 0, "✓ file: valid", nothing on stderr', async () => {
    const result = await zongjie(['validate', 'examples/bureau.json', 'examples/school.json']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('✓ examples/bureau.json: 有效 / valid\n✓ examples/school.json: 有效 / valid\n');
    expect(result.stderr).toBe('');
  });

  it('a valid file with inconsistent figures: exit 0 and every warning with its path, in Chinese and English', async () => {
    const stats = structuredClone(bureau);
    stats.aidedGroups[0].students += 7;
    stats.signature.date = '2024-12-20';
    const expected = composeReport(stats).warnings;
    expect(expected.length).toBeGreaterThanOrEqual(2);

    const result = await zongjie(['validate', file('warnings.json', stats)]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(': 有效 / valid');
    for (const warning of expected) {
      expect(result.stderr).toContain(warning.message.zh);
      expect(result.stderr).toContain(warning.message.en);
    }
    expect(result.stderr).toContain('aidedGroups[0].students');
  });

  it('a valid file with slips in its text: exit 0 and every proofreading warning with its path, in Chinese and English', async () => {
    const stats = structuredClone(bureau);
    stats.opening = '20xx年，我局认真落实资助政策,确保应助尽助。';
    stats.problems = ['①办学经费不足。②教学设施匮乏。②教学设施匮乏。'];
    stats.plans = ['制定《资助工作制度，于2024年3月5日前完成。'];
    const expected = composeReport(stats).warnings;
    expect(expected.map((w) => `${w.code} ${w.where}`)).toEqual([
      'placeholder_left opening',
      'halfwidth_punctuation opening',
      'text_repeated problems[0]',
      'date_outside_year plans[0]',
      'unpaired_mark plans[0]',
    ]);

    const result = await zongjie(['validate', file('slips.json', stats)]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(': 有效 / valid');
    for (const warning of expected) {
      expect(result.stderr).toContain(`⚠ ${warning.message.zh}`);
      expect(result.stderr).toContain(warning.message.en);
    }
    expect(result.stderr).toContain('opening：占位符“20xx”未替换');
    expect(result.stderr).toContain('problems[0]：句子重复');
  });

  it('an invalid file: exit 1 and every problem (path, expected, received) in Chinese and English', async () => {
    const stats = structuredClone(bureau);
    stats.organisation.kind = 'city';
    stats.aid[0].students = '354';
    stats.aid[1].amount = 206000.125;
    delete stats.year;
    stats.pairng = { teachers: 3 };
    const parsed = safeParseStats(stats);
    expect(parsed.success).toBe(false);
    const issues = parsed.success ? [] : parsed.error.issues;
    expect(issues.map((i) => i.where).sort()).toEqual(['aid[0].students', 'aid[1].amount', 'organisation.kind', 'pairng', 'year']);

    const result = await zongjie(['validate', file('invalid.json', stats)]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^✗ .*invalid\.json: 无效 \/ invalid\n/);
    expect(result.stderr).toContain('统计数据有 5 处问题 / 5 problems in the stats');
    for (const issue of issues) {
      expect(result.stderr).toContain(issue.message.zh);
      expect(result.stderr).toContain(issue.message.en);
      expect(result.stderr).toContain(issue.received);
    }
    // "year" is missing: its message does not say what was expected, so the line does.
    expect(result.stderr).toContain('应为 expected: number；实为 received: (missing)');
    expect(result.stderr).not.toMatch(STACK_FRAME);
  });

  it('invalid JSON: exit 1, the line and column, the line itself with a caret', async () => {
    const path = file('syntax.json', '{\n  "year": 2025,\n  "organisation": { "name": "石桥小学" "kind": "school" }\n}\n');
    const result = await zongjie(['validate', path], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('JSON 语法错误 / JSON syntax error: syntax.json:3:36:');
    expect(result.stderr).toContain('3 |   "organisation": { "name": "石桥小学" "kind": "school" }');
    // The caret sits under the second name's quote, counting the four CJK characters as two columns each.
    const caret = result.stderr.split('\n').find((line) => line.trimEnd().endsWith('^'))!;
    const source = result.stderr.split('\n').find((line) => line.includes('3 |'))!;
    expect(caret.indexOf('^')).toBe(source.indexOf('"kind"') + 4);
    expect(result.stderr).not.toMatch(STACK_FRAME);
  });

  it.each([
    ['an empty file', '', 'syntax.json:1:1'],
    ['a trailing comma', '{\n  "year": 2025,\n}', 'syntax.json:3:1'],
    ['an unclosed string', '{ "year": "2025 }', 'syntax.json:1:18'],
    ['a byte order mark and a bad value', '\uFEFF{ "year": tru }', 'syntax.json:1:11'],
  ])('invalid JSON, %s: the position', async (_, text, where) => {
    file('syntax.json', text);
    const result = await zongjie(['validate', 'syntax.json'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`JSON syntax error: ${where}:`);
  });

  it('a missing file: exit 1, a message, no stack trace', async () => {
    const result = await zongjie(['validate', 'nope.json'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('✗ nope.json\n  找不到文件或目录 / no such file or directory: nope.json\n');
  });

  it('several files: each reported, exit 1 when any fails', async () => {
    const result = await zongjie(['validate', join(EXAMPLES, 'school.json'), file('bad.json', { year: 2025 }), 'nope.json'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('school.json: 有效 / valid');
    expect(result.stderr).toContain('✗ bad.json: 无效 / invalid');
    expect(result.stderr).toContain('organisation：缺少必填项');
    expect(result.stderr).toContain('organisation: is required but missing');
    expect(result.stderr).toContain('✗ nope.json');
  });
});
