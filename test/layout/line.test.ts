import { describe, expect, it } from 'vitest';
import { autoSpaceTwips, charTwips, lineStarts } from '../../src/layout/line.js';

/** A paragraph broken by the line model at 16 pt on the grid, into its lines. */
function lines(text: string, firstTw = 8844 - 632, restTw = 8844): string[] {
  const chars = [...text];
  const items = chars.map((ch, i) => ({ ch, widthTw: charTwips(ch, 16, -5), spaceBeforeTw: i ? autoSpaceTwips(chars[i - 1]!, ch, 16, -5) : 0 }));
  const starts = lineStarts(items, (line) => (line === 0 ? firstTw : restTw));
  return [0, ...starts].map((from, k) => chars.slice(from, starts[k] ?? chars.length).join(''));
}

describe('the DOCX line model', () => {
  it('measures as the DOCX is set: one em less the grid spacing, Times New Roman for Latin, a fifth of the size between them', () => {
    expect(charTwips('资', 16, -5)).toBe(315);
    expect(charTwips('2', 16, -5)).toBe(155);
    expect(charTwips('%', 16, -5)).toBe(262);
    expect(autoSpaceTwips('金', '4', 16, -5)).toBe(70);
    expect(autoSpaceTwips('6', '万', 16, -5)).toBe(70);
    expect(autoSpaceTwips('%', '乙', 16, -5)).toBe(0);
    expect(autoSpaceTwips('，', '2', 16, -5)).toBe(0);
  });

  it('puts 28 characters on a line, 26 after the indent', () => {
    expect(lines('一'.repeat(60)).map((l) => l.length)).toEqual([26, 28, 6]);
  });

  it('hangs 、。， past the edge after a Chinese character rather than start a line with it', () => {
    expect(lines(`${'一'.repeat(26)}、二三`)).toEqual([`${'一'.repeat(26)}、`, '二三']);
  });

  it('carries a number and its mark over together: no hanging after a number', () => {
    const [first, second] = lines(`${'一'.repeat(23)}3.45%，二三`);
    expect(second!.startsWith('3.45%，')).toBe(true);
    expect(first).toBe('一'.repeat(23));
  });

  it('never starts a line with a closing mark nor ends one with an opening mark, taking a character along', () => {
    expect(lines(`${'一'.repeat(26)}》二`)).toEqual([`${'一'.repeat(25)}`, '一》二']);
    expect(lines(`${'一'.repeat(25)}《二三》`)).toEqual([`${'一'.repeat(25)}`, '《二三》']);
  });

  it('lets a unit start the next line, as Word and LibreOffice do, but never splits the number', () => {
    expect(lines(`${'一'.repeat(25)}资金3.45万元。`, 8844, 8844)).toEqual([`${'一'.repeat(25)}资金`, '3.45万元。']);
  });
});
