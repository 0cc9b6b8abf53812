import { STAGES, type AidedGroup, type Semester, type Stage } from '../schema/enums.js';
import type { YearlyStats } from '../schema/stats.js';

export interface GroupFacts {
  group: AidedGroup;
  name?: string;
  semester?: Semester;
  /** Counts per stage, in the usual stage order. */
  stages: { stage: Stage; students: number }[];
  /**
   * The students a summary prints: the sum of the stages where they are
   * given (a differing stated total is a warning), else the stated total;
   * undefined when only households are given.
   */
  students?: number;
  statedTotal?: number;
  households?: number;
  outOfCounty?: number;
}

export function groupFacts(stats: Pick<YearlyStats, 'aidedGroups'>): GroupFacts[] {
  return stats.aidedGroups.map((g) => {
    const stages = STAGES.flatMap((stage) => {
      const n = g.byStage?.[stage];
      return n === undefined ? [] : [{ stage, students: n }];
    });
    const students = stages.length ? stages.reduce((n, s) => n + s.students, 0) : g.students;
    return {
      group: g.group,
      ...(g.name === undefined ? {} : { name: g.name }),
      ...(g.semester === undefined ? {} : { semester: g.semester }),
      stages,
      ...(students === undefined ? {} : { students }),
      ...(g.students === undefined ? {} : { statedTotal: g.students }),
      ...(g.households === undefined ? {} : { households: g.households }),
      ...(g.outOfCounty === undefined ? {} : { outOfCounty: g.outOfCounty }),
    };
  });
}
