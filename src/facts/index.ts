import type { YearlyStats } from '../schema/stats.js';
import { aidFacts, type AidFacts } from './aid.js';
import { checkStats } from './checks.js';
import { coverageFacts, type Coverage } from './coverage.js';
import { toFen } from '../format/money.js';
import { enrolledIn, enrolmentFacts, type EnrolmentFacts } from './enrolment.js';
import { groupFacts, type GroupFacts } from './groups.js';
import { projectFacts, type ProjectFacts } from './projects.js';
import { trainingFacts, type TrainingFacts } from './trainings.js';
import type { Warning } from './warning.js';

export type { AidFacts, BackPayFact, GroupShare, PaymentFacts, ProgrammeFacts, StageAidFacts, Tally } from './aid.js';
export type { EnrolmentFacts } from './enrolment.js';
export type { Coverage } from './coverage.js';
export type { GroupFacts } from './groups.js';
export type { ProjectFacts, ProjectGroup, ProjectSet } from './projects.js';
export type { TrainingFacts, TrainingTally } from './trainings.js';
export { warning, type Warning } from './warning.js';
export { enrolledIn };

/** A year-over-year pair; the change is formatted by the caller. */
export interface Change {
  current: number;
  previous: number;
}

export interface Facts {
  year: number;
  enrolment?: EnrolmentFacts;
  groups: GroupFacts[];
  aid: AidFacts;
  trainings?: TrainingFacts;
  projects?: ProjectFacts;
  coverage: Coverage[];
  /**
   * Compared with `previousYear`, where both years are known. Amounts in 分.
   * Aid is the headline (grants and waivers, `aid.grants`), training the
   * participants of trainings held, projects the year's (no `since`).
   */
  change: {
    aidStudents?: Change;
    aidFen?: Change;
    trainingParticipants?: Change;
    projectInvestmentFen?: Change;
  };
  warnings: Warning[];
}

/**
 * Everything a summary states that is computed rather than given: totals per
 * stage, programme and semester (exact, in 分), 人次 over the year, year-over-
 * year changes, and consistency warnings. Pure: the same stats give the same
 * facts.
 */
export function deriveFacts(stats: YearlyStats): Facts {
  const enrolment = enrolmentFacts(stats);
  const aid = aidFacts(stats);
  const trainings = trainingFacts(stats);
  const projects = projectFacts(stats);
  const prev = stats.previousYear;
  const pair = (current: number | undefined, previous: number | undefined): Change | undefined =>
    current !== undefined && previous !== undefined ? { current, previous } : undefined;
  const toFenOrUndefined = (yuan: number | undefined) => (yuan === undefined ? undefined : toFen(yuan));
  return {
    year: stats.year,
    enrolment,
    groups: groupFacts(stats),
    aid,
    trainings,
    projects,
    coverage: coverageFacts(stats, enrolment),
    change: {
      aidStudents: pair(aid.grants.rows && aid.grants.known.students ? aid.grants.students : undefined, prev?.aidStudents),
      aidFen: pair(aid.grants.rows && aid.grants.known.fen ? aid.grants.fen : undefined, toFenOrUndefined(prev?.aidAmount)),
      trainingParticipants: pair(trainings?.byStatus.done && trainings.known.participants ? trainings.participants : undefined, prev?.trainingParticipants),
      projectInvestmentFen: pair(projects?.current?.investmentFen, toFenOrUndefined(prev?.projectInvestment)),
    },
    warnings: checkStats(stats, enrolment),
  };
}
