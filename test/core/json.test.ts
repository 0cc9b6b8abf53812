/**
 * JSON from bytes, as offices save it: the core reader the CLI, a server and
 * the browser share (src/input). Decoded correctly or refused with a clear
 * error, never mojibake; a key given twice is an error naming it and its lines.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { JsonSyntaxError, parseJson, parseJsonBytes, parseStats, TextEncodingError } from '../../src/index.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/encodings/${name}`, import.meta.url));
const school = readFileSync(new URL('../../examples/school.json', import.meta.url), 'utf8');
const expected = JSON.parse(school);

function failure<T extends Error>(run: () => unknown, type: new (...args: never[]) => T): T {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(type);
    return error as T;
  }
  throw new Error('did not fail');
}

describe('a key given twice', () => {
  it('is an error naming the key and both lines, not the last value silently', () => {
    const text = '{\n  "year": 2025,\n  "donations": {\n    "amount": 4500,\n    "amount": 45000\n  }\n}';
    const error = failure(() => parseJson(text, 'stats.json'), JsonSyntaxError);
    expect(error).toMatchObject({ file: 'stats.json', line: 5, column: 5, duplicate: { key: 'amount', firstLine: 4 } });
    expect(error.message).toContain('stats.json:5:5');
    expect(error.message).toContain('"amount"');
    expect(error.message).toMatch(/第 4 行.*line 4/);
    expect(error.excerpt[0]).toBe('5 |     "amount": 45000');
  });

  it('compares keys as decoded, and only within one object', () => {
    expect(failure(() => parseJson('{"a": 1, "\\u0061": 2}'), JsonSyntaxError).duplicate?.key).toBe('a');
    expect(parseJson('{"a": {"a": 1}, "b": [{"a": 1}, {"a": 2}]}')).toEqual({ a: { a: 1 }, b: [{ a: 1 }, { a: 2 }] });
  });

  it('is found at any depth', () => {
    const deep = `${'['.repeat(5000)}{"k": 1, "k": 2}${']'.repeat(5000)}`;
    expect(failure(() => parseJson(deep), JsonSyntaxError).duplicate?.key).toBe('k');
  });
});

describe('text encodings', () => {
  it('UTF-8 with and without a byte order mark', () => {
    const bytes = new TextEncoder().encode(school);
    expect(parseJsonBytes(bytes).value).toEqual(expected);
    expect(parseJsonBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]))).toEqual({ value: expected, encoding: 'utf-8' });
  });

  it('UTF-16, little and big endian, with a byte order mark or without', () => {
    const le = Buffer.from(`\uFEFF${school}`, 'utf16le');
    const be = Buffer.from(le).swap16();
    expect(parseJsonBytes(le)).toEqual({ value: expected, encoding: 'utf-16le' });
    expect(parseJsonBytes(be)).toEqual({ value: expected, encoding: 'utf-16be' });
    expect(parseJsonBytes(le.subarray(2)).value).toEqual(expected);
    expect(parseJsonBytes(be.subarray(2)).value).toEqual(expected);
  });

  it('GBK and GB18030 (what Chinese Windows saves as "ANSI") decode to the same stats', () => {
    const gbk = parseJsonBytes(fixture('school.gbk.json'));
    expect(gbk).toEqual({ value: expected, encoding: 'gb18030' });
    expect(parseStats(gbk.value).organisation.name).toBe('云溪县石桥镇中心小学');
    // A four-byte GB18030 character beyond GBK.
    expect((parseJsonBytes(fixture('school.gb18030.json')).value as typeof expected).organisation.name).toBe('云溪县𠮷祥镇中心小学');
  });

  it.each([
    ['Big5', 'name.big5.json'],
    ['Shift-JIS', 'name.shift_jis.json'],
    ['Latin-1', 'name.latin1.json'],
  ])('%s is refused with a clear error, never read as mojibake', (_, name) => {
    const error = failure(() => parseJsonBytes(fixture(name), name), TextEncodingError);
    expect(error.message).toContain(name);
    expect(error.message).toContain('UTF-8');
    expect(error.message).toMatch(/另存为/);
  });

  it('refuses UTF-32, binary and broken UTF-16, saying where', () => {
    expect(failure(() => parseJsonBytes(new Uint8Array([0xff, 0xfe, 0, 0, 0x7b, 0, 0, 0])), TextEncodingError).message).toContain('UTF-32');
    const binary = failure(() => parseJsonBytes(new Uint8Array([0x7b, 0x0a, 0x22, 0x61, 0, 0x22, 0x7d]), 'x.json'), TextEncodingError);
    expect([binary.line, binary.column]).toEqual([2, 3]);
    expect(failure(() => parseJsonBytes(new Uint8Array([0xff, 0xfe, 0x7b, 0, 0x00, 0xd8, 0x7d, 0])), TextEncodingError).message).toMatch(/UTF-16/);
  });

  it('reports invalid UTF-8 after a byte order mark with its line and column', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('{\n"名": "'), 0xff, 0x22, 0x7d]);
    const error = failure(() => parseJsonBytes(bytes, 'b.json'), TextEncodingError);
    expect([error.line, error.column]).toEqual([2, 7]);
  });
});
