import { describe, expect, it } from 'vitest';
import { composeReport } from '../../src/compose/index.js';
import { CLOSING_KEEPS_LINES, planReport, type TableBlock, type TextBlock } from '../../src/layout/plan/index.js';
import { defineProfile } from '../../src/layout/profile.js';
import { amountCell, countCell, textCell, type Report } from '../../src/model/index.js';
import { planMarkdown } from '../../src/render/markdown/index.js';
import { planLines, renderLines } from '../../src/render/text/index.js';
import { sampleReport } from '../fixtures/sample-report.js';
import { SHAPES } from '../fixtures/shapes.js';

const texts = (report: Report) => planReport(report).blocks.filter((b): b is TextBlock => b.kind === 'text');

describe('planReport', () => {
  it('places the report in reading order: title, body, note, 落款, then each attachment on a new page', () => {
    const plan = planReport(sampleReport);
    const kinds = plan.blocks.map((b) => (b.kind === 'text' ? b.style : b.kind));
    expect(kinds[0]).toBe('title');
    const signature = kinds.indexOf('signature');
    expect(kinds.indexOf('note')).toBeLessThan(signature);
    expect(kinds.lastIndexOf('body')).toBeLessThan(kinds.indexOf('note'));
    const labels = plan.blocks.filter((b): b is TextBlock => b.kind === 'text' && b.style === 'label');
    expect(labels.map((l) => l.runs[0]!.text)).toEqual(['附件1', '附件2']);
    expect(labels.every((l) => l.pageBreakBefore && l.keep.withNext)).toBe(true);
    expect(kinds.indexOf('label')).toBeGreaterThan(signature);
  });

  it('keeps two lines of text with the 落款: a short paragraph before a one-line 特此报告。 goes over whole', () => {
    const plan = planReport(sampleReport);
    const kept = plan.blocks.filter((b): b is TextBlock => b.kind === 'text' && b.keep.lastLines !== undefined);
    expect(kept).toHaveLength(1);
    // 四、下一步工作打算's paragraph (three lines), whole and with what follows; 特此报告。 with the 落款.
    expect(kept[0]!.runs[0]!.text).toMatch(/^一是健全防止返贫致贫监测帮扶机制/);
    expect(kept[0]!.keep).toEqual({ withNext: true, lastLines: Number.POSITIVE_INFINITY, whole: true });
    const close = plan.blocks[plan.blocks.indexOf(kept[0]!) + 1] as TextBlock;
    expect(close.runs[0]!.text).toBe('特此报告。');
    expect(close.keep).toEqual({ withNext: true });

    // A long paragraph before it gives its last two lines, not all of it.
    const long = '一是健全防止返贫致贫监测帮扶机制，做到应助尽助。'.repeat(12);
    const body = [...sampleReport.body.slice(0, -2), { type: 'paragraph' as const, text: long }, sampleReport.body.at(-1)!];
    const longPlan = planReport({ ...sampleReport, body });
    const [longKept] = longPlan.blocks.filter((b) => b.keep.lastLines !== undefined);
    expect(longKept!.keep).toEqual({ withNext: false, lastLines: CLOSING_KEEPS_LINES });
    expect(CLOSING_KEEPS_LINES).toBe(2);

    // A last paragraph of several lines keeps its own last two lines.
    const noClose = planReport({ ...sampleReport, body: sampleReport.body.slice(0, -1) });
    const [own] = noClose.blocks.filter((b) => b.keep.lastLines !== undefined);
    expect((own as TextBlock).runs[0]!.text).toMatch(/^一是健全/);
    expect(own!.keep.lastLines).toBe(CLOSING_KEEPS_LINES);

    // Without a 落款 or an attachment note, nothing is carried over.
    const bare = planReport({ ...sampleReport, signature: undefined, attachments: [] });
    expect(bare.blocks.some((b) => b.keep.lastLines !== undefined || b.keep.whole)).toBe(false);
  });

  it('keeps a heading that stands alone with what follows, and lets a run-in heading go with its text', () => {
    for (const block of texts(sampleReport).filter((b) => b.style.startsWith('heading'))) {
      expect(block.keep.withNext, block.runs[0]!.text).toBe(block.runs.length === 1);
      expect(block.outline).toBeDefined();
    }
  });

  it('sets the subtitle in 楷体 (the level-2 heading role), centred, for both renderers', () => {
    const [subtitle] = texts({ ...sampleReport, subtitle: '——巩固拓展教育脱贫攻坚成果' }).filter((b) => b.style === 'subtitle');
    expect(subtitle).toMatchObject({ align: 'center', runs: [{ role: 'heading2' }] });
  });

  it('indents in grid characters from the profile, and places the 落款 by GB/T 9704 §7.3.5.2', () => {
    const wide = planReport(sampleReport, defineProfile({ indentChars: 3 }));
    const body = wide.blocks.find((b): b is TextBlock => b.kind === 'text' && b.style === 'body')!;
    expect(body.indent).toEqual({ first: 3, rest: 0, right: 0 });
    const [issuer, date] = wide.blocks.filter((b): b is TextBlock => b.kind === 'text' && b.style === 'signature');
    // 青山县教育局 (6) is shorter than 2025年12月20日: the date keeps 3 characters (the indent) from the right.
    expect(date).toMatchObject({ align: 'right', indent: { right: 3 } });
    expect(issuer!.indent.right).toBeGreaterThan(3);
  });

  it('shares out table columns by weight (unset, zero or negative: 1), numbers right, text as its column says', () => {
    const report: Report = {
      ...sampleReport,
      attachments: [],
      body: [
        {
          type: 'table',
          columns: [
            { title: '名称', align: 'left', weight: 0 },
            { title: '人数', align: 'left' },
            { title: '金额', align: 'left', weight: 2 },
          ],
          rows: [[textCell('石桥'), countCell(418), amountCell(37550, '元')], ['沙河', '12', '3']],
          footer: ['合计', countCell(430), amountCell(37850, '元')],
        },
      ],
    };
    const table = planReport(report).blocks.find((b): b is TableBlock => b.kind === 'table')!;
    expect(table.columns).toEqual([0.25, 0.25, 0.5]);
    expect(table.rows.map((r) => r.cells.map((c) => c.align))).toEqual([
      ['center', 'center', 'center'],
      ['left', 'right', 'right'],
      ['left', 'left', 'left'],
      ['center', 'right', 'right'],
    ]);
    expect(table.rows[1]!.cells.map((c) => c.text)).toEqual(['石桥', '418', '375.50']);
    expect(table.rows.map((r) => r.ruleAbove)).toEqual(['heavy', 'thin', 'thin', 'heavy']);
  });

  it('sets a chart as a table of its data when there is no chart drawer, and draws it when there is one', () => {
    const report = composeReport(JSON.parse(JSON.stringify(SHAPES.find((s) => s.name === 'three-attachments')!.stats))).report;
    const figure = report.attachments[0]!.blocks.find((b) => b.type === 'figure');
    expect(figure).toMatchObject({ type: 'figure', caption: '各学段学生资助资金', chart: { unit: '万元' } });
    const plain = planReport(report);
    expect(plain.blocks.some((b) => b.kind === 'figure')).toBe(false);
    expect(planLines(plain)).toContain('学段 资助资金');
    const drawn = planReport(report, undefined, { drawChart: (chart, size) => `<svg width="${size.widthPt}">${chart.bars.length}</svg>` });
    const placed = drawn.blocks.find((b) => b.kind === 'figure');
    expect(placed).toMatchObject({ kind: 'figure', svg: expect.stringContaining('<svg'), keep: { withNext: true } });
  });

  it('is what the text and Markdown renderers print', () => {
    expect(planLines(planReport(sampleReport))).toEqual(renderLines(sampleReport));
    expect(planMarkdown(planReport(sampleReport))).toContain('## 一、基本情况');
  });
});
