/**
 * The TemplateView is the contract custom templates are written against:
 * its type is declared (src/compose/template-view.ts) and `buildView` must
 * give exactly that type; its shape for a full report is pinned in a file,
 * so a change to what templates see is a reviewed change; and on any valid
 * stats it keeps its promises — every key present, nothing undefined, no
 * figure 0, money in whole 分.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { termsForYear, type TemplateView } from '../../src/index.js';
import { buildView } from '../../src/compose/view.js';
import { deriveFacts, parseStats } from '../../src/index.js';
import { runs, statsInput } from '../property/arbitraries.js';
import { FULL_STATS } from '../support/schema-fields.js';

const TABLES = { aid: null, projects: null, trainings: null, schools: null, schoolHighlights: null };

function viewOf(input: unknown): TemplateView {
  const stats = parseStats(input);
  return buildView(stats, deriveFacts(stats), termsForYear(stats.year), TABLES);
}

/** Each path of a value with the type found there: arrays by their first item, "number|null" where a value may be absent. */
function shape(value: unknown, path = '', out = new Map<string, Set<string>>()): Map<string, Set<string>> {
  const add = (type: string) => (out.get(path) ?? out.set(path, new Set()).get(path)!).add(type);
  if (value === null) add('null');
  else if (Array.isArray(value)) {
    add('array');
    for (const item of value) shape(item, `${path}[]`, out);
  } else if (typeof value === 'object') {
    add('object');
    for (const [k, v] of Object.entries(value as object)) shape(v, path ? `${path}.${k}` : k, out);
  } else add(typeof value);
  return out;
}

const render = (m: Map<string, Set<string>>) => [...m].map(([path, types]) => `${path}: ${[...types].sort().join('|')}`).sort().join('\n') + '\n';

describe('TemplateView', () => {
  it('is the type buildView gives', () => {
    expectTypeOf<ReturnType<typeof buildView>>().toEqualTypeOf<TemplateView>();
  });

  it('has the pinned shape for stats that fill every field, and for both examples', async () => {
    const example = (name: string) => JSON.parse(readFileSync(new URL(`../../examples/${name}.json`, import.meta.url), 'utf8'));
    const all = new Map<string, Set<string>>();
    for (const input of [FULL_STATS, example('bureau'), example('school')]) shape(viewOf(input), '', all);
    await expect(render(all)).toMatchFileSnapshot('../fixtures/template-view.shape.txt');
  });

  it('keeps its promises on any valid stats: every key present, nothing undefined, no 0, money in whole 分', () => {
    const keys = Object.keys(viewOf(FULL_STATS)).sort();
    fc.assert(
      fc.property(statsInput, (input) => {
        const view = viewOf(input);
        expect(Object.keys(view).sort()).toEqual(keys);
        const walk = (v: unknown, path: string): void => {
          expect(v, path).not.toBeUndefined();
          if (typeof v === 'number') {
            // A figure is never 0 (absent is null), except a rate the office states as 0%.
            if (!/rates\.items\[\]\.value\.value$/.test(path)) expect(v, path).not.toBe(0);
            if (/(^|\.)fen$/.test(path)) expect(Number.isSafeInteger(v), path).toBe(true);
          } else if (Array.isArray(v)) v.forEach((x) => walk(x, `${path}[]`));
          else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, path ? `${path}.${k}` : k);
        };
        walk(view, '');
      }),
      { numRuns: runs(200) },
    );
  });
});
