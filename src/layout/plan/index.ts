import { attachmentLabel, type Report } from '../../model/index.js';
import { GBT9704, textBlock, type LayoutProfile } from '../profile.js';
import { titleLines } from '../title.js';
import { planBlock } from './blocks.js';
import { planAttachmentNote, planSignature } from './closing.js';
import { createPlanContext, type PlanContext, type PlanOptions } from './context.js';
import { emWidth } from '../measure.js';
import type { LayoutPlan, PlacedBlock, TextBlock, TitleBlock } from './types.js';

export type { ChartDrawer, PlanOptions } from './context.js';
export { columnShares } from './table.js';
export type * from './types.js';

/**
 * Body lines the 落款 keeps on its page: it never stands alone at the top of
 * a page, and no more is carried over than that (GB/T 9704 §7.3.5).
 */
export const CLOSING_KEEPS_LINES = 2;

/**
 * The report placed on the page, in reading order: the title (and
 * subtitle), the body, the attachment note and the 落款, then each
 * attachment on a new page. Every renderer draws this plan; a rule of the
 * page lives here once.
 *
 * @example planReport(report).blocks.map((b) => b.kind) // ['title', 'text', 'text', 'table', …]
 */
export function planReport(report: Report, profile: LayoutProfile = GBT9704, options: PlanOptions = {}): LayoutPlan {
  const ctx = createPlanContext(profile, options);
  const blocks: PlacedBlock[] = [title(report.title, 'title', ctx, report.subtitle ? 0 : 1, report.meta.author)];
  if (report.subtitle) {
    // The subtitle in 楷体 (the level-2 heading role), centred, as the DOCX has always set it.
    blocks.push(ctx.text('subtitle', [{ text: report.subtitle, role: 'heading2' }], { align: 'center', indent: { first: 0, rest: 0 }, space: { after: 1 } }));
  }
  const body = report.body.flatMap((block) => planBlock(block, ctx));
  const closing = [...planAttachmentNote(report, ctx), ...(report.signature ? planSignature(report.signature, ctx) : [])];
  if (closing.length > 0) keepClosingLines(body, profile);
  blocks.push(...body, ...closing);
  for (const attachment of report.attachments) {
    const label = ctx.text('label', [{ text: attachmentLabel(report, attachment), role: 'heading1' }], {
      align: 'left',
      indent: { first: 0, rest: 0 },
      space: { after: 1 },
      keep: { withNext: true },
      pageBreakBefore: true,
      outline: { level: 1, text: `${attachmentLabel(report, attachment)} ${attachment.title}` },
    });
    blocks.push(label, title(attachment.title, 'attachmentTitle', ctx, 1), ...attachment.blocks.flatMap((block) => planBlock(block, ctx)));
  }
  return { profile, meta: report.meta, blocks };
}

/**
 * The body's last lines that go over with the 落款 (GB/T 9704 §7.3.5): the
 * last block keeps its last {@link CLOSING_KEEPS_LINES} lines with it. A last
 * block of one line (特此报告。) cannot give two, so the paragraph before it
 * gives them: its last two lines, or, when it is short, all of it — a short
 * paragraph split 1 + 2 is what Word's and LibreOffice's orphan control
 * refuse, so they carry it whole, and so does the PDF.
 */
function keepClosingLines(body: PlacedBlock[], profile: LayoutProfile): void {
  const last = body.at(-1);
  if (!last) return;
  const before = body.at(-2);
  if (last.kind === 'text' && before?.kind === 'text' && before.style === 'body' && linesOf(last, profile) === 1) {
    last.keep = { ...last.keep, withNext: true };
    before.keep =
      linesOf(before, profile) <= WHOLE_BEFORE_CLOSING
        ? { ...before.keep, withNext: true, lastLines: Number.POSITIVE_INFINITY, whole: true }
        : { ...before.keep, lastLines: CLOSING_KEEPS_LINES };
    return;
  }
  last.keep = { ...last.keep, lastLines: CLOSING_KEEPS_LINES };
}

/** The longest paragraph carried over whole with a one-line close and the 落款. */
const WHOLE_BEFORE_CLOSING = 4;

/** About how many grid lines a text block takes (its first-line indent included); enough to tell one from several. */
function linesOf(block: TextBlock, profile: LayoutProfile): number {
  const chars = profile.grid.charsPerLine;
  return Math.max(1, Math.ceil((block.indent.first + emWidth(block.runs.map((r) => r.text).join(''))) / chars));
}

/**
 * A title in the title role, centred: a long one broken into balanced lines
 * (a trapezoid, never inside a number or 《》), each no wider than the text
 * block at the title size.
 */
function title(text: string, style: TitleBlock['style'], ctx: PlanContext, after: number, issuer?: string): TitleBlock {
  const role = 'title';
  const capacity = Math.floor(textBlock(ctx.profile).widthPt / ctx.profile.roles[role].sizePt);
  return { kind: 'title', style, text, lines: titleLines(text, capacity, issuer), role, space: { before: 0, after }, keep: { withNext: style === 'attachmentTitle' } };
}
