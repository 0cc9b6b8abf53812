import { personAt } from '../domain/organisations.js';
import { programmeRule, programmeVerb } from '../domain/programmes.js';
import type { Facts, PaymentFacts, ProgrammeFacts, StageAidFacts, Tally } from '../facts/index.js';
import { formatAmountChange, formatChange } from '../format/change.js';
import { SEMESTER_LABELS, STAGE_LABELS, STANDARD_UNIT_LABELS, type AidedGroup, type AidPeriod, type Semester, type Stage } from '../schema/enums.js';
import type { YearlyStats } from '../schema/stats.js';
import type { AidStageView, AidView, PaymentView, PeriodView, ProgrammeView } from './template-view.js';
import type { Terms } from './terms.js';
import { beforeFigure, groupName, known, sentence } from './view-values.js';

/** The aid section of the view: the totals apart by kind, each stage, programme and payment. */

/** What an aid period is called in the report's running text: a year's payment in a school year's report is the school year's. */
function paymentLabel(period: AidPeriod, report: PeriodView): string {
  if (period !== 'year') return SEMESTER_LABELS[period];
  return report.kind === 'schoolYear' ? '本学年' : '全年';
}

function paymentView(p: PaymentFacts, label: string, backPay: boolean, person: string, terms: Terms): PaymentView | null {
  const students = known(p.students, p.known.students);
  const copies = known(p.copies, p.known.copies);
  const fen = known(p.fen, p.known.fen);
  // A payment with nothing to state (0 students and 0元) is no payment.
  if (students === null && copies === null && fen === null) return null;
  const several = p.group === undefined && p.groups.length > 0;
  // Beside other groups, 家庭经济困难学生 are the *other* students with financial difficulty.
  const shareName = (g: AidedGroup) => `${g === 'hardship' && p.groups.length > 1 ? '其他' : ''}${groupName(g, person, terms)}`;
  return {
    backPay,
    label,
    students,
    noun: p.group ? groupName(p.group, person, terms) : person,
    grouped: p.group !== undefined,
    copies,
    fen,
    standard: p.standard && p.standard.fen > 0 ? { unit: STANDARD_UNIT_LABELS[p.standard.unit], fen: p.standard.fen } : null,
    shares: several ? p.groups.filter((g) => g.students > 0).map((g) => ({ label: shareName(g.group), students: g.students })) : [],
  };
}

function totalOf(t: Tally) {
  const total = { students: known(t.students, t.known.students), copies: known(t.copies, t.known.copies), fen: known(t.fen, t.known.fen) };
  return total.students === null && total.copies === null && total.fen === null ? null : total;
}

function programmeView(p: ProgrammeFacts, stats: YearlyStats, terms: Terms, report: PeriodView): ProgrammeView | null {
  const person = personAt(stats.organisation.kind, p.stage);
  const payments = [
    ...(['spring', 'autumn', 'year'] as const).flatMap((period) => {
      const t = p.periods[period];
      const view = t && paymentView(t, paymentLabel(period, report), false, person, terms);
      return view ? [view] : [];
    }),
    ...p.backPays.flatMap((b) => {
      const view = paymentView(b, `${b.year}年${SEMESTER_LABELS[b.semester]}`, true, person, terms);
      return view ? [view] : [];
    }),
  ];
  if (payments.length === 0) return null;
  const notes = p.records.flatMap((i) => (stats.aid[i]!.note ? [sentence(stats.aid[i]!.note!)] : []));
  const ownVerb = stats.aid[p.records[0]!]!.verb;
  return {
    label: p.name,
    name: beforeFigure(p.name),
    // The verb again, with a name ending in a digit quoted where it stands in it (发放“爱心助学金2”).
    verb: programmeVerb(p.programme, p.stage, beforeFigure(p.name), ownVerb && beforeFigure(ownVerb)),
    amountLead: programmeRule(p.programme).amountLead,
    copiesUnit: programmeRule(p.programme).copies,
    payments,
    // A total is worth stating when it sums more than one payment.
    total: payments.length > 1 ? totalOf(p.total) : null,
    notes,
  };
}

/**
 * Coverage of a stage, computed from its parts: stated only where it is
 * full. A lower rate is not stated: it counts the students the rows name as
 * the group's, and a programme paid to all (营养改善计划) names no group, so
 * “覆盖率为19%” could say less than the truth.
 */
function coverageOf(stage: Stage, facts: Facts, stats: YearlyStats, terms: Terms): string[] {
  const person = personAt(stats.organisation.kind, stage);
  const full = new Map<AidedGroup, Semester[]>();
  const short = new Set<AidedGroup>();
  for (const c of facts.coverage) {
    if (c.stage !== stage || !c.group) continue;
    if (c.aided >= c.eligible) full.set(c.group, [...(full.get(c.group) ?? []), c.semester]);
    else short.add(c.group);
  }
  return [...full]
    .filter(([group]) => !short.has(group))
    .map(([group, semesters]) => {
      const both = semesters.length > 1;
      return `${both ? '春季和秋季学期' : SEMESTER_LABELS[semesters[0]!]}${groupName(group, person, terms)}资助${both ? '均' : ''}实现全覆盖`;
    });
}

function stageView(s: StageAidFacts, facts: Facts, stats: YearlyStats, terms: Terms, report: PeriodView): AidStageView | null {
  const programmes = s.programmes.flatMap((p) => programmeView(p, stats, terms, report) ?? []);
  if (programmes.length === 0) return null;
  return { stage: s.stage, label: STAGE_LABELS[s.stage], single: programmes.length === 1, programmes, coverage: coverageOf(s.stage, facts, stats, terms) };
}

export function aidView(stats: YearlyStats, facts: Facts, terms: Terms, report: PeriodView): AidView | null {
  const stages = facts.aid.stages.flatMap((s) => stageView(s, facts, stats, terms, report) ?? []);
  if (stages.length === 0) return null;
  const { grants, loans, inKind } = facts.aid;
  const pair = (t: Tally) => {
    const v = { students: known(t.students, t.known.students), fen: known(t.fen, t.known.fen) };
    return t.rows && (v.students !== null || v.fen !== null) ? v : null;
  };
  const goods = { students: known(inKind.students, inKind.known.students), copies: known(inKind.copies, inKind.known.copies), fen: known(inKind.fen, inKind.known.fen) };
  const change = facts.change;
  return {
    several: stages.length > 1,
    grants: pair(grants),
    loans: pair(loans),
    inKind: inKind.rows && (goods.students !== null || goods.copies !== null || goods.fen !== null) ? goods : null,
    change: change.aidFen ? formatAmountChange(change.aidFen.current / 100, change.aidFen.previous / 100) : null,
    studentsChange: change.aidStudents ? formatChange(change.aidStudents.current, change.aidStudents.previous, '人次') : null,
    stages,
  };
}

