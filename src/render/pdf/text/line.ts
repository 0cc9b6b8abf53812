import type { Face } from '../face.js';
import type { Item, RoleSetup } from './items.js';

export type Alignment = 'left' | 'center' | 'right';

/** One printed line, already broken, and how to place it in its slot. */
export interface LineSpec {
  items: readonly Item[];
  /** Height of the line's slot: the grid pitch, or a table's single spacing. */
  slotPt: number;
  /** Width the line may use, after its indents. */
  availPt: number;
  /** Stretch the character spacing so the line ends flush at `availPt`. */
  justify?: boolean;
  alignment?: Alignment;
  leftPt?: number;
  rightPt?: number;
  /** The role whose font places the baseline (the line's first item's, by default). */
  setup?: RoleSetup;
}

/** The pdfmake text node for a line (plus node-level extras the caller adds). */
export type LineNode = Record<string, unknown> & { text: object[] };

/** Keeps the inline widths a hair inside the line so pdfmake never re-wraps it. */
const SLACK_PT = 0.002;

/**
 * A pre-broken line as one unwrappable pdfmake text node.
 *
 * - Runs: consecutive characters of one face become one inline, so the
 *   character spacing (PDF `Tc`) applies inside it. pdfmake counts a run as
 *   glyphs + spacing × (length − 1), so a justified line solves for the one
 *   spacing that makes the runs end exactly at `availPt`.
 * - Slot: every inline is exactly `slotPt` high (lineHeight is a multiple
 *   of each font's own height), and an empty "strut" inline sets the baseline
 *   so the ideographic em box sits centred in the slot whatever the font:
 *   body, 黑体 and 楷体 lines keep one rhythm although their ascenders differ.
 */
export function lineNode(spec: LineSpec): LineNode {
  const runs = toRuns(spec.items);
  const setup = spec.setup ?? spec.items[0]?.setup;
  if (!setup) throw new Error('lineNode: a line needs items or a setup');

  let spacing: (run: Run) => number = (run) => run.setup.trackingPt;
  if (spec.justify) spacing = justify(runs, spec.availPt - SLACK_PT);

  const baseline = Math.max(baselineIn(spec.slotPt, setup), ...runs.map((r) => ascent(r.face, r.setup.sizePt)));
  const inlines: object[] = [strut(setup.faces[0]!, baseline, spec.slotPt)];
  for (const run of runs) {
    inlines.push({
      text: run.text,
      font: run.face.family,
      fontSize: run.setup.sizePt,
      characterSpacing: spacing(run),
      lineHeight: spec.slotPt / heightOf(run.face, run.setup.sizePt),
    });
  }
  return {
    text: inlines,
    noWrap: true,
    alignment: spec.alignment ?? 'left',
    margin: [spec.leftPt ?? 0, 0, spec.rightPt ?? 0, 0],
  };
}

interface Run {
  text: string;
  face: Face;
  setup: RoleSetup;
  /** Digits and Latin: kept at their tracking when a line is justified. */
  narrow: boolean;
  widthPt: number;
}

/**
 * Justification widens the gaps inside Chinese runs only, as Word does:
 * "2600" keeps its digits together however loose the line.
 */
function justify(runs: Run[], targetPt: number): (run: Run) => number {
  const gaps = (list: Run[]) => list.reduce((sum, run) => sum + run.text.length - 1, 0);
  const glyphs = runs.reduce((sum, run) => sum + run.widthPt, 0);
  const wide = runs.filter((run) => !run.narrow);
  const narrow = runs.filter((run) => run.narrow);
  const fixed = narrow.reduce((sum, run) => sum + run.setup.trackingPt * (run.text.length - 1), 0);
  if (gaps(wide) > 0) {
    const cs = (targetPt - glyphs - fixed) / gaps(wide);
    return (run) => (run.narrow ? run.setup.trackingPt : cs);
  }
  if (gaps(runs) > 0) {
    const cs = (targetPt - glyphs) / gaps(runs);
    return () => cs;
  }
  return (run) => run.setup.trackingPt;
}

function toRuns(items: readonly Item[]): Run[] {
  const runs: Run[] = [];
  let current: Omit<Run, 'widthPt'> | undefined;
  const close = () => {
    if (current) runs.push({ ...current, widthPt: current.face.width(current.text, current.setup.sizePt) });
  };
  for (const item of items) {
    const narrow = isNarrow(item.ch);
    if (current && current.face === item.face && current.setup === item.setup && current.narrow === narrow) {
      current.text += item.ch;
    } else {
      close();
      current = { text: item.ch, face: item.face, setup: item.setup, narrow };
    }
  }
  close();
  return runs;
}

/** Latin letters, digits and ASCII signs; not the CJK-width dashes, quotes and ellipsis of U+2010–U+206F. */
function isNarrow(ch: string): boolean {
  const cp = ch.codePointAt(0)!;
  return cp < 0x2010 || (cp > 0x206f && cp < 0x2e80);
}

/** Baseline below the slot top that centres the em box (ideographs fill it) in the slot. */
function baselineIn(slotPt: number, setup: RoleSetup): number {
  const face = setup.faces[0]!;
  return (slotPt - setup.sizePt) / 2 + setup.sizePt * face.emAscent;
}

function ascent(face: Face, sizePt: number): number {
  return (face.ascender / 1000) * sizePt;
}

/** pdfkit's line height of a face (ascender − descender, no gap). */
function heightOf(face: Face, sizePt: number): number {
  return ((face.ascender - face.descender) / 1000) * sizePt;
}

/**
 * An empty inline whose ascender reaches the baseline: pdfmake puts the
 * baseline of a line at its tallest ascender, so this moves every run down
 * to `baselinePt` without adding width or ink.
 */
function strut(face: Face, baselinePt: number, slotPt: number): object {
  const size = (baselinePt * 1000) / face.ascender;
  return { text: '', font: face.family, fontSize: size, lineHeight: slotPt / heightOf(face, size) };
}
