import { toFen } from '../format/money.js';
import {
  AID_PERIOD_LABELS,
  PROGRAMME_LABELS,
  SEMESTER_LABELS,
  STAGE_LABELS,
  STAGES,
  STANDARD_UNIT_LABELS,
  type AidedGroup,
  type StandardUnit,
} from '../schema/enums.js';
import type { Aid, YearlyStatsInput } from '../schema/stats.js';
import { settle } from './settle.js';
import { MAX_NAMED, Total } from './total.js';
import { aggregateWarning, namedFiles, type AggregateWarning } from './warning.js';

type AidOut = NonNullable<YearlyStatsInput['aid']>[number];

interface Standard {
  fen: number;
  unit: StandardUnit;
  files: string[];
}

interface AidSums {
  first: Aid;
  students: Total;
  amount: Total;
  copies: Total;
  /** Per-student standards by value and unit, each with the files that state it. */
  standards: Map<string, Standard>;
  verbs: Set<string | undefined>;
  /** The students per aided group, while every part says whom it aided; null once one does not. */
  groups: Map<AidedGroup, number> | null;
  /** The note, while every part is the bureau's own and says the same; null once one is not. */
  note: string | undefined | null;
}

/** A record's cell: stage × programme (and its name) × period, a back-payment apart. */
const keyOf = (a: Aid) => [a.stage, a.programme, a.name ?? '', a.period, a.backPay ? `${a.backPay.year}/${a.backPay.semester}` : ''].join('\u0000');

/** What a standard is per when the record does not say: the period it is paid for. */
const unitOf = (a: Aid): StandardUnit => a.standardUnit ?? (a.period === 'year' ? 'year' : 'semester');

/** "小学营养改善计划春季学期" / "primary nutrition spring", for warnings. */
export function aidLabel(a: Pick<Aid, 'stage' | 'programme' | 'name' | 'period' | 'backPay'>): { zh: string; en: string } {
  const period = a.backPay ? `补发${a.backPay.year}年${SEMESTER_LABELS[a.backPay.semester]}` : AID_PERIOD_LABELS[a.period];
  return {
    zh: `${STAGE_LABELS[a.stage]}${a.name ?? PROGRAMME_LABELS[a.programme]}${period}`,
    en: `${a.stage} ${a.name ?? a.programme} ${a.backPay ? `back pay ${a.backPay.year} ${a.backPay.semester}` : a.period}`,
  };
}

/**
 * 资助: one record per stage × programme × period (back-payments apart),
 * students, amounts (in 分) and copies summed, each only where every part
 * gives it. What describes the cell is kept where the parts agree: the
 * per-student standard (dropped, with a warning, where they differ), the
 * verb, and whom the students were (a group, or the mix of groups). Notes
 * are free text and are not merged: a school's are left out, the bureau's
 * kept where a cell is its own alone.
 */
export function aidFold() {
  const cells = new Map<string, AidSums>();
  const notes = { count: 0, files: [] as string[] };
  return {
    /** A school's records, or the bureau's `own` (whose notes are its own words, kept where a cell is only its). */
    add(records: readonly Aid[], source: string, own = false): void {
      for (const a of records) {
        const key = keyOf(a);
        let sums = cells.get(key);
        if (!sums) {
          sums = { first: a, students: new Total(), amount: new Total('fen'), copies: new Total(), standards: new Map(), verbs: new Set(), groups: new Map(), note: own ? a.note : null };
          cells.set(key, sums);
        }
        sums.students.add(a.students, source);
        sums.amount.add(a.amount, source);
        sums.copies.add(a.copies, source);
        if (a.standard !== undefined) {
          const fen = toFen(a.standard);
          const unit = unitOf(a);
          const std = sums.standards.get(`${fen}/${unit}`) ?? { fen, unit, files: [] };
          if (std.files.length < MAX_NAMED && !std.files.includes(source)) std.files.push(source);
          sums.standards.set(`${fen}/${unit}`, std);
        }
        sums.verbs.add(a.verb);
        if (sums.groups) {
          if (a.byGroup) for (const [g, n] of Object.entries(a.byGroup) as [AidedGroup, number][]) sums.groups.set(g, (sums.groups.get(g) ?? 0) + n);
          else if (a.group && a.students !== undefined) sums.groups.set(a.group, (sums.groups.get(a.group) ?? 0) + a.students);
          else sums.groups = null;
        }
        if (sums.note !== null && (!own || sums.note !== a.note)) sums.note = null;
        if (a.note && !own) {
          notes.count++;
          if (notes.files.length < MAX_NAMED && !notes.files.includes(source)) notes.files.push(source);
        }
      }
    },

    finish(warnings: AggregateWarning[]): AidOut[] {
      const ordered = [...cells.values()].sort((x, y) => STAGES.indexOf(x.first.stage) - STAGES.indexOf(y.first.stage));
      const out: AidOut[] = [];
      for (const sums of ordered) {
        const { stage, programme, name, period, backPay } = sums.first;
        const label = aidLabel(sums.first);
        const kept = sums.students.complete || sums.amount.complete || sums.copies.complete;
        const where = kept ? `aid[${out.length}]` : 'aid';
        const field = (f: string, unit: string) => ({ where: `${where}.${f}`, unit, label, warnings });
        const students = settle(sums.students, undefined, field('students', '人'));
        const amount = settle(sums.amount, undefined, field('amount', '元'));
        const copies = settle(sums.copies, undefined, field('copies', '册'));
        if (!kept) continue;
        const record: Record<string, unknown> = { stage, programme, ...(name ? { name } : {}), period };
        if (students !== undefined) record.students = students;
        if (amount !== undefined) record.amount = amount;
        if (copies !== undefined) record.copies = copies;
        Object.assign(record, standardOf(sums, where, label, warnings));
        if (sums.verbs.size === 1 && [...sums.verbs][0] !== undefined) record.verb = [...sums.verbs][0];
        if (sums.groups && sums.groups.size === 1) record.group = [...sums.groups.keys()][0];
        else if (sums.groups && sums.groups.size > 1) record.byGroup = Object.fromEntries(sums.groups);
        if (backPay) record.backPay = backPay;
        if (sums.note) record.note = sums.note;
        out.push(record as AidOut);
      }
      if (notes.count > 0) {
        const files = namedFiles(notes.files, notes.files.length);
        warnings.push(
          aggregateWarning(
            'not_aggregated',
            'aid[].note',
            notes.files,
            `${files.zh}中的${notes.count}条资助备注是各校自己的说明，汇总时不予合并`,
            `${notes.count} aid notes (${files.en}) are the schools' own words and are not merged`,
          ),
        );
      }
      return out;
    },
  };
}

/** The standard every part that states one agrees on; none, with a warning, where they differ. */
function standardOf(sums: AidSums, where: string, label: { zh: string; en: string }, warnings: AggregateWarning[]): Partial<AidOut> {
  const standards = [...sums.standards.values()];
  if (standards.length === 1) {
    const { fen, unit } = standards[0]!;
    const defaultUnit = sums.first.period === 'year' ? 'year' : 'semester';
    return { standard: fen / 100, ...(unit === defaultUnit ? {} : { standardUnit: unit }) };
  }
  if (standards.length > 1) {
    const list = standards.map((s) => ({ zh: `${STANDARD_UNIT_LABELS[s.unit]}${s.fen / 100}元（${namedFiles(s.files).zh}）`, en: `${s.fen / 100} yuan per ${s.unit} (${namedFiles(s.files).en})` }));
    warnings.push(
      aggregateWarning(
        'standard_differs',
        `${where}.standard`,
        standards.flatMap((s) => s.files),
        `${label.zh}，各校的资助标准不同：${list.map((l) => l.zh).join('；')}；汇总不写标准`,
        `${label.en}: the schools state different standards: ${list.map((l) => l.en).join('; ')}; the county's record has none`,
      ),
    );
  }
  return {};
}
