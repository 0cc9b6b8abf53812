import { STAGES, type Stage } from '../schema/enums.js';
import type { YearlyStats, YearlyStatsInput } from '../schema/stats.js';
import { settle } from './settle.js';
import { Total } from './total.js';
import type { AggregateWarning } from './warning.js';

type Enrolment = NonNullable<YearlyStats['enrolment']>;
type EnrolmentOut = NonNullable<YearlyStatsInput['enrolment']>;

const FIELDS = [
  ['schools', '所'],
  ['teachingPoints', '个'],
  ['classes', '个'],
  ['students', '人'],
] as const;
type Field = (typeof FIELDS)[number][0];

/**
 * 办学规模: per stage, schools, teaching points, classes and students,
 * summed over the files that report the stage. A school file seldom says
 * how many schools it is, so those counts usually come from the bureau's
 * own file; where they do not, a school that leaves a count out makes that
 * stage's count unknown (see settle).
 */
export function enrolmentFold() {
  const stages = new Map<Stage, Record<Field, Total>>();
  let reported = false;
  return {
    add(enrolment: Enrolment | undefined, source: string): void {
      if (!enrolment) return;
      reported = true;
      for (const s of enrolment.stages) {
        let totals = stages.get(s.stage);
        if (!totals) stages.set(s.stage, (totals = { schools: new Total(), teachingPoints: new Total(), classes: new Total(), students: new Total() }));
        for (const [field] of FIELDS) totals[field].add(s[field], source);
      }
    },

    finish(bureau: Enrolment | undefined, bureauFile: string | undefined, warnings: AggregateWarning[]): EnrolmentOut | undefined {
      if (!reported && !bureau) return undefined;
      const out: EnrolmentOut['stages'] = [];
      for (const stage of STAGES) {
        const totals = stages.get(stage);
        const stated = bureau?.stages.find((s) => s.stage === stage);
        if (!totals) {
          // A stage only the bureau knows (no school file reports it): its own figures.
          if (stated) out.push({ ...stated });
          continue;
        }
        const row: Record<string, unknown> = { stage };
        for (const [field, unit] of FIELDS) {
          const value = settle(totals[field], stated?.[field], { where: `enrolment.stages[${out.length}].${field}`, unit, bureau: bureauFile, warnings });
          if (value !== undefined) row[field] = value;
        }
        out.push(row as EnrolmentOut['stages'][number]);
      }
      if (out.length === 0) return undefined;
      for (const [field, total, unit] of [['totalStudents', 'students', '人'], ['totalSchools', 'schools', '所']] as const) {
        const parts = out.map((s) => s[total]);
        if (bureau?.[field] === undefined || parts.some((n) => n === undefined)) continue;
        const sum = new Total();
        parts.forEach((n) => sum.add(n, ''));
        settle(sum, bureau[field], { where: `enrolment.${field}`, unit, bureau: bureauFile, warnings });
      }
      // The bureau's stated totals stay: the draft checks them against the stages, as it does for any file.
      return {
        stages: out,
        ...(bureau?.totalSchools === undefined ? {} : { totalSchools: bureau.totalSchools }),
        ...(bureau?.totalStudents === undefined ? {} : { totalStudents: bureau.totalStudents }),
      };
    },
  };
}
