import { STAGES, type Stage } from '../schema/enums.js';
import type { AidedGroupCount, YearlyStatsInput } from '../schema/stats.js';
import { settle } from './settle.js';
import { Total } from './total.js';
import { written } from './written.js';
import type { AggregateWarning } from './warning.js';

type GroupOut = NonNullable<YearlyStatsInput['aidedGroups']>[number];

interface GroupSums {
  group: AidedGroupCount;
  byStage: Map<Stage, Total>;
  /** Parts that gave no per-stage split: the split of the sum is then unknown. */
  unsplit: number;
  students: Total;
  households: Total;
  outOfCounty: Total;
}

const keyOf = (g: AidedGroupCount) => `${g.group}\u0000${g.name ?? ''}\u0000${g.semester ?? ''}`;

/**
 * 受助群体: per group, name and semester, the students per stage, the
 * total, households and students at school outside the county. A part's
 * total is its per-stage sum where it gives one (what its own summary
 * prints), else its stated total. The per-stage split is kept only where
 * every part gives one.
 */
export function groupsFold() {
  const groups = new Map<string, GroupSums>();
  return {
    add(list: readonly AidedGroupCount[], source: string): void {
      for (const g of list) {
        const key = keyOf(g);
        let sums = groups.get(key);
        if (!sums) groups.set(key, (sums = { group: g, byStage: new Map(), unsplit: 0, students: new Total(), households: new Total(), outOfCounty: new Total() }));
        if (g.byStage) {
          for (const [stage, n] of Object.entries(g.byStage) as [Stage, number][]) {
            let t = sums.byStage.get(stage);
            if (!t) sums.byStage.set(stage, (t = new Total()));
            t.add(n, source);
          }
        } else {
          sums.unsplit++;
        }
        const own = g.byStage ? Object.values(g.byStage).reduce<number>((n, v) => n + (v ?? 0), 0) : g.students;
        sums.students.add(own, source);
        sums.households.add(g.households, source);
        sums.outOfCounty.add(g.outOfCounty, source);
      }
    },

    finish(bureau: readonly AidedGroupCount[], bureauFile: string | undefined, warnings: AggregateWarning[]): GroupOut[] {
      const out: GroupOut[] = [];
      const statedFor = new Map(bureau.map((g) => [keyOf(g), g]));
      for (const [key, sums] of groups) {
        const stated = statedFor.get(key);
        statedFor.delete(key);
        const where = `aidedGroups[${out.length}]`;
        const { group, name, semester } = sums.group;
        const entry: Record<string, unknown> = { group, ...(name ? { name } : {}), ...(semester ? { semester } : {}) };
        if (sums.unsplit === 0 && sums.byStage.size > 0) {
          const byStage: Record<string, number> = {};
          for (const stage of STAGES) {
            const t = sums.byStage.get(stage);
            if (t) byStage[stage] = settle(t, stated?.byStage?.[stage], { where: `${where}.byStage.${stage}`, unit: '人', bureau: bureauFile, warnings }) as number;
          }
          entry.byStage = byStage;
          // The total is the sum of the stages; a total the bureau states is checked against it.
          settle(sums.students, stated?.students, { where: `${where}.students`, unit: '人', bureau: bureauFile, warnings });
        } else {
          const students = settle(sums.students, stated?.students, { where: `${where}.students`, unit: '人', bureau: bureauFile, warnings });
          if (students !== undefined) entry.students = students;
        }
        const households = settle(sums.households, stated?.households, { where: `${where}.households`, unit: '户', bureau: bureauFile, warnings });
        if (households !== undefined) entry.households = households;
        const outOfCounty = settle(sums.outOfCounty, stated?.outOfCounty, { where: `${where}.outOfCounty`, unit: '人', bureau: bureauFile, warnings });
        if (outOfCounty !== undefined) entry.outOfCounty = outOfCounty;
        // A group needs a figure; one left with none (every count incomplete) says nothing.
        if (entry.byStage || entry.students !== undefined || entry.households !== undefined) out.push(entry as GroupOut);
      }
      // Groups only the bureau counts (no school reports them): its own figures.
      for (const g of statedFor.values()) out.push(written(g));
      return out;
    },
  };
}
