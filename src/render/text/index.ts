import { planReport, type LayoutPlan, type PlacedBlock, type PlacedKind } from '../../layout/plan/index.js';
import type { Report } from '../../model/index.js';

type Handler<K extends PlacedKind> = (block: Extract<PlacedBlock, { kind: K }>) => string[];

/** One handler per kind of placed block: the lines a reader reads in it. */
const handlers: { [K in PlacedKind]: Handler<K> } = {
  title: (block) => [block.lines.join('')],
  text: (block) => [block.runs.map((r) => r.text).join('')],
  table: (block) => block.rows.map((row) => row.cells.map((c) => c.text).join(' ').replace(/\s+/g, ' ').trim()),
  figure: (block) => (block.chart ? [block.chart.bars.map((bar) => `${bar.label} ${bar.text}`).join(' ')] : []),
};

/**
 * The report as the plain lines a reader sees, in reading order: title,
 * subtitle, every heading and paragraph, table captions and cells, the
 * attachment note, signature, then each attachment. One entry per printed
 * paragraph (a table contributes its caption, unit and one entry per row).
 *
 * Tests hold the DOCX and PDF text to these lines; previews can print them.
 */
export function renderLines(report: Report): string[] {
  return planLines(planReport(report));
}

/** The lines of a layout plan. */
export function planLines(plan: LayoutPlan): string[] {
  return plan.blocks.flatMap((block) => (handlers[block.kind] as Handler<PlacedKind>)(block as never));
}

/** The report as plain text, one printed paragraph a line. */
export function renderText(report: Report): string {
  return renderLines(report).join('\n') + '\n';
}
