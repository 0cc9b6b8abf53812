import type { Facts } from '../facts/index.js';
import { projectInvestmentFen } from '../facts/projects.js';
import { toFen } from '../format/money.js';
import { amountCell, countCell, type Cell, type Table } from '../model/index.js';
import { APPROX_LABELS, AUDIENCE_LABELS, PROJECT_KIND_LABELS, PROJECT_STATUS_LABELS, SEMESTER_LABELS, STAGE_LABELS } from '../schema/enums.js';
import type { Rough } from '../schema/rough.js';
import { statusOf } from '../facts/trainings.js';
import type { YearlyStats } from '../schema/stats.js';

// Numbers are typed cells (model/cells.ts): the printed text cut from integer 分,
// as every printed figure is, and the value it came from.

// These tables stand as attachments, whose title is their caption.

/** 学段 × 项目 × 学期, one row a payment, with the year's total. */
export function aidTable(stats: YearlyStats, facts: Facts): Table | null {
  if (facts.aid.stages.length === 0) return null;
  const rows: Cell[][] = [];
  for (const stage of facts.aid.stages) {
    for (const p of stage.programmes) {
      for (const i of p.records) {
        const r = stats.aid[i]!;
        const period = r.backPay
          ? `补发${r.backPay.year}年${SEMESTER_LABELS[r.backPay.semester]}`
          : r.period === 'year'
            ? '全年'
            : SEMESTER_LABELS[r.period];
        rows.push([STAGE_LABELS[stage.stage], p.name, period, r.students === undefined ? '' : countCell(r.students), r.amount === undefined ? '' : amountCell(toFen(r.amount), '元')]);
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
    footer: ['合计', '', '', countCell(facts.aid.total.students), amountCell(facts.aid.total.fen, '元')],
  };
}

/** An estimate keeps its word in a cell: 约70000.00, 10000多. */
function roughText(r: Rough, text: string): string {
  if (!r.approx) return text;
  return r.approx === 'nearly' || r.approx === 'about' ? `${APPROX_LABELS[r.approx]}${text}` : `${text}${APPROX_LABELS[r.approx]}`;
}

/** An estimated investment in 万元: the amount, its text with the estimate's word. */
function roughAmountCell(r: Rough): Cell {
  const cell = amountCell(toFen(r.value), '万元');
  return { ...cell, text: roughText(r, cell.text) };
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
      p.area === undefined ? '' : roughText(p.area, String(p.area.value)),
      p.investment?.approx ? roughAmountCell(p.investment) : investmentCell(projectInvestmentFen(p)),
      PROJECT_STATUS_LABELS[p.status].replace(/^已(通过)?/, ''),
    ]),
    // A total only where every project gives its figure exactly; no 合计 row with nothing in it.
    ...(facts.projects.area === undefined && facts.projects.investmentFen === undefined
      ? {}
      : { footer: ['合计', '', '', facts.projects.area === undefined ? '' : String(facts.projects.area), investmentCell(facts.projects.investmentFen), ''] }),
  };
}

const investmentCell = (fen: number | undefined): Cell => (fen === undefined ? '' : amountCell(fen, '万元'));

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
      t.sessions === undefined ? '' : countCell(t.sessions),
      t.participants === undefined ? '' : countCell(t.participants),
    ]),
    footer: ['合计', '', t.known.sessions ? countCell(t.sessions) : '', t.known.participants ? countCell(t.participants) : ''],
  };
}
