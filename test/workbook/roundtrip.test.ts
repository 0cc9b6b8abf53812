/**
 * JSON → workbook → JSON gives the same stats: both examples, the stats in
 * which every field of the schema is present, and random valid stats. And
 * every field of the schema has its place in the workbook (or is listed as
 * not there), found by walking the JSON Schema, so a field added later
 * without its line in sheets.ts fails here.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseStats, statsJsonSchema, type YearlyStatsInput } from '../../src/schema/index.js';
import { NOT_IN_WORKBOOK, parseWorkbook, safeParseWorkbook, SHEETS, writeWorkbook } from '../../src/workbook/index.js';
import { runs, statsInput } from '../property/arbitraries.js';
import { FULL_STATS } from '../support/schema-fields.js';

const example = (name: string) => {
  const { $schema: _, ...stats } = JSON.parse(readFileSync(new URL(`../../examples/${name}.json`, import.meta.url), 'utf8'));
  return stats as YearlyStatsInput;
};

async function roundTrip(input: YearlyStatsInput) {
  const result = await safeParseWorkbook(await writeWorkbook(input));
  if (!result.success) throw result.error;
  expect(result.workbook.notices).toEqual([]);
  return result;
}

describe('JSON → XLSX → JSON', () => {
  it.each(['school', 'bureau'])('the %s example reads back to the same stats, and to the same input', async (name) => {
    const input = example(name);
    const { data, workbook } = await roundTrip(input);
    expect(data).toEqual(parseStats(input));
    // Nothing added or dropped: the same JSON, key for key.
    expect(workbook.input).toEqual(input);
  });

  it('stats with every field of the schema read back the same', async () => {
    const { $schema: _, ...input } = FULL_STATS as Record<string, unknown>;
    const { data } = await roundTrip(input as unknown as YearlyStatsInput);
    expect(data).toEqual(parseStats(input));
  });

  it('Chinese labels in the JSON are written as labels and read back as codes', async () => {
    const input = { ...example('school'), aid: [{ stage: '小学', programme: '营养改善计划', period: '春季学期', students: 418, amount: 209000 }] } as YearlyStatsInput;
    const { data } = await roundTrip(input);
    expect(data.aid).toEqual([{ stage: 'primary', programme: 'nutrition', period: 'spring', students: 418, amount: 209000 }]);
  });

  it('random valid stats read back the same', async () => {
    await fc.assert(
      fc.asyncProperty(statsInput, async (input) => {
        const { data } = await roundTrip(input);
        // An empty object or list (`funding: {}`, `names: []`) states nothing and has no cells: it reads back as absent.
        expect(withoutEmpty(data)).toEqual(withoutEmpty(parseStats(input)));
      }),
      { numRuns: runs(20) },
    );
  });

  it('an empty workbook of each kind reads as no stats at all, with no notices', async () => {
    for (const kind of ['school', 'bureau'] as const) {
      const workbook = await parseWorkbook(await writeWorkbook(undefined, { kind }));
      expect(workbook.input).toEqual({});
      expect(workbook.issues).toEqual([]);
      expect(workbook.notices).toEqual([]);
    }
  });
});

function withoutEmpty(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutEmpty);
  if (!value || typeof value !== 'object') return value;
  const entries = Object.entries(value).map(([k, v]) => [k, withoutEmpty(v)] as const);
  return Object.fromEntries(entries.filter(([, v]) => !(v && typeof v === 'object' && Object.keys(v).length === 0)));
}

/** Every leaf of the stats' JSON Schema, arrays as `[]` and record keys by name: "aid[].byGroup.relieved". */
function schemaLeaves(): string[] {
  type Node = Record<string, unknown>;
  const out = new Set<string>();
  const isRough = (node: Node) =>
    Array.isArray(node.anyOf) && (node.anyOf as Node[]).some((b) => b.type === 'object' && (b.properties as Node | undefined)?.approx !== undefined);
  const walk = (node: Node, path: string) => {
    if (isRough(node)) return void out.add(path); // a figure or { value, approx }: one cell
    if (node.type === 'object' && node.properties) {
      for (const [key, child] of Object.entries(node.properties as Record<string, Node>)) walk(child, path ? `${path}.${key}` : key);
      return;
    }
    if (node.type === 'object' && node.propertyNames) {
      // A record keyed by a vocabulary: one place per code (the labels are the same keys spelt otherwise).
      const codes = ((node.propertyNames as Node).enum as string[]).filter((k) => /^[A-Za-z]/.test(k));
      for (const key of codes) walk(node.additionalProperties as Node, `${path}.${key}`);
      return;
    }
    if (node.type === 'array' && (node.items as Node).type !== 'string') return walk(node.items as Node, `${path}[]`);
    if (Array.isArray(node.anyOf)) return (node.anyOf as Node[]).forEach((branch) => walk(branch, path));
    out.add(path);
  };
  walk(statsJsonSchema() as Node, '');
  return [...out].sort();
}

/** Every field the workbook maps, in the same spelling. */
function mappedFields(): string[] {
  return SHEETS.flatMap((sheet) => {
    switch (sheet.layout) {
      case 'form':
        return sheet.fields.map((f) => f.field);
      case 'lists':
        return sheet.columns.map((c) => c.field);
      case 'record':
        return Object.keys(sheet.key.type.labels).map((key) => `${sheet.path}.${key}`);
      case 'table':
        return [...sheet.columns.map((c) => `${sheet.path}[].${c.field.replace(/\[\]$/, '')}`), ...Object.values(sheet.total?.fields ?? {})];
    }
  });
}

describe('the mapping', () => {
  it('every field of the schema is in the workbook or listed as not in it', () => {
    const mapped = new Set(mappedFields());
    const missing = schemaLeaves().filter((leaf) => !mapped.has(leaf) && !(leaf in NOT_IN_WORKBOOK));
    expect(missing).toEqual([]);
  });

  it('the workbook maps no field the schema does not have', () => {
    const leaves = new Set(schemaLeaves());
    expect(mappedFields().filter((f) => !leaves.has(f))).toEqual([]);
  });

  it('sheet names are unique, at most 31 characters, and headers unique within a sheet', () => {
    const names = SHEETS.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    for (const sheet of SHEETS) {
      expect(sheet.name.length).toBeLessThanOrEqual(31);
      const headers = sheet.layout === 'table' || sheet.layout === 'lists' ? sheet.columns.map((c) => c.header) : sheet.layout === 'form' ? sheet.fields.map((f) => f.header) : [];
      expect(new Set(headers).size).toBe(headers.length);
    }
  });
});
