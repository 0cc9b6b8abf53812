import { autoSpaceTwips, charTwips, HANGING, lineStarts } from '../../../layout/line.js';
import type { Item } from './items.js';

/** Available width of each line in pt: the first line, then every other. */
export interface Measure {
  firstPt: number;
  restPt: number;
}

/** Rounding slack: 28 characters at the grid pitch fill 442.2 pt exactly. */
const EPSILON_PT = 0.01;

/** A character's share of a line: its advance plus its role's tracking. */
export function footprint(item: Item): number {
  return item.widthPt + item.setup.trackingPt;
}

/** A broken line: its items, and the width of a mark hanging past the edge (0 when none hangs). */
export interface BrokenLine {
  items: Item[];
  hangingPt: number;
}

/**
 * Break a paragraph into lines where the DOCX's client breaks it
 * (layout/line.ts): each character measured as the DOCX sets it (one em for
 * Chinese, Times New Roman's advance for Latin and digits, the run's
 * character spacing, the space between Chinese and Latin), the zh-CN
 * kinsoku rules, numbers and words whole, and 、。， hanging into the margin.
 * The PDF then draws each line in its own fonts, justified to the edge.
 * Spaces at either end of a wrapped line are dropped.
 */
export function breakLines(items: readonly Item[], measure: Measure): BrokenLine[] {
  const measured = items.map((item, i) => {
    const before = items[i - 1];
    const size = Math.max(item.setup.sizePt, before?.setup.sizePt ?? 0);
    return {
      ch: item.ch,
      widthTw: charTwips(item.ch, item.setup.sizePt, item.setup.spacingTw),
      spaceBeforeTw: before ? autoSpaceTwips(before.ch, item.ch, size, item.setup.spacingTw) : 0,
    };
  });
  const avail = (line: number) => Math.round((line === 0 ? measure.firstPt : measure.restPt) * 20 + EPSILON_PT * 20);
  const starts = lineStarts(measured, avail);
  const lines: BrokenLine[] = [];
  [0, ...starts].forEach((from, k) => {
    const to = starts[k] ?? items.length;
    const line = trimEnd(trimStart(items.slice(from, to)));
    const last = line.at(-1);
    const hangs = last !== undefined && HANGING.has(last.ch) && widthOf(measured, from, from + line.length) > avail(k);
    lines.push({ items: line, hangingPt: hangs ? footprint(last) : 0 });
  });
  return lines;
}

function widthOf(measured: readonly { widthTw: number; spaceBeforeTw: number }[], from: number, to: number): number {
  let sum = 0;
  for (let j = from; j < to; j++) sum += measured[j]!.widthTw + (j > from ? measured[j]!.spaceBeforeTw : 0);
  return sum;
}

function trimStart(line: Item[]): Item[] {
  let start = 0;
  while (start < line.length && /\s/.test(line[start]!.ch)) start++;
  return line.slice(start);
}

function trimEnd(line: Item[]): Item[] {
  let end = line.length;
  while (end > 0 && /\s/.test(line[end - 1]!.ch)) end--;
  return line.slice(0, end);
}
