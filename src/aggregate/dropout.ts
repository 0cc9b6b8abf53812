import type { Dropout, YearlyStatsInput } from '../schema/stats.js';
import { settle } from './settle.js';
import { Total } from './total.js';
import { written } from './written.js';
import { aggregateWarning, type AggregateWarning } from './warning.js';

type DropoutOut = NonNullable<YearlyStatsInput['dropout']>;
type Reason = Dropout['reasons'][number];

const COUNTS = [
  ['checked', '人'],
  ['households', '户'],
  ['found', '人'],
  ['foundHouseholds', '户'],
  ['returned', '人'],
  ['homeTaught', '人'],
] as const;

/** The schema's limit on reasons; beyond it the smallest are counted together. */
const MAX_REASONS = 100;
const OTHER_REASONS = '其他情况';

/**
 * 控辍保学: the counts summed over the files that report dropout control,
 * each only where every one gives it (a file that found no one returned,
 * taught at home and counted no households: 0, not a gap); reasons merged where the words and
 * the handling are the same. "No student dropped out for poverty" is
 * stated for the county only when every file states it (or the bureau
 * does).
 */
export function dropoutFold() {
  const totals = Object.fromEntries(COUNTS.map(([f]) => [f, new Total()])) as Record<(typeof COUNTS)[number][0], Total>;
  const reasons = new Map<string, Reason>();
  let parts = 0;
  let noneForPoverty = 0;
  return {
    add(d: Dropout | undefined, source: string): void {
      if (!d) return;
      parts++;
      // Where none were found, none were returned, taught at home or counted in households: 0, not unknown.
      const none: Partial<Record<string, number>> = d.found === 0 ? { foundHouseholds: 0, returned: 0, homeTaught: 0 } : {};
      for (const [f] of COUNTS) totals[f].add(d[f] ?? none[f], source);
      for (const r of d.reasons) {
        const key = `${r.reason}\u0000${r.action ?? ''}`;
        const seen = reasons.get(key);
        reasons.set(key, seen ? { ...seen, students: seen.students + r.students } : { ...r });
      }
      if (d.noneForPoverty === true) noneForPoverty++;
    },

    finish(bureau: Dropout | undefined, bureauFile: string | undefined, warnings: AggregateWarning[]): DropoutOut | undefined {
      if (parts === 0) return bureau && written(bureau);
      const out: Record<string, unknown> = {};
      for (const [f, unit] of COUNTS) {
        const v = settle(totals[f], bureau?.[f], { where: `dropout.${f}`, unit, bureau: bureauFile, warnings });
        if (v !== undefined) out[f] = v;
      }
      const merged = [...reasons.values()];
      out.reasons = merged.length ? capped(merged, warnings) : (bureau?.reasons ?? []);
      const none = noneForPoverty === parts ? true : bureau?.noneForPoverty;
      if (none !== undefined) out.noneForPoverty = none;
      return out as DropoutOut;
    },
  };
}

/** At most the schema's number of reasons: the largest kept, the rest counted as one. */
function capped(list: Reason[], warnings: AggregateWarning[]): Reason[] {
  if (list.length <= MAX_REASONS) return list;
  const sorted = [...list].sort((a, b) => b.students - a.students);
  const rest = sorted.slice(MAX_REASONS - 1).reduce((n, r) => n + r.students, 0);
  warnings.push(
    aggregateWarning(
      'list_shortened',
      'dropout.reasons',
      [],
      `各校共列出${list.length}种情况，多于${MAX_REASONS}种；人数最少的${list.length - MAX_REASONS + 1}种合为“${OTHER_REASONS}”${rest}人`,
      `the schools list ${list.length} reasons, more than ${MAX_REASONS}; the ${list.length - MAX_REASONS + 1} smallest are counted together as "${OTHER_REASONS}" (${rest})`,
    ),
  );
  return [...sorted.slice(0, MAX_REASONS - 1), { reason: OTHER_REASONS, students: rest }];
}
