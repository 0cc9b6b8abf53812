import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { composeReport, parseStats, proofreadStats, renderMarkdown, termsForYear, type Block } from '../../src/index.js';
import { TEXT_CHECKS } from '../../src/proofread/index.js';
import { repeats } from '../../src/proofread/repeats.js';
import { sampleReport } from '../fixtures/sample-report.js';

const example = (name: string) => JSON.parse(readFileSync(new URL(`../../examples/${name}.json`, import.meta.url), 'utf8'));
const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

/** The golden drafts' running text, line by line: tables left out, Markdown heading marks taken off. */
const goldenLines = (md: string) =>
  md
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('|'))
    .map((line) => line.replace(/^#+\s*|^>\s*/, ''));

/** Every text of the hand-built fixture report: title, headings with their run-in text, paragraphs, attachments. */
const modelTexts = (blocks: Block[]): string[] =>
  blocks.flatMap((b) => (b.type === 'paragraph' ? [b.text] : b.type === 'heading' ? [b.number + b.text, ...(b.runIn ? [b.runIn] : [])] : []));

/** Stats written with the slips the real summaries show, one per field. */
const sloppy = () => ({
  ...example('school'),
  year: 2023,
  opening: '20xx年，我校认真落实建档立卡学生资助政策,确保应助尽助。',
  measures: [{ title: '严格程序，规范档案', text: '1、摸清底数。\n2、落实政策。\n3。跟踪帮扶，制定《资助工作制度。' }],
  highlights: ['资金已全部发放到位。。', '2022年3月5日召开资助工作推进会，适龄儿童入学率达到100。'],
  problems: ['①办学经费不足。②教学设施匮乏。②教学设施匮乏。', '部分家长对资助政策了解不够全面，外出务工家庭的申请材料收集不及时。', '部分家长对资助政策了解不够全面，外出务工家庭的申'],
  plans: ['继续为某某镇中心校困难学生做好帮扶。'],
});

describe('proofreadStats', () => {
  it.each(['school', 'bureau'])('finds nothing in examples/%s.json', (name) => {
    expect(proofreadStats(parseStats(example(name)))).toEqual([]);
  });

  it.each(['school.md', 'bureau.md'])('finds nothing in the golden draft %s, line by line and across lines', (name) => {
    const lines = goldenLines(fixture(name));
    expect(lines.length).toBeGreaterThan(30);
    const context = { year: 2025, period: 'year' as const, terms: termsForYear(2025), field: 'measures' };
    expect(lines.flatMap((line) => TEXT_CHECKS.flatMap((check) => check(line, context)))).toEqual([]);
    expect(repeats(lines.map((text, i) => ({ where: `line ${i + 1}`, text })))).toEqual([]);
  });

  it('finds nothing in the hand-built fixture report', () => {
    const texts = [sampleReport.title, ...modelTexts(sampleReport.body), ...sampleReport.attachments.flatMap((a) => [a.title, ...modelTexts(a.blocks)])];
    expect(texts.length).toBeGreaterThan(20);
    const context = { year: sampleReport.meta.year, period: 'year' as const, terms: termsForYear(sampleReport.meta.year), field: 'measures' };
    expect(texts.flatMap((text) => TEXT_CHECKS.flatMap((check) => check(text, context)))).toEqual([]);
    expect(repeats(texts.map((text, i) => ({ where: `text ${i + 1}`, text })))).toEqual([]);
  });

  it('finds each slip, with the path of its field, listed field by field', () => {
    const found = proofreadStats(parseStats(sloppy())).map((w) => `${w.code} ${w.where}`);
    expect(found).toEqual([
      'placeholder_left opening',
      'term_of_other_period opening',
      'halfwidth_punctuation opening',
      'enumeration_mark measures[0].text',
      'unpaired_mark measures[0].text',
      'doubled_punctuation highlights[0]',
      'date_outside_year highlights[1]',
      'percent_missing highlights[1]',
      'text_repeated problems[0]',
      'text_repeated problems[2]',
      'placeholder_left plans[0]',
    ]);
  });

  it('names the field and quotes the slip in both languages', () => {
    const [placeholder, term] = proofreadStats(parseStats(sloppy()));
    expect(placeholder!.message).toEqual({
      zh: 'opening：占位符“20xx”未替换：“20xx年，我校认真落实建档…”',
      en: 'opening: placeholder “20xx” left in: “20xx年，我校认真落实建档…”',
    });
    expect(term!.message.zh).toBe('opening：“建档立卡”是2020年及以前的说法，2023年的报告用“脱贫家庭学生（原建档立卡）”：“…xx年，我校认真落实建档立卡学生资助政策,确保应…”');
  });

  it('never changes the stats it reads', () => {
    const stats = parseStats(sloppy());
    const before = structuredClone(stats);
    proofreadStats(deepFreeze(stats));
    expect(stats).toEqual(before);
  });

  it('accepts the words a caller gives for the period', () => {
    const input = { ...example('school'), year: 2023, signature: { date: '2023-12-26' }, opening: '我校认真落实建档立卡学生资助政策。' };
    expect(proofreadStats(parseStats(input)).map((w) => w.code)).toEqual(['term_of_other_period']);
    const groups = { ...termsForYear(2023).groups, registeredPoor: '建档立卡学生' };
    expect(proofreadStats(parseStats(input), { terms: { groups } })).toEqual([]);
    expect(composeReport(input, { terms: { groups } }).warnings).toEqual([]);
  });
});

describe('composeReport with proofreading', () => {
  it('returns the proofreading warnings among its own', () => {
    const stats = sloppy();
    const { warnings } = composeReport(stats);
    expect(warnings).toEqual(expect.arrayContaining(proofreadStats(parseStats(stats))));
  });

  it('prints every word as the user wrote it, slips and all', () => {
    const stats = sloppy();
    const md = renderMarkdown(composeReport(stats).report);
    const written = [stats.opening, ...stats.measures[0]!.text.split('\n'), ...stats.highlights, ...stats.problems, ...stats.plans];
    for (const text of written) expect(md).toContain(text);
  });
});

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}
