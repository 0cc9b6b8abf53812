import { PROGRAMME_LABELS, STAGE_LABELS, type Programme, type Stage } from '../schema/enums.js';
import type { YearlyStats } from '../schema/stats.js';
import { formatPath } from '../schema/issues.js';
import { aidLabel } from './aid.js';
import { aggregateWarning, type AggregateWarning } from './warning.js';

/**
 * Programmes whose students are not the school's own pupils: loans and
 * 雨露计划 go to students at college or vocational school elsewhere, and
 * 新生入学资助 to those just leaving for one. Neither check applies to them.
 */
const PAID_ELSEWHERE: ReadonlySet<Programme> = new Set(['studentLoan', 'yulu', 'freshmanAid']);

/** Students a school has in a stage: 义务教育 counts 小学 and 初中; either of those counts an undivided 义务教育. */
function enrolledIn(stats: YearlyStats, stage: Stage): number {
  const stages = stats.enrolment?.stages ?? [];
  // A stage that gives no student count (its schools only) leaves the count unknown: nothing to check against.
  const sum = (wanted: readonly Stage[]) => {
    const found = stages.filter((s) => wanted.includes(s.stage));
    return found.some((s) => s.students === undefined) ? Number.POSITIVE_INFINITY : found.reduce((n, s) => n + s.students!, 0);
  };
  if (stage === 'compulsory') return sum(['compulsory', 'primary', 'junior']);
  if (stage === 'primary' || stage === 'junior') return sum([stage, 'compulsory']);
  return sum([stage]);
}

/**
 * One school's aid against its own enrolment: a programme in a stage it has
 * no students in, and more students aided by one programme in one period
 * than it has in the stage. A school that gives no enrolment is not checked.
 */
export function checkAidAgainstEnrolment(stats: YearlyStats, source: string): AggregateWarning[] {
  if (!stats.enrolment) return [];
  const out: AggregateWarning[] = [];
  const aided = new Map<string, { students: number; index: number }>();
  stats.aid.forEach((a, index) => {
    if (PAID_ELSEWHERE.has(a.programme)) return;
    const enrolled = enrolledIn(stats, a.stage);
    const where = formatPath(['aid', index]);
    if (enrolled === 0) {
      out.push(
        aggregateWarning(
          'aid_without_enrolment',
          `${source}: ${where}`,
          [source],
          `填报了${STAGE_LABELS[a.stage]}${PROGRAMME_LABELS[a.programme]}，但该校${STAGE_LABELS[a.stage]}没有在校学生`,
          `reports ${a.programme} aid in ${a.stage}, but the school has no students in ${a.stage}`,
        ),
      );
      return;
    }
    if (a.students === undefined || a.backPay) return;
    const key = [a.stage, a.programme, a.name ?? '', a.period].join('\u0000');
    const seen = aided.get(key) ?? { students: 0, index };
    seen.students += a.students;
    aided.set(key, seen);
    if (seen.students > enrolled && seen.students - a.students <= enrolled) {
      const label = aidLabel(a);
      out.push(
        aggregateWarning(
          'aid_exceeds_enrolment',
          `${source}: ${formatPath(['aid', seen.index, 'students'])}`,
          [source],
          `${label.zh}受助${seen.students}人，多于该校${STAGE_LABELS[a.stage]}在校学生${enrolled}人`,
          `${label.en}: ${seen.students} aided, more than the ${enrolled} students the school has in ${a.stage}`,
        ),
      );
    }
  });
  return out;
}
