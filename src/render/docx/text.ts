import { AlignmentType, type IParagraphPropertiesOptions, type Paragraph } from 'docx';
import type { Align, TextBlock, TextStyle } from '../../layout/plan/index.js';
import { chars, type DocxContext } from './context.js';
import { textRun } from './run.js';
import { styledParagraph } from './shared.js';
import { STYLE, STYLE_DEFAULTS } from './styles.js';

const STYLE_ID: Record<TextStyle, string> = {
  body: STYLE.body,
  heading1: STYLE.heading[0],
  heading2: STYLE.heading[1],
  heading3: STYLE.heading[2],
  heading4: STYLE.heading[3],
  subtitle: STYLE.subtitle,
  caption: STYLE.caption,
  unit: STYLE.unit,
  note: STYLE.note,
  signature: STYLE.signature,
  label: STYLE.attachmentLabel,
};

export const ALIGNMENT = { justify: AlignmentType.BOTH, left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

/**
 * A text block as one paragraph in its style. What the plan says beyond the
 * style's defaults (an indent, an alignment, space, keeps) is written on the
 * paragraph. Widow control stays off (it would break the 22-line grid) except
 * where the plan keeps a block's last lines with what follows: there it is
 * what keeps two lines, not one, with the 落款.
 */
export function text(block: TextBlock, ctx: DocxContext): Paragraph[] {
  const style = STYLE_ID[block.style];
  const defaults = STYLE_DEFAULTS[block.style];
  const options: Mutable<IParagraphPropertiesOptions> = { style, widowControl: block.keep.lastLines !== undefined };
  const keepNext = block.keep.withNext || block.keep.lastLines !== undefined;
  if (keepNext !== defaults.keepNext) options.keepNext = keepNext;
  if (block.keep.whole) options.keepLines = true;
  if (block.pageBreakBefore) options.pageBreakBefore = true;
  if (block.space.before || block.space.after) {
    options.spacing = { ...(block.space.before ? { before: block.space.before * ctx.linePitch } : {}), ...(block.space.after ? { after: block.space.after * ctx.linePitch } : {}) };
  }
  const indent = indentOf(block, ctx, defaults.indented ? ctx.profile.indentChars : 0);
  if (indent) options.indent = indent;
  if (block.align !== defaults.align) options.alignment = ALIGNMENT[block.align];
  const runs = block.runs.map((run) => textRun(ctx, run.role, run.text, { tight: block.onGrid }));
  return [styledParagraph(ctx, options, runs)];
}

/** The indent, when it is not the style's: a first line and the rest in grid characters, with Word's character form zeroed. */
function indentOf(block: TextBlock, ctx: DocxContext, styleFirst: number): IParagraphPropertiesOptions['indent'] | undefined {
  const { first, rest, right } = block.indent;
  if (first === styleFirst && rest === 0 && right === 0) return undefined;
  if (rest === 0) return { firstLine: chars(ctx, first), firstLineChars: 0, ...(right ? { right: chars(ctx, right) } : {}) };
  // A hanging indent: the first line starts left of the rest.
  return rest > first
    ? { left: chars(ctx, rest), hanging: chars(ctx, rest - first), firstLineChars: 0, ...(right ? { right: chars(ctx, right) } : {}) }
    : { left: chars(ctx, rest), firstLine: chars(ctx, first - rest), firstLineChars: 0, ...(right ? { right: chars(ctx, right) } : {}) };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export type { Align };
