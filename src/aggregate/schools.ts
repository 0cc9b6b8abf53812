import { toFen } from '../format/money.js';
import { STAGES, type Stage } from '../schema/enums.js';
import type { YearlyStats, YearlyStatsInput } from '../schema/stats.js';

type SchoolOut = NonNullable<YearlyStatsInput['schools']>[number];

/** A school's aid in one stage: 人次 and 分, null once a record leaves the figure out. */
interface Cell {
  students: number | null;
  fen: number | null;
}

/**
 * 各校明细: per school and stage, the students (人次: every programme and
 * period added) and the money, for the attachment table; and, when asked,
 * each school's highlights for an appendix. Only these few figures are kept
 * per school, so thousands of schools take little memory.
 *
 * A cell is left empty where one of the school's records in that stage
 * leaves its figure out, by the rule every sum follows (see Total): the
 * table's total row is then empty too, as the summary's total is.
 */
export function schoolsFold() {
  const rows: SchoolOut[] = [];
  return {
    add(stats: Pick<YearlyStats, 'aid' | 'highlights'>, name: string, highlights: boolean): void {
      const cells = new Map<Stage, Cell>();
      for (const a of stats.aid) {
        let cell = cells.get(a.stage);
        if (!cell) cells.set(a.stage, (cell = { students: 0, fen: 0 }));
        cell.students = cell.students === null || a.students === undefined ? null : cell.students + a.students;
        cell.fen = cell.fen === null || a.amount === undefined ? null : cell.fen + toFen(a.amount);
      }
      const aid = STAGES.flatMap((stage) => {
        const cell = cells.get(stage);
        if (!cell) return [];
        return [{ stage, ...(cell.students === null ? {} : { students: cell.students }), ...(cell.fen === null ? {} : { amount: cell.fen / 100 }) }];
      });
      rows.push({ name, aid, ...(highlights && stats.highlights.length ? { highlights: [...stats.highlights] } : {}) });
    },

    finish(): SchoolOut[] {
      return rows;
    },
  };
}
