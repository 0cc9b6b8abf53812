import { beforeAll, describe, expect, it } from 'vitest';
import { GBT9704 } from '../../src/layout/profile.js';
import type { FontSet } from '../../src/render/pdf/index.js';
import { createSetter, type Setter } from '../../src/render/pdf/setter.js';
import { breakLines } from '../../src/render/pdf/text/breaker.js';
import { FORBIDDEN_END, FORBIDDEN_START, HANGING, autoSpaceTwips, charTwips } from '../../src/layout/line.js';
import type { Item } from '../../src/render/pdf/text/items.js';
import { BREAKING_PARAGRAPHS } from '../fixtures/paragraphs.js';
import { defaultFonts, hasDefaultFonts } from '../support/pdf-fonts.js';

const ok = hasDefaultFonts('PDF line breaking');
const text = (line: readonly Item[]) => line.map((i) => i.ch).join('');
const isCjk = (ch: string) => /[\p{Script=Han}\u3000-\u303f\uff01-\uff60“”‘’—…·]/u.test(ch);
const numeric = /[0-9.%]/;

describe.skipIf(!ok)('line breaking on the grid', () => {
  let fonts: FontSet;
  let setter: Setter;
  const paragraphs = BREAKING_PARAGRAPHS;
  beforeAll(async () => {
    fonts = await defaultFonts();
    setter = createSetter(GBT9704, fonts);
  });

  const breakAll = () => {
    const indent = 2 * setter.charPt;
    return paragraphs.map((p) => breakLines(setter.items(p, 'body'), { firstPt: setter.widthPt - indent, restPt: setter.widthPt }).map((l) => l.items));
  };
  /** A line's width as the DOCX sets it, in twips, a hanging mark left out. */
  const docxWidth = (line: readonly Item[]) => {
    const hang = HANGING.has(line.at(-1)!.ch) ? 1 : 0;
    return line.slice(0, line.length - hang).reduce((sum, item, i, all) => sum + charTwips(item.ch, 16, -5) + (i > 0 ? autoSpaceTwips(all[i - 1]!.ch, item.ch, 16, -5) : 0), 0);
  };

  it('sets 28 characters on a full line of Chinese text (26 after the indent), 29 with a hanging mark', () => {
    const full: number[] = [];
    for (const lines of breakAll()) {
      lines.slice(0, -1).forEach((line, i) => {
        if (line.every((item) => isCjk(item.ch))) full.push(line.length + (i === 0 ? 2 : 0) - (HANGING.has(line.at(-1)!.ch) && line.length + (i === 0 ? 2 : 0) > 28 ? 1 : 0));
      });
    }
    expect(full.length).toBeGreaterThan(50);
    // Never more than the grid; fewer only when a mark may not start the next line and takes a character with it.
    expect(Math.max(...full)).toBe(28);
    expect(full.filter((n) => n === 28).length / full.length).toBeGreaterThan(0.85);
  });

  it('hangs 、。， into the margin rather than start a line with one', () => {
    const hanging = breakAll().flatMap((lines) => lines.slice(0, -1)).filter((line) => HANGING.has(line.at(-1)!.ch) && docxWidth(line) + 315 > setter.widthPt * 20);
    expect(hanging.length).toBeGreaterThan(0);
  });

  it('never starts a line with a mark that may not start one, or ends one with a mark that may not end one', () => {
    for (const lines of breakAll()) {
      lines.forEach((line, i) => {
        if (i > 0) expect(FORBIDDEN_START.has(line[0]!.ch), text(line)).toBe(false);
        if (i < lines.length - 1) expect(FORBIDDEN_END.has(line.at(-1)!.ch), text(line)).toBe(false);
      });
    }
  });

  it('never splits a number across lines', () => {
    for (const lines of breakAll()) {
      lines.slice(1).forEach((line, i) => {
        const before = lines[i]!.at(-1)!.ch;
        expect(numeric.test(before) && numeric.test(line[0]!.ch), `${text(lines[i]!)} | ${text(line)}`).toBe(false);
      });
    }
    const lines = breakLines(setter.items('一'.repeat(25) + '资金3.45万元。', 'body'), { firstPt: setter.widthPt, restPt: setter.widthPt });
    expect(lines.map((l) => text(l.items))).toEqual(['一'.repeat(25) + '资金', '3.45万元。']);
  });

  it('never makes a line wider than the text block as the DOCX sets it, but for a hanging mark', () => {
    for (const lines of breakAll()) {
      lines.forEach((line, i) => {
        expect(docxWidth(line), text(line)).toBeLessThanOrEqual(Math.round((setter.widthPt - (i === 0 ? 2 * setter.charPt : 0)) * 20) + 1);
      });
    }
  });

  it('justifies every line but the last to end exactly at the right edge', () => {
    const nodes = setter.paragraph(setter.items(paragraphs[3]!, 'body'));
    expect(nodes.length).toBeGreaterThan(2);
    nodes.forEach((node, i) => {
      const [, ...runs] = node.text as { text: string; characterSpacing: number; font: string; fontSize: number }[];
      const face = setter.setup('body').faces.find((f) => f.family === runs[0]!.font)!;
      const width = runs.reduce((sum, r) => sum + face.width(r.text, r.fontSize) + r.characterSpacing * (r.text.length - 1), 0);
      const left = (node.margin as number[])[0]!;
      if (i < nodes.length - 1) expect(left + width).toBeCloseTo(setter.widthPt, 1);
      else expect(left + width).toBeLessThan(setter.widthPt);
    });
  });

  it('sets a flush-left block (a table cell) at its natural spacing: no line is spread to the edge', () => {
    const widthPt = 5 * 14;
    const nodes = setter.paragraph(setter.items('补发2024年秋季学期', 'table'), { firstPt: 0, alignment: 'left', widthPt });
    expect(nodes.length).toBeGreaterThan(1);
    const tracking = setter.setup('table').trackingPt;
    for (const node of nodes) {
      const [, ...runs] = node.text as { characterSpacing: number }[];
      for (const run of runs) expect(run.characterSpacing).toBe(tracking);
    }
    // The same text justified would be spread: the difference is the alignment alone.
    const spread = setter.paragraph(setter.items('补发2024年秋季学期', 'table'), { firstPt: 0, alignment: 'justify', widthPt });
    const [, ...first] = spread[0]!.text as { characterSpacing: number }[];
    expect(first.some((run) => run.characterSpacing > tracking + 0.1)).toBe(true);
  });
});
