import { describe, expect, it } from 'vitest';
import { nameOutputs } from '../../src/cli/commands/draft.js';
import { JsonSyntaxError, parseJson } from '../../src/cli/json.js';
import { fontPaths, parseFont, parseFormats } from '../../src/cli/options.js';
import { displayWidth } from '../../src/cli/width.js';

/** The CLI's pure parts, in process; everything else runs the built binary. */

function syntaxError(text: string): JsonSyntaxError {
  try {
    parseJson(text, 'f.json');
  } catch (error) {
    if (error instanceof JsonSyntaxError) return error;
    throw error;
  }
  throw new Error('parsed');
}

describe('parseJson', () => {
  it('parses, allowing a byte order mark', () => {
    expect(parseJson('\uFEFF{"a":[1,2]}', 'f.json')).toEqual({ a: [1, 2] });
  });

  it.each([
    ['{"a":1,}', 1, 8],
    ['{\n  "a": 1\n  "b": 2\n}', 2, 9], // the missing comma belongs after the 1
    ['[\n  1,\n  2\n  3\n]', 3, 4],
    ['{"a": 1\n', 1, 8],
    ['[1, 2', 1, 6],
    ['{"a": "x\ny"}', 1, 9],
    ['{"a": 01}', 1, 8],
    ['{"a": 1} x', 1, 10],
    ['{"a": "\\q"}', 1, 9],
    ["{'a': 1}", 1, 2],
  ])('%j: line %i, column %i', (text, line, column) => {
    const error = syntaxError(text);
    expect([error.line, error.column]).toEqual([line, column]);
    expect(error.message).toContain(`f.json:${line}:${column}: `);
    expect(error.reason).not.toMatch(/position|is not valid JSON/);
  });
});

describe('nameOutputs', () => {
  const ok = (file: string, title: string) => ({ file, data: {}, title });

  it('names each output after its title, made safe for file systems', () => {
    const named = nameOutputs([ok('a.json', '甲单位2025年工作总结'), ok('b.json', 'A/B: 总结?')]);
    expect(named.map((p) => ('name' in p ? p.name : undefined))).toEqual(['甲单位2025年工作总结', 'A_B_ 总结_']);
  });

  it('adds the input name to titles that several inputs share, and a number if still shared', () => {
    const named = nameOutputs([ok('x/one.json', '总结'), ok('two.json', '总结'), ok('y/one.json', '总结'), ok('c.json', '另一份'), { file: 'bad.json', error: new Error() }]);
    expect(named.map((p) => ('name' in p ? p.name : 'error'))).toEqual(['总结_one', '总结_two', '总结_one_2', '另一份', 'error']);
  });

  it('treats names differing only in case as the same (macOS and Windows file systems)', () => {
    const named = nameOutputs([ok('a.json', 'Report'), ok('b.json', 'REPORT')]);
    expect(named.map((p) => ('name' in p ? p.name : ''))).toEqual(['Report_a', 'REPORT_b']);
  });
});

describe('option parsers', () => {
  it('-f: comma lists, repeats merged, markdown as md', () => {
    expect(parseFormats('pdf, DOCX', parseFormats('md'))).toEqual(['md', 'pdf', 'docx']);
    expect(parseFormats('markdown,md')).toEqual(['md']);
    expect(() => parseFormats('docx,xls')).toThrow(/docx, pdf, md/);
    expect(() => parseFormats('')).toThrow();
  });

  it('--font: role=path, a repeated role is a fallback chain', () => {
    const fonts = parseFont('body=/b2.ttf', parseFont('title=t.ttf', parseFont('body=/b1.ttf')));
    expect(fonts.body).toEqual(['/b1.ttf', '/b2.ttf']);
    expect(fonts.title).toEqual([expect.stringMatching(/\/t\.ttf$/)]);
    expect(() => parseFont('serif=a.ttf')).toThrow(/title, body/);
    expect(() => parseFont('body=')).toThrow();
    expect(() => parseFont('a.ttf')).toThrow();
  });

  it('--font: a face in a collection is checked as its file', () => {
    expect(fontPaths(parseFont('body=/f/simsun.ttc#SimSun', parseFont('title=/f/a.ttf')))).toEqual(['/f/a.ttf', '/f/simsun.ttc']);
  });
});

it('displayWidth counts CJK characters as two columns', () => {
  expect(displayWidth('ab')).toBe(2);
  expect(displayWidth('工作总结')).toBe(8);
  expect(displayWidth('\u001b[1m粗\u001b[0m')).toBe(2);
});
