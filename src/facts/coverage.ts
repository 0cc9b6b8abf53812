import type { AidedGroup, Semester, Stage } from '../schema/enums.js';
import type { YearlyStats } from '../schema/stats.js';
import { enrolledIn, type EnrolmentFacts } from './enrolment.js';

export interface Coverage {
  stage: Stage;
  semester: Semester;
  /** The group aided, when the records name one; otherwise all enrolled students are eligible. */
  group?: AidedGroup;
  /** Students reached: the largest programme of the stage that semester (one student may get several). */
  aided: number;
  eligible: number;
}

/**
 * Coverage per stage and semester: students aided over students eligible
 * (the group's count where records name a group, else enrolment). A rate is
 * only stated where both parts are known; the caller formats it.
 */
export function coverageFacts(stats: YearlyStats, enrolment: EnrolmentFacts | undefined): Coverage[] {
  const reached = new Map<string, Coverage>();
  for (const a of stats.aid) {
    if (a.students === undefined || a.backPay || a.period === 'year') continue;
    const semester = a.period;
    let eligible: number | undefined;
    if (a.group) {
      const g = stats.aidedGroups.find((x) => x.group === a.group && (x.semester === undefined || x.semester === semester));
      eligible = g?.byStage?.[a.stage];
    } else if (a.programme === 'nutrition' || a.programme === 'freeTextbooks') {
      eligible = enrolledIn(enrolment, a.stage);
    }
    if (eligible === undefined || eligible === 0) continue;
    const key = `${a.stage}/${semester}/${a.group ?? ''}`;
    const c = reached.get(key);
    if (!c) reached.set(key, { stage: a.stage, semester, group: a.group, aided: a.students, eligible });
    else c.aided = Math.max(c.aided, a.students);
  }
  return [...reached.values()];
}
