import type { Pairing, YearlyStatsInput } from '../schema/stats.js';
import { settle } from './settle.js';
import { Total } from './total.js';
import type { AggregateWarning } from './warning.js';

type PairingOut = NonNullable<YearlyStatsInput['pairing']>;

const COUNTS = [
  ['teachers', '人'],
  ['students', '人'],
  ['households', '户'],
  ['homeVisits', '人次'],
] as const;

/**
 * 结对帮扶: teachers, students, households and home visits summed over the
 * files that report pairing, each only where every one gives it, rough
 * where any part is. How pairs are arranged is each school's own words:
 * only the bureau's is kept.
 */
export function pairingFold() {
  const totals = Object.fromEntries(COUNTS.map(([f]) => [f, new Total()])) as Record<(typeof COUNTS)[number][0], Total>;
  return {
    add(p: Pairing | undefined, source: string): void {
      if (!p) return;
      for (const [f] of COUNTS) totals[f].add(p[f], source);
    },

    finish(bureau: Pairing | undefined, bureauFile: string | undefined, warnings: AggregateWarning[]): PairingOut | undefined {
      const out: Record<string, unknown> = {};
      for (const [f, unit] of COUNTS) {
        const v = settle(totals[f], bureau?.[f], { where: `pairing.${f}`, unit, bureau: bureauFile, warnings });
        if (v !== undefined) out[f] = v;
      }
      if (bureau?.arrangement) out.arrangement = bureau.arrangement;
      return Object.keys(out).length ? (out as PairingOut) : undefined;
    },
  };
}
