import { toFen } from '../format/money.js';
import { amountCell, countCell, textCell, type Cell, type Block, type Table } from '../model/index.js';
import { STAGE_LABELS } from '../schema/enums.js';
import type { YearlyStats } from '../schema/stats.js';
/** This table's cells, typed (src/model/cells.ts): amounts in 元. */
const cell = { text: textCell, count: countCell, amount: (fen: number) => amountCell(fen, '元') };
/** An empty cell where a figure is not known. */
const known = <T>(value: T | undefined, make: (value: T) => Cell) => (value === undefined ? cell.text('') : make(value));

/**
 * 各学校学生资助情况统计表: one row per school and stage, 受助人次 (every
 * programme and period of the stage added) and 资助金额. The total row adds
 * the rows; a column with an empty cell (a school left a figure out) has no
 * total, as the summary then states none.
 */
export function schoolsTable(stats: YearlyStats): Table | null {
  const rows: Cell[][] = [];
  let students: number | undefined = 0;
  let fen: number | undefined = 0;
  for (const school of stats.schools) {
    for (const line of school.aid) {
      const amount = line.amount === undefined ? undefined : toFen(line.amount);
      rows.push([cell.text(school.name), cell.text(STAGE_LABELS[line.stage]), known(line.students, cell.count), known(amount, cell.amount)]);
      students = students === undefined || line.students === undefined ? undefined : students + line.students;
      fen = fen === undefined || amount === undefined ? undefined : fen + amount;
    }
  }
  if (rows.length === 0) return null;
  return {
    type: 'table',
    unit: '单位：人次、元',
    columns: [
      { title: '学校', align: 'left', weight: 6 },
      { title: '学段', align: 'left', weight: 3.6 },
      { title: '受助人次', align: 'right', weight: 2.6 },
      { title: '资助金额', align: 'right', weight: 3.2 },
    ],
    rows,
    footer: [cell.text('合计'), cell.text(''), known(students, cell.count), known(fen, cell.amount)],
  };
}

/**
 * 各学校工作亮点: each school that gave highlights as a heading with its
 * paragraphs, for an appendix. The text is the school's own, printed as
 * written (a line break starts a new paragraph).
 */
export function schoolHighlights(stats: YearlyStats): Block[] {
  return stats.schools.flatMap((school): Block[] => {
    const paragraphs = school.highlights.flatMap((h) => h.split('\n').map((s) => s.trim()).filter(Boolean));
    if (paragraphs.length === 0) return [];
    return [{ type: 'heading', level: 1, number: '', text: school.name }, ...paragraphs.map((text): Block => ({ type: 'paragraph', text }))];
  });
}
