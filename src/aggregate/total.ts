import { toFen } from '../format/money.js';
import type { Approx } from '../schema/enums.js';
import type { Rough } from '../schema/rough.js';
import type { Written } from './written.js';

/**
 * A figure summed over the files that report it, exactly: counts as
 * integers, money in 分 and areas in 0.01 m² (both through toFen, which
 * takes any value with at most two decimals).
 *
 * Two rules make a sum honest:
 *
 * - Known only when every part is known. A part that reports the section
 *   but leaves this figure out makes the sum unknown: the known parts are
 *   kept (`partial`) so a warning can say what they cover, but the sum is
 *   never given as the total.
 * - Rough when any part is rough (8000余份 + 147份 is not exactly 8147份):
 *   see {@link combineApprox}.
 */
export class Total {
  /** The sum of the known parts, in units (a count, 分, or 0.01 m²). */
  private units = 0;
  /** Parts that gave the figure. */
  known = 0;
  /** Parts that left it out, and the first few of their files. */
  missing = 0;
  readonly missingFrom: string[] = [];
  private readonly approx = new Set<Approx>();

  constructor(private readonly scale: Scale = 'count') {}

  add(value: number | Rough | undefined, source: string): void {
    if (value === undefined) {
      this.missing++;
      if (this.missingFrom.length < MAX_NAMED && this.missingFrom.at(-1) !== source && !this.missingFrom.includes(source)) this.missingFrom.push(source);
      return;
    }
    const figure = typeof value === 'number' ? { value } : value;
    if (figure.approx) this.approx.add(figure.approx);
    this.units += this.scale === 'count' ? figure.value : toFen(figure.value);
    this.known++;
  }

  /** Another total's parts, as if added one by one (its missing files are named as far as it named them). */
  merge(other: Total): void {
    this.units += other.units;
    this.known += other.known;
    this.missing += other.missing;
    for (const f of other.missingFrom) if (this.missingFrom.length < MAX_NAMED && !this.missingFrom.includes(f)) this.missingFrom.push(f);
    for (const a of other.approx) this.approx.add(a);
  }

  /** Whether any part was given at all. */
  get given(): boolean {
    return this.known > 0;
  }

  /** Every part known (and at least one). */
  get complete(): boolean {
    return this.known > 0 && this.missing === 0;
  }

  /** The sum of the known parts as a figure in its own unit (元, 平方米 or a count), rough where a part was. */
  get partial(): Figure {
    if (!Number.isSafeInteger(this.units)) throw new RangeError(`the sum is too large to count exactly (${this.units})`);
    const value = this.scale === 'count' ? this.units : this.units / 100;
    const approx = combineApprox(this.approx, this.scale === 'fen' ? this.units : undefined);
    return approx ? { value, approx } : { value };
  }

  /** The sum when every part is known; undefined otherwise. */
  get value(): Figure | undefined {
    return this.complete ? this.partial : undefined;
  }

  /** The sum as it is written in a stats file: a plain number when exact, `{ value, approx }` when rough. */
  get written(): Written | undefined {
    const figure = this.value;
    return figure && (figure.approx ? { value: figure.value, approx: figure.approx } : figure.value);
  }
}

/** How a figure is counted: a count, money (元 → 分), or an area (平方米 → 0.01 m²). */
export type Scale = 'count' | 'fen' | 'area';

/** A summed figure: `value` in 元, 平方米 or units; `approx` when any part was an estimate. */
export interface Figure {
  value: number;
  approx?: Approx;
}

/** How many files a warning names before it says "and N more". */
export const MAX_NAMED = 5;

/**
 * The qualifier of a sum of estimates. Each word bounds the figure:
 * 余/多 from below, 近 from above, 约 either way. A sum keeps a bound only
 * when every rough part bounds it the same way; exact parts do not move a
 * bound. So 余 + exact stays 余 (多 where every part said 多), 近 + 近
 * stays 近, and anything mixed is 约.
 *
 * An amount takes 余 or 多 only after a whole number of the unit it prints
 * in (930万余元, never 930.45万余元, domain.md): where the sum is not whole
 * it becomes 约, as the schema's roughAmount demands.
 *
 * @example combineApprox(new Set(['over'])) → 'over'
 * @example combineApprox(new Set(['over', 'nearly'])) → 'about'
 * @example combineApprox(new Set(['more']), 930_450_000) → 'about' (930.45万元)
 */
export function combineApprox(parts: ReadonlySet<Approx>, fen?: number): Approx | undefined {
  if (parts.size === 0) return undefined;
  let approx: Approx;
  if ([...parts].every((a) => a === 'over' || a === 'more')) approx = parts.has('over') ? 'over' : 'more';
  else if (parts.size === 1 && parts.has('nearly')) approx = 'nearly';
  else approx = 'about';
  if (fen !== undefined && (approx === 'over' || approx === 'more') && fen % (printUnitYuan(fen / 100) * 100) !== 0) return 'about';
  return approx;
}

/** The size an amount in 元 prints in, as formatAmount chooses it (the schema's roughAmount uses the same). */
function printUnitYuan(yuan: number): number {
  return yuan >= 1e8 ? 1e8 : yuan >= 1e4 ? 1e4 : 1;
}
