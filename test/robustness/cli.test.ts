/**
 * Hostile input through the built CLI, as a user would run it: a document
 * with the bad characters removed and a warning naming each field, or a
 * message naming the field — never a crash, a stack trace or an invalid DOCX.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDocx } from '../support/docx-text.js';
import { ensureBuilt, freshDirs, STACK_FRAME, zongjie } from '../cli/support.js';
import { FULL_STATS } from '../support/schema-fields.js';

beforeAll(ensureBuilt);
const { fresh } = freshDirs('zongjie-hostile-cli-');

/** Writes `json` (text, so it can hold what JSON.stringify would not write) to a fresh directory. */
function input(json: string): { file: string; out: string } {
  const dir = fresh();
  writeFileSync(join(dir, 'stats.json'), json);
  return { file: join(dir, 'stats.json'), out: join(dir, 'out') };
}

describe('zongjie draft with hostile input', () => {
  it('controls, a lone surrogate, bidi marks and emoji: documents written, each removal a warning naming its field', async () => {
    const stats = {
      ...FULL_STATS,
      organisation: { ...FULL_STATS.organisation, name: '云溪县\u0007教育局😀' },
      problems: ['经费\u202E到位\u202C不及时。', '# 不是标题 {{x}} <b>&amp;</b>'],
      signature: { issuer: '云溪县\uFEFF教育局', date: '2025-12-20' },
    };
    // A lone surrogate can only arrive as a JSON escape.
    const { file, out } = input(JSON.stringify(stats).replace('不及时', '不及时\\ud800'));
    const result = await zongjie(['draft', file, '-o', out]);
    expect(result.all).not.toMatch(STACK_FRAME);
    expect(result.code).toBe(0);
    for (const where of ['organisation.name', 'problems[0]', 'signature.issuer']) expect(result.all).toContain(where);
    // The terminal gets no raw control or bidi character either.
    expect(result.all).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u202A-\u202E\uFEFF]/);
    const files = readdirSync(out);
    expect(files.map((f) => f.slice(f.lastIndexOf('.'))).sort()).toEqual(['.docx', '.md', '.pdf']);
    const docx = readDocx(readFileSync(join(out, files.find((f) => f.endsWith('.docx'))!)));
    expect(docx.paragraphs).toContain('经费到位不及时。');
    expect(docx.paragraphs).toContain('# 不是标题 {{x}} <b>&amp;</b>');
  });

  it.each([
    ['a name of control characters only', JSON.stringify({ ...FULL_STATS, organisation: { name: '\u0001\u202E', kind: 'bureau' } }), 'organisation.name'],
    ['amounts whose total cannot be summed exactly', JSON.stringify({ ...FULL_STATS, aid: Array.from({ length: 91 }, () => ({ ...FULL_STATS.aid[1], amount: 1e12 })) }), 'aid'],
    ['an amount above the bound of 1万亿元', JSON.stringify(FULL_STATS).replace('"amount":1000', '"amount":1000000000000.01'), 'donations.amount'],
    ['a third decimal at a large amount', JSON.stringify(FULL_STATS).replace('"amount":1000', '"amount":100000000000.001'), 'donations.amount'],
    ['an amount of 1e400 (Infinity once parsed)', JSON.stringify(FULL_STATS).replace('"amount":1000', '"amount":1e400'), 'donations.amount'],
    ['an amount with three decimals', JSON.stringify(FULL_STATS).replace('"amount":1000', '"amount":10.005'), 'donations.amount'],
  ])('%s: exit 1 naming the field, nothing written, no stack trace', async (_, json, where) => {
    const { file, out } = input(json);
    const result = await zongjie(['draft', file, '-o', out]);
    expect(result.code).toBe(1);
    expect(result.all).not.toMatch(STACK_FRAME);
    expect(result.all).toContain(where);
    expect(result.all).not.toMatch(/unexpected error|意外错误/);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });

  it('a custom template that probes prototypes or misses a partial: exit 1 with the file and line', async () => {
    for (const [body, line] of [
      ['@title x\n# 节\n{{constructor}}\n', 3],
      ['@title x\n# 节\n\n{{> nope}}\n', 4],
      ['@title x\n# 节\n@foo bar\n', undefined],
    ] as const) {
      const { file, out } = input(JSON.stringify(FULL_STATS));
      const template = join(out, '..', 'tpl');
      mkdirSync(template);
      writeFileSync(join(template, 'report.hbs'), body);
      const result = await zongjie(['draft', file, '-o', out, '-t', template]);
      expect(result.code, body).toBe(1);
      expect(result.all).not.toMatch(STACK_FRAME);
      expect(result.all).toContain(line ? `report.hbs:${line}` : 'unknown directive @foo');
      expect(result.all).not.toMatch(/unexpected error|意外错误/);
    }
  });
});
