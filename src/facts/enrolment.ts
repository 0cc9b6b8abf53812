import { STAGES, type Stage } from '../schema/enums.js';
import type { EnrolmentStage, YearlyStats } from '../schema/stats.js';

export interface EnrolmentFacts {
  stages: EnrolmentStage[];
  schools: number;
  teachingPoints: number;
  classes: number;
  students: number;
}

/** Enrolment per stage in the usual order, with totals of the parts. */
export function enrolmentFacts(stats: Pick<YearlyStats, 'enrolment'>): EnrolmentFacts | undefined {
  if (!stats.enrolment) return undefined;
  const stages = [...stats.enrolment.stages].sort((a, b) => STAGES.indexOf(a.stage) - STAGES.indexOf(b.stage));
  const sum = (pick: (s: EnrolmentStage) => number | undefined) => stages.reduce((n, s) => n + (pick(s) ?? 0), 0);
  return {
    stages,
    schools: sum((s) => s.schools),
    teachingPoints: sum((s) => s.teachingPoints),
    classes: sum((s) => s.classes),
    students: sum((s) => s.students),
  };
}

/** Primary and junior count as 义务教育 where a comparison needs the whole stage. */
const COMPULSORY: readonly Stage[] = ['compulsory', 'primary', 'junior'];

/** Students enrolled in a stage, the compulsory parts summed for 义务教育. */
export function enrolledIn(enrolment: EnrolmentFacts | undefined, stage: Stage): number | undefined {
  if (!enrolment) return undefined;
  const stages = stage === 'compulsory' ? COMPULSORY : [stage];
  const found = enrolment.stages.filter((s) => stages.includes(s.stage));
  return found.length ? found.reduce((n, s) => n + s.students, 0) : undefined;
}
