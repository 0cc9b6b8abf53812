import { describe, expect, it } from 'vitest';
import { columnShares } from '../../src/layout/plan/index.js';
import { columnWidths } from '../../src/render/docx/table.js';
import { emWidth } from '../../src/layout/measure.js';
import { titleLines } from '../../src/layout/title.js';

describe('emWidth', () => {
  it('counts Chinese as one em, digits as half, and the space Word puts between them', () => {
    expect(emWidth('青山县教育局')).toBe(6);
    expect(emWidth('2025')).toBe(2);
    expect(emWidth('2025年12月20日')).toBe(8.25);
    expect(emWidth('附件：')).toBe(3);
  });
});

describe('columnShares and columnWidths', () => {
  it('shares the width by weight in whole twips that add up', () => {
    expect(columnWidths(columnShares([{ weight: 1 }, { weight: 3 }]), 8844)).toEqual([2211, 6633]);
    expect(columnWidths(columnShares([{}, {}, {}]), 8844)).toEqual([2948, 2948, 2948]);
    const odd = columnWidths(columnShares([3, 4, 2, 2, 3].map((weight) => ({ weight }))), 8845);
    expect(odd.reduce((a, b) => a + b, 0)).toBe(8845);
  });

  it('counts a weight left out, zero or negative as 1, in both renderers alike', () => {
    expect(columnShares([{ weight: 0 }, { weight: -2 }, {}, { weight: 1 }])).toEqual([0.25, 0.25, 0.25, 0.25]);
  });
});

describe('titleLines', () => {
  it('leaves a title that fits on one line', () => {
    expect(titleLines('青山县教育局2025年教育帮扶工作总结', 20)).toEqual(['青山县教育局2025年教育帮扶工作总结']);
  });

  it('breaks after the year rather than inside a word, first line shorter', () => {
    const lines = titleLines('青山县教育局关于2025年度学生资助和教育帮扶工作情况的总结报告', 20, '青山县教育局');
    expect(lines).toEqual(['青山县教育局关于2025年度', '学生资助和教育帮扶工作情况的总结报告']);
  });

  it('keeps words of the field whole', () => {
    expect(titleLines('青山县教育局2025年巩固拓展教育脱贫攻坚成果同乡村振兴有效衔接工作总结', 20)).toEqual([
      '青山县教育局2025年巩固拓展教育',
      '脱贫攻坚成果同乡村振兴有效衔接工作总结',
    ]);
  });

  it('never splits a number, never starts a line with closing punctuation, and keeps every character', () => {
    const title = '关于印发《青山县学生资助工作管理办法（试行）》的通知和2025年12345678资助计划';
    for (const capacity of [8, 12, 16, 20]) {
      const lines = titleLines(title, capacity);
      expect(lines.join('')).toBe(title);
      for (const line of lines) {
        expect(line).not.toMatch(/^[，。、；：？！）》]/);
        expect(emWidth(line)).toBeLessThanOrEqual(capacity + 4); // a 4-em number may overhang the tiny capacities
      }
      expect(lines.some((l) => l.includes('12345678'))).toBe(true);
    }
  });

  it('makes a trapezoid: no two lines of the same width', () => {
    const lines = titleLines('青山县教育局关于加强和改进新时代学生资助育人工作的实施意见', 20, '青山县教育局');
    expect(lines).toHaveLength(2);
    expect(emWidth(lines[0]!)).toBeLessThan(emWidth(lines[1]!));
  });
});
