import { programmeName, programmeRule, programmeVerb, defaultStandardUnit, type ProgrammeKind } from '../domain/programmes.js';
import { toFen } from '../format/money.js';
import { GROUP_LABELS, STAGES, type AidedGroup, type AidPeriod, type Programme, type Stage, type StandardUnit } from '../schema/enums.js';
import type { Aid, YearlyStats } from '../schema/stats.js';

/**
 * Students (人, or 人次 once summed over semesters), copies (册) and money in
 * 分, summed over the rows that give them. A total is only a total when
 * every row gave its part: `known` says so, and a summary states a figure
 * only where it is known (a row without an amount is not an amount of 0).
 */
export interface Tally {
  students: number;
  fen: number;
  copies: number;
  /** Rows summed. */
  rows: number;
  /** Whether every row summed gave students, an amount, copies. */
  known: { students: boolean; fen: boolean; copies: boolean };
}

/** Aided students of one group within a payment: from the row's `group` or its `byGroup`. */
export interface GroupShare {
  group: AidedGroup;
  students: number;
}

/** One payment: the rows of a programme for one period (or one back-paid semester). */
export interface PaymentFacts extends Tally {
  /** The group every row names with `group` (none uses `byGroup`): the payment went to that group. */
  group?: AidedGroup;
  /**
   * Otherwise, students per group as the rows attribute them (`byGroup`, or
   * `group` with students); students of rows that name no group are in no share.
   */
  groups: GroupShare[];
  /** The per-student standard, when every row gives the same one. */
  standard?: { fen: number; unit: StandardUnit };
}

export interface BackPayFact extends PaymentFacts {
  year: number;
  semester: 'spring' | 'autumn';
}

export interface ProgrammeFacts {
  stage: Stage;
  programme: Programme;
  /** What it gives (src/domain/programmes.ts): which headline total it joins. */
  kind: ProgrammeKind;
  /** The printed name: the record's own name, or the programme's label at the stage. */
  name: string;
  /** How the payment reads: the rows' own verb, or the programme's at the stage. */
  verb: string;
  /** Regular payments per period (back-payments excluded). */
  periods: Partial<Record<AidPeriod, PaymentFacts>>;
  backPays: BackPayFact[];
  /** Everything, back-payments included: 人次, 册 and 分. */
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
  /** Every row: what the attachment table's 合计 sums. */
  total: Tally;
  /**
   * The headline, “资助学生N人次、发放资助资金X元”: grants and waivers (money
   * paid or fees not charged), back-payments included. Free textbooks (in
   * kind) and loans are not aid money paid: they are `inKind` and `loans`.
   */
  grants: Tally;
  /** 免费教科书: students or copies, and a 折合 value where given. */
  inKind: Tally;
  /** 生源地信用助学贷款: students and the amount lent. */
  loans: Tally;
}

export const zeroTally = (): Tally => ({ students: 0, fen: 0, copies: 0, rows: 0, known: { students: true, fen: true, copies: true } });

/** Adds one row's figures (undefined: not given) to a tally. */
function addRow(t: Tally, students: number | undefined, fen: number | undefined, copies: number | undefined): void {
  t.rows += 1;
  t.students += students ?? 0;
  t.fen += fen ?? 0;
  t.copies += copies ?? 0;
  if (students === undefined) t.known.students = false;
  if (fen === undefined) t.known.fen = false;
  if (copies === undefined) t.known.copies = false;
}

function addTally(t: Tally, other: Tally): void {
  t.rows += other.rows;
  t.students += other.students;
  t.fen += other.fen;
  t.copies += other.copies;
  t.known = { students: t.known.students && other.known.students, fen: t.known.fen && other.known.fen, copies: t.known.copies && other.known.copies };
}

const GROUP_ORDER = Object.keys(GROUP_LABELS) as AidedGroup[];

const zeroPayment = (): PaymentFacts => ({ ...zeroTally(), groups: [] });

/** The groups a row attributes its students to, with their counts. */
function sharesOf(row: Aid): GroupShare[] {
  if (row.byGroup) return (Object.entries(row.byGroup) as [AidedGroup, number][]).map(([group, students]) => ({ group, students }));
  if (row.group && row.students !== undefined) return [{ group: row.group, students: row.students }];
  return [];
}

function addToPayment(payment: PaymentFacts, row: Aid, fen: number | undefined): void {
  const first = payment.rows === 0;
  addRow(payment, row.students, fen, row.copies);
  const group = row.byGroup ? undefined : row.group;
  if (first) payment.group = group;
  else if (payment.group !== group) delete payment.group;
  if (payment.group === undefined) delete payment.group;
  for (const share of sharesOf(row)) {
    const same = payment.groups.find((g) => g.group === share.group);
    if (same) same.students += share.students;
    else payment.groups.push({ ...share });
  }
  // In the vocabulary's order, whatever the order of a byGroup's keys.
  payment.groups.sort((a, b) => GROUP_ORDER.indexOf(a.group) - GROUP_ORDER.indexOf(b.group));
  const standard = row.standard === undefined ? undefined : { fen: toFen(row.standard), unit: row.standardUnit ?? defaultStandardUnit(row.period) };
  if (first) {
    if (standard) payment.standard = standard;
  } else if (!standard || !payment.standard || payment.standard.fen !== standard.fen || payment.standard.unit !== standard.unit) {
    delete payment.standard;
  }
}

/** Totals per stage, programme and semester, summed exactly in 分. */
export function aidFacts(stats: Pick<YearlyStats, 'aid'>): AidFacts {
  const stages = new Map<Stage, StageAidFacts>();
  const bySemester: AidFacts['bySemester'] = {};
  const total = zeroTally();
  const byKind: Record<ProgrammeKind, Tally> = { grant: zeroTally(), waiver: zeroTally(), inKind: zeroTally(), loan: zeroTally() };

  stats.aid.forEach((record: Aid, index) => {
    const fen = record.amount === undefined ? undefined : toFen(record.amount);
    let stage = stages.get(record.stage);
    if (!stage) stages.set(record.stage, (stage = { stage: record.stage, programmes: [], total: zeroTally(), bySemester: {} }));
    const name = programmeName(record.programme, record.stage, record.name);
    const verb = programmeVerb(record.programme, record.stage, name, record.verb);
    let programme = stage.programmes.find((p) => p.programme === record.programme && p.name === name && p.verb === verb);
    if (!programme) {
      const kind = programmeRule(record.programme).kind;
      programme = { stage: record.stage, programme: record.programme, kind, name, verb, periods: {}, backPays: [], total: zeroTally(), records: [] };
      stage.programmes.push(programme);
    }
    programme.records.push(index);
    if (record.backPay) {
      const { year, semester } = record.backPay;
      let back = programme.backPays.find((b) => b.year === year && b.semester === semester);
      if (!back) programme.backPays.push((back = { ...zeroPayment(), year, semester }));
      addToPayment(back, record, fen);
    } else {
      addToPayment((programme.periods[record.period] ??= zeroPayment()), record, fen);
    }
    for (const t of [programme.total, (stage.bySemester[record.period] ??= zeroTally()), stage.total, (bySemester[record.period] ??= zeroTally()), total, byKind[programme.kind]]) {
      addRow(t, record.students, fen, record.copies);
    }
  });

  const grants = zeroTally();
  addTally(grants, byKind.grant);
  addTally(grants, byKind.waiver);
  const ordered = STAGES.flatMap((s) => (stages.has(s) ? [stages.get(s)!] : []));
  return { stages: ordered, bySemester, total, grants, inKind: byKind.inKind, loans: byKind.loan };
}
