import type { Facts } from '../facts/index.js';
import { projectInvestmentFen } from '../facts/projects.js';
import { toFen } from '../format/money.js';
import { amountCell, countCell, type Cell, type Table } from '../model/index.js';
import { AUDIENCE_LABELS, PROJECT_KIND_LABELS, PROJECT_STATUS_LABELS, SEMESTER_LABELS, STAGE_LABELS } from '../schema/enums.js';
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
      p.school ?? (p.schools ?? []).join('、'),
      p.name ?? PROJECT_KIND_LABELS[p.kind],
      p.area === undefined ? '' : String(p.area.value),
      amountCell(projectInvestmentFen(p), '万元'),
      PROJECT_STATUS_LABELS[p.status].replace(/^已(通过)?/, ''),
    ]),
    footer: ['合计', '', '', facts.projects.area ? String(facts.projects.area) : '', amountCell(facts.projects.investmentFen, '万元'), ''],
  };
}

export function trainingsTable(stats: YearlyStats, facts: Facts): Table | null {
  if (!facts.trainings) return null;
  return {
    type: 'table',
    columns: [
      { title: '培训对象', align: 'left', weight: 3 },
      { title: '培训主题', align: 'left', weight: 5 },
      { title: '期数', align: 'right', weight: 1.5 },
      { title: '人次', align: 'right', weight: 2 },
    ],
    rows: stats.trainings.map((t) => [
      t.audienceName ?? AUDIENCE_LABELS[t.audience],
      t.title ?? '',
      t.sessions === undefined ? '' : countCell(t.sessions),
      t.participants === undefined ? '' : countCell(t.participants),
    ]),
    footer: ['合计', '', countCell(facts.trainings.sessions), countCell(facts.trainings.participants)],
  };
}
