import { clusters } from './clusters.js';
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

/**
 * Break a paragraph into lines, greedily, at cluster boundaries.
 *
 * Our own breaking (rather than pdfmake's) is what puts 28 characters on a
 * 442.2 pt line: every character counts its advance plus the grid tracking
 * (16 pt − 0.21 pt), exactly as the DOCX's −0.25 pt spacing does in Word.
 * Spaces at either end of a wrapped line are dropped. A cluster wider than
 * a whole line (a very long number) is split by character as a last resort.
 */
export function breakLines(items: readonly Item[], measure: Measure): Item[][] {
  const lines: Item[][] = [];
  let line: Item[] = [];
  let used = 0;
  const avail = () => (lines.length === 0 ? measure.firstPt : measure.restPt);
  const flush = () => {
    lines.push(trimEnd(line));
    line = [];
    used = 0;
  };

  for (const cluster of clusters(items)) {
    if (line.length === 0 && isSpace(cluster)) continue;
    const width = cluster.reduce((sum, item) => sum + footprint(item), 0);
    if (used + width <= avail() + EPSILON_PT) {
      line.push(...cluster);
      used += width;
      continue;
    }
    if (isSpace(cluster)) {
      flush();
      continue;
    }
    if (line.length > 0) flush();
    if (width <= avail() + EPSILON_PT) {
      line.push(...cluster);
      used = width;
      continue;
    }
    for (const item of cluster) {
      if (line.length > 0 && used + footprint(item) > avail() + EPSILON_PT) flush();
      line.push(item);
      used += footprint(item);
    }
  }
  if (line.length > 0 || lines.length === 0) lines.push(trimEnd(line));
  return lines;
}

function isSpace(cluster: readonly Item[]): boolean {
  return cluster.every((item) => /\s/.test(item.ch));
}

function trimEnd(line: Item[]): Item[] {
  let end = line.length;
  while (end > 0 && /\s/.test(line[end - 1]!.ch)) end--;
  return line.slice(0, end);
}
