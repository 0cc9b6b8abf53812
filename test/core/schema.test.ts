import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseStats, safeParseStats, StatsError, statsJsonSchema } from '../../src/index.js';

const example = (name: string) => JSON.parse(readFileSync(new URL(`../../examples/${name}.json`, import.meta.url), 'utf8'));

describe('parseStats', () => {
  it('accepts both examples and applies defaults', () => {
    const stats = parseStats(example('school'));
    expect(stats.period).toBe('year');
    expect(stats.trainings).toEqual([]);
    expect(parseStats(example('bureau')).organisation.kind).toBe('bureau');
  });

  it('reports one structured issue per problem: negative count, string amount, unknown stage, missing year', () => {
    const result = safeParseStats({
      organisation: { name: '某小学', kind: 'school' },
      aid: [
        { stage: 'primary', programme: 'nutrition', period: 'spring', students: -3, amount: 100 },
        { stage: 'primary', programme: 'nutrition', period: 'autumn', students: 3, amount: '4500' },
        { stage: 'kindergarten', programme: 'nutrition', period: 'autumn', students: 3, amount: 4500 },
      ],
    });
    expect(result.success).toBe(false);
    const issues = result.success ? [] : result.error.issues;
    expect(issues.map((i) => [i.code, i.where])).toEqual([
      ['required', 'year'],
      ['too_small', 'aid[0].students'],
      ['invalid_type', 'aid[1].amount'],
      ['invalid_value', 'aid[2].stage'],
    ]);
    const amount = issues[2]!;
    expect(amount.expected).toBe('number');
    expect(amount.received).toBe('"4500" (string)');
    expect(amount.message.zh).toContain('aid[1].amount');
    expect(amount.message.zh).toContain('应为数字');
    expect(amount.message.en).toContain('expected number');
    expect(issues[3]!.expected).toContain('"preschool"');
  });

  it('rejects more than two decimals, NaN, Infinity, non-integer counts, unknown fields and impossible dates', () => {
    const result = safeParseStats({
      year: 2025,
      organisation: { name: '某小学', kind: 'school', nmae: 'typo' },
      aid: [
        { stage: 'primary', programme: 'nutrition', period: 'spring', students: 1.5, amount: 12.345 },
        { stage: 'primary', programme: 'nutrition', period: 'spring', students: 1, amount: Number.NaN },
        { stage: 'primary', programme: 'nutrition', period: 'spring', students: 1, amount: Number.POSITIVE_INFINITY },
      ],
      signature: { date: '2025-02-30' },
    });
    expect(result.success).toBe(false);
    const codes = result.success ? [] : result.error.issues.map((i) => `${i.code} ${i.where}`);
    expect(codes).toEqual([
      'unknown_field organisation.nmae',
      'not_integer aid[0].students',
      'too_many_decimals aid[0].amount',
      'invalid_type aid[1].amount',
      'invalid_type aid[2].amount',
      'invalid_date signature.date',
    ]);
  });

  it('accepts 0, two decimals and 1e12 元', () => {
    const base = { year: 2025, organisation: { name: '某县教育局', kind: 'bureau' } };
    for (const amount of [0, 0.01, 375.5, 1e12]) {
      expect(safeParseStats({ ...base, aid: [{ stage: 'senior', programme: 'nationalGrant', period: 'spring', students: 0, amount }] }).success).toBe(true);
    }
  });

  it('throws a StatsError whose message lists every problem in Chinese and English', () => {
    expect(() => parseStats({ year: '2025' })).toThrow(StatsError);
    try {
      parseStats({ year: '2025' });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('year：应为数字');
      expect(message).toContain('year: expected number');
      expect(message).toContain('organisation：缺少必填项');
    }
  });

  it('suggests the field a misspelt one probably meant', () => {
    const result = safeParseStats({
      year: 2025,
      organisation: { name: '某小学', kind: 'school', nmae: 'x' },
      pairing: { teachers: 1, students: 1, homevisits: 3 },
      aid: [{ stage: 'primary', programme: 'nutrition', period: 'spring', students: 1, amount: 10, amuont: 1, zzz: 1 }],
    });
    const issues = result.success ? [] : result.error.issues;
    expect(issues.map((i) => [i.where, i.expected])).toEqual([
      ['organisation.nmae', '"name"'],
      ['aid[0].amuont', '"amount"'],
      ['aid[0].zzz', 'no such field'],
      ['pairing.homevisits', '"homeVisits"'],
    ]);
    expect(issues[3]!.message.zh).toBe('pairing.homevisits：未知字段“homevisits”，是否应为“homeVisits”？');
    expect(issues[3]!.message.en).toBe('pairing.homevisits: unknown field "homevisits" — did you mean "homeVisits"?');
  });

  it('requires a name for custom programmes', () => {
    const result = safeParseStats({
      year: 2025,
      organisation: { name: '某小学', kind: 'school' },
      aid: [{ stage: 'primary', programme: 'custom', period: 'spring', students: 1, amount: 10 }],
    });
    expect(result.success ? [] : result.error.issues.map((i) => i.where)).toEqual(['aid[0].name']);
  });
});

describe('statsJsonSchema', () => {
  it('describes every field in Chinese and lists the enums', () => {
    const schema = statsJsonSchema() as { properties: Record<string, { description?: string }>; required: string[] };
    expect(schema.required).toEqual(expect.arrayContaining(['year', 'organisation']));
    expect(schema.properties.year!.description).toContain('报告年度');
    const text = JSON.stringify(schema);
    expect(text).toContain('"vocational"');
    const undocumented: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (!node || typeof node !== 'object') return;
      const n = node as Record<string, unknown>;
      if (n.properties) {
        for (const [key, value] of Object.entries(n.properties as Record<string, Record<string, unknown>>)) {
          if (!value.description) undocumented.push(`${path}.${key}`);
          walk(value, `${path}.${key}`);
        }
      }
      if (n.items) walk(n.items, `${path}[]`);
      for (const k of ['anyOf', 'oneOf', 'allOf'] as const) if (Array.isArray(n[k])) (n[k] as unknown[]).forEach((x) => walk(x, path));
    };
    walk(schema, '');
    expect(undocumented).toEqual([]);
  });
});
