import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { composeReport, headingNumber, renderMarkdown, type Block } from '../../src/index.js';

/** The examples read as an office would read them. */
describe.each(['school', 'bureau'])('examples/%s.json', (name) => {
  const stats = JSON.parse(readFileSync(new URL(`../../examples/${name}.json`, import.meta.url), 'utf8'));
  const { report, warnings } = composeReport(stats);
  const md = renderMarkdown(report);

  it('composes without warnings', () => {
    expect(warnings).toEqual([]);
  });

  it('has no placeholder, NaN, undefined or escaped text', () => {
    expect(md).not.toMatch(/20xx|xx年|NaN|undefined|null|\[object|&amp;|&lt;|\uE000|\{\{|@block|@attachment/);
  });

  it('numbers headings without gaps, every heading with something under it', () => {
    const check = (blocks: Block[]) => {
      const counters = [0, 0, 0, 0, 0];
      blocks.forEach((block, i) => {
        if (block.type !== 'heading') return;
        counters[block.level]!++;
        for (let l = block.level + 1; l <= 4; l++) counters[l] = 0;
        expect(block.number).toBe(headingNumber(block.level, counters[block.level]!));
        const next = blocks[i + 1];
        const hasContent = block.runIn || (next && (next.type !== 'heading' || next.level > block.level));
        expect(hasContent, `${block.number}${block.text} is empty`).toBeTruthy();
      });
    };
    check(report.body);
    report.attachments.forEach((a) => check(a.blocks));
  });

  it('writes full-width punctuation and no doubled punctuation', () => {
    const prose = md.replace(/\|[^\n]*\|/g, '');
    expect(prose).not.toMatch(/[，。；：、]{2}|[\u4e00-\u9fa5][,;:!?][\u4e00-\u9fa5]/);
    expect(prose).not.toMatch(/\d+(\.\d+)?万余/);
  });

  it('matches the reviewed Markdown', async () => {
    await expect(md).toMatchFileSnapshot(`../fixtures/${name}.md`);
  });
});
