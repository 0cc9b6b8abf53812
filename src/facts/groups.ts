import { STAGES, type AidedGroup, type Semester, type Stage } from '../schema/enums.js';
import type { YearlyStats } from '../schema/stats.js';

export interface GroupFacts {
  group: AidedGroup;
  name?: string;
  semester?: Semester;
  /** Counts per stage, in the usual stage order. */
  stages: { stage: Stage; students: number }[];
  /** The sum of the parts (what a summary prints; a differing stated total is a warning). */
  students: number;
  statedTotal?: number;
  outOfCounty?: number;
}

export function groupFacts(stats: Pick<YearlyStats, 'aidedGroups'>): GroupFacts[] {
  return stats.aidedGroups.map((g) => {
    const stages = STAGES.flatMap((stage) => {
      const n = g.byStage?.[stage];
      return n === undefined ? [] : [{ stage, students: n }];
    });
    return {
      group: g.group,
      name: g.name,
      semester: g.semester,
      stages,
      students: stages.length ? stages.reduce((n, s) => n + s.students, 0) : (g.students ?? 0),
      statedTotal: g.students,
      outOfCounty: g.outOfCounty,
    };
  });
}
