/**
 * The seed corpus: eight of the real summaries our users write (the
 * education ones of the seed file), each mapped by hand into a stats file
 * (test/fixtures/seeds/seed-NN.json), drafted and read back as the office
 * would: every figure the seed states is in the draft, written as an office
 * writes it (from the data where the schema holds it, else in the clerk's
 * own text), and no generated sentence states a number the file does not
 * give or a claim no field makes. What share of each draft comes from data
 * is measured in docs/truthfulness.md; the figures there are pinned here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { composeReport, deriveFacts, parseStats, renderMarkdown, type Heading } from '../../src/index.js';
import { stockClaims, unbacked } from '../support/backing.js';
import { figuresFromData, hasFigure, textShares } from '../support/share.js';

interface Seed {
  /** Figures the seed states, as the draft must print them. */
  figures: string[];
  /** What the draft warns about (code and field). */
  warnings: string[];
  /** The share of the draft's text that comes from data, in percent with one decimal (docs/truthfulness.md). */
  share: number;
  /** How many of the figures with a number in them the draft prints from data (docs/truthfulness.md). */
  fromData: number;
}

/** Per seed: the figures it states, the warnings its draft gives, and what docs/truthfulness.md reports of it. */
const SEEDS = JSON.parse(readFileSync(new URL('../fixtures/seeds/expected.json', import.meta.url), 'utf8')) as Record<string, Seed>;


describe.each(Object.entries(SEEDS))('%s', (name, seed) => {
  const input = JSON.parse(readFileSync(new URL(`../fixtures/seeds/${name}.json`, import.meta.url), 'utf8'));
  const stats = parseStats(input);
  const facts = deriveFacts(stats);
  const { report, warnings } = composeReport(input);
  const md = renderMarkdown(report);

  it('prints every figure the seed states, as an office writes it', () => {
    for (const figure of seed.figures) expect(hasFigure(md, figure), figure).toBe(true);
  });

  it('states no number the file does not give, no 0 and no stock claim', () => {
    expect(unbacked(report, stats, facts)).toEqual([]);
    expect(stockClaims(report, stats)).toEqual([]);
    // A semester's or a school year's report never speaks of the whole year.
    if (stats.period !== 'year') expect(md).not.toContain('全年');
  });

  it('warns of what the seed gets wrong, and of nothing else', () => {
    expect(warnings.map((w) => `${w.code} ${w.where}`)).toEqual(seed.warnings);
  });

  it('has no heading over nothing, and siblings alike', () => {
    const body = report.body;
    body.forEach((block, i) => {
      if (block.type !== 'heading') return;
      const next = body[i + 1];
      expect(block.runIn || (next && (next.type !== 'heading' || next.level > block.level)), `${block.number}${block.text}`).toBeTruthy();
    });
    // Among headings of one level under one parent, either all run in or none does.
    const groups = new Map<string, Heading[]>();
    let parents: number[] = [];
    body.forEach((block, i) => {
      if (block.type !== 'heading') return;
      parents = parents.slice(0, block.level - 1);
      const key = `${parents.join('/')}:${block.level}`;
      groups.set(key, [...(groups.get(key) ?? []), block]);
      parents[block.level - 1] = i;
    });
    for (const siblings of groups.values()) expect(new Set(siblings.map((h) => h.runIn !== undefined)).size).toBe(1);
  });

  it(`has ${seed.share}% of its text and ${seed.fromData} of its figures from data (docs/truthfulness.md)`, () => {
    expect(textShares(report, stats).data).toBe(seed.share);
    expect(figuresFromData(report, stats, seed.figures.filter((f) => /[0-9百]/.test(f)))).toHaveLength(seed.fromData);
  });
});
