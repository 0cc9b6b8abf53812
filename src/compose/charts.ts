import type { Facts } from '../facts/index.js';
import { amountCell, type Figure } from '../model/index.js';
import { STAGE_LABELS } from '../schema/enums.js';

/** A chart across the text block, eight grid lines high (8 × 28.95 pt ≈ 81.7 mm). */
const CHART_SIZE = { widthMm: 150, heightMm: 81.7 } as const;

// Charts stand in attachments, next to the table of the same figures.

/**
 * 各学段资助资金: the year's aid by stage as a bar chart in 万元, from the
 * exact totals in 分. Left out when fewer than two stages have aid (one bar
 * says nothing a sentence does not).
 */
export function fundsByStageChart(facts: Facts): Figure | null {
  const stages = facts.aid.stages.filter((s) => s.total.fen > 0);
  if (stages.length < 2) return null;
  return {
    type: 'figure',
    caption: '各学段学生资助资金',
    ...CHART_SIZE,
    chart: {
      kind: 'bar',
      unit: '万元',
      titles: ['学段', '资助资金'],
      bars: stages.map((s) => {
        const cell = amountCell(s.total.fen, '万元');
        return { label: STAGE_LABELS[s.stage], value: Number(cell.text), text: cell.text };
      }),
    },
  };
}
