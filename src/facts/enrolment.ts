import { STAGES, type Stage } from '../schema/enums.js';
import type { EnrolmentStage, YearlyStats } from '../schema/stats.js';

export interface EnrolmentFacts {
  stages: EnrolmentStage[];
  /** Sums of the stages' figures; `known` says whether every stage gave the figure (only then is the sum a total). */
  schools: number;
  teachingPoints: number;
  classes: number;
  students: number;
  known: { schools: boolean; classes: boolean; students: boolean };
  /** Children in preschool (在园幼儿) and students of the other stages (在校学生), as a bureau counts them apart; where every stage concerned gives them. */
  preschool?: number;
  beyondPreschool?: number;
}

/** The students of `stages`, when every one of them gives them. */
function studentsOf(stages: readonly EnrolmentStage[]): number | undefined {
  if (stages.length === 0 || stages.some((s) => s.students === undefined)) return undefined;
  return stages.reduce((n, s) => n + s.students!, 0);
}

/** Enrolment per stage in the usual order, with totals of the parts. */
export function enrolmentFacts(stats: Pick<YearlyStats, 'enrolment'>): EnrolmentFacts | undefined {
  if (!stats.enrolment) return undefined;
  const stages = [...stats.enrolment.stages].sort((a, b) => STAGES.indexOf(a.stage) - STAGES.indexOf(b.stage));
  const sum = (pick: (s: EnrolmentStage) => number | undefined) => stages.reduce((n, s) => n + (pick(s) ?? 0), 0);
  const every = (pick: (s: EnrolmentStage) => number | undefined) => stages.every((s) => pick(s) !== undefined);
  const preschool = studentsOf(stages.filter((s) => s.stage === 'preschool'));
  const beyondPreschool = studentsOf(stages.filter((s) => s.stage !== 'preschool'));
  return {
    stages,
    schools: sum((s) => s.schools),
    teachingPoints: sum((s) => s.teachingPoints),
    classes: sum((s) => s.classes),
    students: sum((s) => s.students),
    known: { schools: every((s) => s.schools), classes: every((s) => s.classes), students: every((s) => s.students) },
    ...(preschool === undefined ? {} : { preschool }),
    ...(beyondPreschool === undefined ? {} : { beyondPreschool }),
  };
}

/** Primary and junior count as 义务教育 where a comparison needs the whole stage. */
const COMPULSORY: readonly Stage[] = ['compulsory', 'primary', 'junior'];

/** Students enrolled in a stage, the compulsory parts summed for 义务教育; undefined where not every part gives them. */
export function enrolledIn(enrolment: EnrolmentFacts | undefined, stage: Stage): number | undefined {
  if (!enrolment) return undefined;
  const stages = stage === 'compulsory' ? COMPULSORY : [stage];
  return studentsOf(enrolment.stages.filter((s) => stages.includes(s.stage)));
}
