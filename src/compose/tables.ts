import type { Facts } from '../facts/index.js';
import { projectInvestmentFen } from '../facts/projects.js';
import { floorDiv, roundDiv } from '../format/fixed.js';
import { toFen } from '../format/money.js';
import type { Table } from '../model/index.js';
import { APPROX_LABELS, AUDIENCE_LABELS, PROJECT_KIND_LABELS, PROJECT_STATUS_LABELS, SEMESTER_LABELS, STAGE_LABELS } from '../schema/enums.js';
import type { Rough } from '../schema/rough.js';
import { statusOf } from '../facts/trainings.js';
import type { YearlyStats } from '../schema/stats.js';

// Cells are cut from integer 分 like every printed figure (format/fixed.ts): float
// toFixed rounds 1.255 down and loses 分 past 2^53 / 100, so a table would
// disagree with the prose beside it.

/** An amount in 分 as a table cell in 元: "246700", "375.50". */
export function yuanCell(fen: number): string {
  return fen % 100 === 0 ? String(fen / 100) : fixedDecimal(fen);
}

/** An amount in 分 as a cell in 万元 with two decimals, rounded half-up once: "24.67". */
export function wanCell(fen: number): string {
  return fixedDecimal(roundDiv(fen, 10_000));
}

/** Hundredths as a decimal with exactly two places. */
function fixedDecimal(hundredths: number): string {
  return `${floorDiv(hundredths, 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}

// These tables stand as attachments, whose title is their caption.

/** 学段 × 项目 × 学期, one row a payment, with the year's total. */
export function aidTable(stats: YearlyStats, facts: Facts): Table | null {
  if (facts.aid.stages.length === 0) return null;
  const rows: string[][] = [];
  for (const stage of facts.aid.stages) {
    for (const p of stage.programmes) {
      for (const i of p.records) {
        const r = stats.aid[i]!;
        const period = r.backPay
          ? `补发${r.backPay.year}年${SEMESTER_LABELS[r.backPay.semester]}`
          : r.period === 'year'
            ? '全年'
            : SEMESTER_LABELS[r.period];
        rows.push([STAGE_LABELS[stage.stage], p.name, period, r.students === undefined ? '' : String(r.students), r.amount === undefined ? '' : yuanCell(toFen(r.amount))]);
      }
    }
  }
  return {
    type: 'table',
    unit: '单位：人、元',
    columns: [
      { title: '学段', align: 'left', weight: 3.8 },
      { title: '资助项目', align: 'left', weight: 4.4 },
      { title: '学期', align: 'left', weight: 4.2 },
      { title: '人数', align: 'right', weight: 2 },
      { title: '金额', align: 'right', weight: 2.8 },
    ],
    rows,
    footer: ['合计', '', '', String(facts.aid.total.students), yuanCell(facts.aid.total.fen)],
  };
}

/** An estimate keeps its word in a cell: 约70000.00, 10000多. */
function roughCell(r: Rough, cell: string): string {
  if (!r.approx) return cell;
  return r.approx === 'nearly' || r.approx === 'about' ? `${APPROX_LABELS[r.approx]}${cell}` : `${cell}${APPROX_LABELS[r.approx]}`;
}

export function projectsTable(stats: YearlyStats, facts: Facts): Table | null {
  if (!facts.projects) return null;
  return {
    type: 'table',
    unit: '单位：平方米、万元',
    columns: [
      { title: '序号', align: 'center', weight: 1.2 },
      { title: '学校', align: 'left', weight: 4 },
      { title: '项目', align: 'left', weight: 4 },
      { title: '面积', align: 'right', weight: 2.2 },
      { title: '投资', align: 'right', weight: 2.2 },
      { title: '进度', align: 'center', weight: 3 },
    ],
    rows: stats.projects.map((p, i) => [
      String(i + 1),
      p.school ?? `${(p.schools ?? []).join('、')}${p.schoolCount && p.schoolCount > (p.schools?.length ?? 0) ? `${p.schools?.length ? '等' : ''}${p.schoolCount}所` : ''}`,
      p.name ?? PROJECT_KIND_LABELS[p.kind],
      p.area === undefined ? '' : roughCell(p.area, String(p.area.value)),
      p.investment?.approx ? roughCell(p.investment, wanCell(toFen(p.investment.value))) : investmentCell(projectInvestmentFen(p)),
      PROJECT_STATUS_LABELS[p.status].replace(/^已(通过)?/, ''),
    ]),
    // A total only where every project gives its figure exactly; no 合计 row with nothing in it.
    ...(facts.projects.area === undefined && facts.projects.investmentFen === undefined
      ? {}
      : { footer: ['合计', '', '', facts.projects.area === undefined ? '' : String(facts.projects.area), investmentCell(facts.projects.investmentFen), ''] }),
  };
}

const investmentCell = (fen: number | undefined) => (fen === undefined ? '' : wanCell(fen));

/** The trainings held (planned ones are targets, stated in the text), with their totals where every one gives them. */
export function trainingsTable(stats: YearlyStats, facts: Facts): Table | null {
  const held = stats.trainings.filter((t) => statusOf(t) === 'done');
  if (!facts.trainings || held.length === 0) return null;
  const t = facts.trainings;
  return {
    type: 'table',
    columns: [
      { title: '培训对象', align: 'left', weight: 3 },
      { title: '培训主题', align: 'left', weight: 5 },
      { title: '期数', align: 'right', weight: 1.5 },
      { title: '人次', align: 'right', weight: 2 },
    ],
    rows: held.map((t) => [
      t.audienceName ?? AUDIENCE_LABELS[t.audience],
      t.title ?? '',
      t.sessions === undefined ? '' : String(t.sessions),
      t.participants === undefined ? '' : String(t.participants),
    ]),
    footer: ['合计', '', t.known.sessions ? String(t.sessions) : '', t.known.participants ? String(t.participants) : ''],
  };
}
