import { programmeRule } from '../domain/programmes.js';
import { GROUP_LABELS, STAGES, type AidedGroup, type Semester, type Stage } from '../schema/enums.js';

const GROUPS = Object.keys(GROUP_LABELS) as AidedGroup[];
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
 * Coverage per stage and semester: students aided over students eligible.
 * A group's students count where the rows attribute them to the group (its
 * `group` or `byGroup`), against the group's count at that stage and
 * semester in `aidedGroups`; a programme every enrolled student may have
 * (营养改善计划, 免费教科书, src/domain) counts against enrolment. A rate is
 * only stated where both parts are known; the caller formats it.
 */
export function coverageFacts(stats: YearlyStats, enrolment: EnrolmentFacts | undefined): Coverage[] {
  const reached = new Map<string, Coverage>();
  const reach = (stage: Stage, semester: Semester, group: AidedGroup | undefined, aided: number, eligible: number | undefined) => {
    if (eligible === undefined || eligible === 0) return;
    const key = `${stage}/${semester}/${group ?? ''}`;
    const c = reached.get(key);
    if (!c) reached.set(key, { stage, semester, ...(group ? { group } : {}), aided, eligible });
    else c.aided = Math.max(c.aided, aided);
  };
  // Students per programme, stage, semester and group: rows of one programme add up.
  const sums = new Map<string, { stage: Stage; semester: Semester; group: AidedGroup; students: number }>();
  for (const a of stats.aid) {
    if (a.backPay || a.period === 'year') continue;
    const semester = a.period;
    const shares = a.byGroup ? (Object.entries(a.byGroup) as [AidedGroup, number][]) : a.group && a.students !== undefined ? [[a.group, a.students] as [AidedGroup, number]] : [];
    for (const [group, students] of shares) {
      const key = `${a.programme}/${a.name ?? ''}/${a.stage}/${semester}/${group}`;
      const s = sums.get(key);
      if (s) s.students += students;
      else sums.set(key, { stage: a.stage, semester, group, students });
    }
    if (shares.length === 0 && a.students !== undefined && programmeRule(a.programme).universal) {
      reach(a.stage, semester, undefined, a.students, enrolledIn(enrolment, a.stage));
    }
  }
  for (const s of sums.values()) {
    const g = stats.aidedGroups.find((x) => x.group === s.group && (x.semester === undefined || x.semester === s.semester));
    reach(s.stage, s.semester, s.group, s.students, g?.byStage?.[s.stage]);
  }
  // In stage, semester and group order, whatever the order of the input's keys.
  const order = (c: Coverage) => [STAGES.indexOf(c.stage), c.semester === 'spring' ? 0 : 1, c.group ? GROUPS.indexOf(c.group) + 1 : 0];
  return [...reached.values()].sort((a, b) => {
    const [x, y] = [order(a), order(b)];
    return x[0]! - y[0]! || x[1]! - y[1]! || x[2]! - y[2]!;
  });
}
