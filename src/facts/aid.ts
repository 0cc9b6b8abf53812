import { toFen } from '../format/money.js';
import { PROGRAMME_LABELS, STAGES, type AidPeriod, type Programme, type Stage } from '../schema/enums.js';
import type { Aid, YearlyStats } from '../schema/stats.js';

/** Students (人, or 人次 once summed over semesters) and money in 分. */
export interface Tally {
  students: number;
  fen: number;
}

export interface BackPayFact extends Tally {
  year: number;
  semester: 'spring' | 'autumn';
}

export interface ProgrammeFacts {
  stage: Stage;
  programme: Programme;
  /** The printed name: the record's own name, or the programme's label. */
  name: string;
  /** Regular payments per period (back-payments excluded). */
  periods: Partial<Record<AidPeriod, Tally>>;
  backPays: BackPayFact[];
  /** Everything, back-payments included: 人次 and 分. */
  total: Tally;
  /** Indexes into stats.aid of the records counted here. */
  records: number[];
}

export interface StageAidFacts {
  stage: Stage;
  programmes: ProgrammeFacts[];
  total: Tally;
  bySemester: Partial<Record<AidPeriod, Tally>>;
}

export interface AidFacts {
  stages: StageAidFacts[];
  bySemester: Partial<Record<AidPeriod, Tally>>;
  total: Tally;
}

const zero = (): Tally => ({ students: 0, fen: 0 });
const add = (t: Tally, students: number, fen: number) => {
  t.students += students;
  t.fen += fen;
};

/** Totals per stage, programme and semester, summed exactly in 分. */
export function aidFacts(stats: Pick<YearlyStats, 'aid'>): AidFacts {
  const stages = new Map<Stage, StageAidFacts>();
  const bySemester: AidFacts['bySemester'] = {};
  const total = zero();

  stats.aid.forEach((record: Aid, index) => {
    // TODO(issue 11): rows without students or amount must not count as 0 in printed totals.
    const fen = record.amount === undefined ? 0 : toFen(record.amount);
    const students = record.students ?? 0;
    let stage = stages.get(record.stage);
    if (!stage) stages.set(record.stage, (stage = { stage: record.stage, programmes: [], total: zero(), bySemester: {} }));
    const name = record.name ?? PROGRAMME_LABELS[record.programme];
    let programme = stage.programmes.find((p) => p.programme === record.programme && p.name === name);
    if (!programme) {
      programme = { stage: record.stage, programme: record.programme, name, periods: {}, backPays: [], total: zero(), records: [] };
      stage.programmes.push(programme);
    }
    programme.records.push(index);
    if (record.backPay) {
      programme.backPays.push({ ...record.backPay, students, fen });
    } else {
      add((programme.periods[record.period] ??= zero()), students, fen);
    }
    add(programme.total, students, fen);
    add((stage.bySemester[record.period] ??= zero()), students, fen);
    add(stage.total, students, fen);
    add((bySemester[record.period] ??= zero()), students, fen);
    add(total, students, fen);
  });

  const ordered = STAGES.flatMap((s) => (stages.has(s) ? [stages.get(s)!] : []));
  return { stages: ordered, bySemester, total };
}
