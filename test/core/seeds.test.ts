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
import { textShares } from '../support/share.js';

interface Seed {
  /** Figures the seed states, as the draft must print them. */
  figures: string[];
  /** What the draft warns about (code and field). */
  warnings: string[];
  /** The share of the draft's text that comes from data, in percent with one decimal (docs/truthfulness.md). */
  share: number;
}

const SEEDS: Record<string, Seed> = {
  'seed-01': {
    figures: ['七项举措', '5至10户', '10分', '13年免费教育', '1至2名', '6000人次', '“爱心扶贫基金”'],
    warnings: ['no_signature signature'],
    share: 3.9,
  },
  'seed-02': {
    figures: ['8000余份', '100%', '《教育扶贫走访制度》'],
    warnings: ['no_signature signature'],
    share: 7.2,
  },
  'seed-05': {
    figures: ['2019年秋季学期', '幼儿1人', '1户', '12月31日'],
    warnings: [],
    share: 9.4,
  },
  'seed-06': {
    figures: ['25所', '4所', '216所', '145个', '100%', '98.16%', '81.4%', '7亿多元', '5.1万平方米', '7.3万册', '9.25万件', '48所', '89个', '1万多平方米', '近百名', '930多万元', '260多万元', '近3000人次', '13万多平方米', '30%多', '500元', '620元'],
    warnings: ['no_signature signature'],
    share: 17.3,
  },
  'seed-07': {
    figures: [
      '296人', '434人', '49名', '2.94万元', '457名', '24.67万元', '314名', '17.13万元', '771人次', '41.8万元',
      '180名', '7.42万元', '155名', '6.44万元', '335人次', '13.86万元', '43名', '6.45万元', '54名', '8.1万元', '18名', '3.93万元', '115人次', '18.48万元',
      '23名', '3.45万元', '14名', '1.4万元', '12名', '1.2万元', '26人次', '2.6万元',
      '450万元', '250.00', '154万元', '46万元', '15所', '10051平方米', '潘勇、宋礼艳两名教师', '58号',
    ],
    warnings: [],
    share: 50.1,
  },
  'seed-08': {
    figures: ['班级7个', '1个班、22人', '6个班、147人', '9名', '500元', '4500元', '6名', '375元', '2250元', '幼儿2名', '幼儿4名', '147名', '2名', '11户'],
    warnings: [],
    share: 17.1,
  },
  'seed-13': {
    figures: ['2019年春季学期', '班级4个', '2个班、6人', '6名', '400元', '2400元', '375元', '2250元', '33名', '12户', '2019年7月10日'],
    warnings: ['aided_exceeds_enrolled aid[2].students'],
    share: 25.8,
  },
  'seed-14': {
    figures: ['2020年春季学期', '4002人', '354人', '2033人', '1169人', '375人', '71人', '190人', '26户', '23户', '25人', '14人', '5人', '4人', '8所', '200人', '70%以上', '1040人次', '74名', '42人', '46人'],
    warnings: ['parts_do_not_add_up aidedGroups[0].students'],
    share: 40.5,
  },
};

/** `figure` stands in `text` whole: no digit or decimal point right before or after it. */
function hasFigure(text: string, figure: string): boolean {
  const escaped = figure.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![0-9.])${escaped}(?![0-9])`).test(text);
}

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

  it(`has ${seed.share}% of its text from data (docs/truthfulness.md)`, () => {
    expect(textShares(report, stats).data).toBe(seed.share);
  });
});
