/**
 * Every number field of the schema, found by walking its JSON Schema (so a
 * field added later is covered without touching this file), against good
 * and bad values: amounts take 0 to 1e12 元 with up to two decimals; more
 * decimals, NaN, ±Infinity, negatives, strings and null are rejected with
 * exactly one issue naming the field's path.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeParseStats, type StatsIssueCode } from '../../src/index.js';
import { FULL_STATS, schemaFields, wherePath, withValue, type FieldKind, type SchemaField } from '../support/schema-fields.js';
import { runs } from './arbitraries.js';

const RUNS = runs(200);

type Kind = Exclude<FieldKind, 'text'>;
const base = FULL_STATS;
const where = wherePath;

const FIELDS = schemaFields().filter((f): f is SchemaField & { kind: Kind } => f.kind !== 'text');

/** Bad values for each kind, with the issue each must give. */
const BAD: Record<Kind, [unknown, StatsIssueCode][]> = {
  amount: [
    [12.345, 'too_many_decimals'],
    [0.001, 'too_many_decimals'],
    [Number.NaN, 'invalid_type'],
    [Number.POSITIVE_INFINITY, 'invalid_type'],
    [Number.NEGATIVE_INFINITY, 'invalid_type'],
    [-0.01, 'too_small'],
    [-1e12, 'too_small'],
    [1e12 + 1, 'too_big'],
    ['4500', 'invalid_type'],
    ['4500元', 'invalid_type'],
    [null, 'invalid_type'],
    [true, 'invalid_type'],
  ],
  percent: [
    [98.165, 'too_many_decimals'],
    [-1, 'too_small'],
    [1000.01, 'too_big'],
    [Number.NaN, 'invalid_type'],
    ['98%', 'invalid_type'],
  ],
  quantity: [
    [7.301, 'too_many_decimals'],
    [-1, 'too_small'],
    [1e13 + 1, 'too_big'],
    [Number.POSITIVE_INFINITY, 'invalid_type'],
    ['7.3万', 'invalid_type'],
  ],
  area: [
    [326.456, 'too_many_decimals'],
    [Number.NaN, 'invalid_type'],
    [Number.POSITIVE_INFINITY, 'invalid_type'],
    [-1, 'too_small'],
    [1e9 + 1, 'too_big'],
    ['5200', 'invalid_type'],
  ],
  count: [
    [1.5, 'not_integer'],
    [-1, 'too_small'],
    [1e9 + 1, 'too_big'],
    [Number.NaN, 'invalid_type'],
    [Number.POSITIVE_INFINITY, 'invalid_type'],
    ['3', 'invalid_type'],
    [null, 'invalid_type'],
  ],
  year: [
    [1999, 'too_small'],
    [2101, 'too_big'],
    [2025.5, 'not_integer'],
    ['2025', 'invalid_type'],
  ],
};

describe('every number field of the schema', () => {
  it('is found: amounts, areas, counts and years', () => {
    const kinds = (k: Kind) => FIELDS.filter((f) => f.kind === k).map((f) => where(f.path));
    expect(kinds('amount')).toEqual(
      expect.arrayContaining(['aid[0].amount', 'aid[0].standard', 'projects[0].funding.central', 'projects[0].investment', 'projects[1].investment.value', 'donations.amount', 'donations.grants.value', 'previousYear.aidAmount', 'schools[0].aid[0].amount']),
    );
    expect(kinds('amount')).toHaveLength(15);
    expect(kinds('area')).toEqual(['projects[0].area', 'projects[1].area.value']);
    expect(kinds('count').length).toBeGreaterThan(30);
    expect(safeParseStats(base).success).toBe(true);
  });

  it('rejects a bad value with exactly one issue naming the field', () => {
    const cases = fc.constantFrom(...FIELDS.flatMap((f) => BAD[f.kind].map(([value, code]) => ({ ...f, value, code }))));
    fc.assert(
      fc.property(cases, ({ path, value, code }) => {
        const result = safeParseStats(withValue(base, path, value));
        expect(result.success).toBe(false);
        const issues = result.success ? [] : result.error.issues;
        expect(issues.map((i) => [i.code, i.where])).toEqual([[code, where(path)]]);
        expect(issues[0]!.message.zh).toContain(where(path));
        expect(issues[0]!.message.en).toContain(where(path));
      }),
      { numRuns: RUNS },
    );
  });

  it('takes any amount from 0 to 1e12 元 with at most two decimals, and any count up to 1e9', () => {
    const amounts = FIELDS.filter((f) => f.kind === 'amount');
    const counts = FIELDS.filter((f) => f.kind === 'count');
    const fen = fc.oneof(fc.constantFrom(0, 1, 50, 99, 100, 1e13, 1e14), fc.nat({ max: 1e8 }), fc.integer({ min: 0, max: 1e14 }));
    fc.assert(
      fc.property(fc.constantFrom(...amounts), fen, ({ path }, f) => {
        expect(safeParseStats(withValue(base, path, f / 100)).success).toBe(true);
      }),
      { numRuns: RUNS },
    );
    fc.assert(
      fc.property(fc.constantFrom(...counts), fc.oneof(fc.constantFrom(0, 1e9), fc.nat({ max: 1e9 })), ({ path }, n) => {
        expect(safeParseStats(withValue(base, path, n)).success).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('rejects totals that could not be summed exactly, naming the list', () => {
    const many = (n: number, amount: number) => Array.from({ length: n }, () => ({ ...base.aid[1]!, amount }));
    const aid = safeParseStats({ ...base, aid: many(91, 1e12) });
    expect(aid.success ? [] : aid.error.issues.map((i) => [i.code, i.where])).toEqual([['too_big', 'aid']]);
    expect(aid.success ? '' : aid.error.message).toContain('资助金额合计过大');
    expect(safeParseStats({ ...base, aid: many(90, 1e12) }).success).toBe(true);
    const projects = Array.from({ length: 91 }, () => ({ ...base.projects[0]!, investment: 1e12, funding: { central: 1e12 } }));
    const result = safeParseStats({ ...base, projects });
    expect(result.success ? [] : result.error.issues.map((i) => [i.code, i.where])).toEqual([['too_big', 'projects']]);
    const schools = Array.from({ length: 91 }, () => ({ name: '常山小学', aid: [{ stage: 'primary', amount: 1e12 }] }));
    const bySchool = safeParseStats({ ...base, schools });
    expect(bySchool.success ? [] : bySchool.error.issues.map((i) => [i.code, i.where])).toEqual([['too_big', 'schools']]);
  });
});
