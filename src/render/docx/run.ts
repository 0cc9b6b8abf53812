import { RunProperties, type IRunOptions, type TextRun } from 'docx';
import type { FontRole } from '../../layout/profile.js';
import { role, type DocxContext } from './context.js';
import { shared, StyledRun } from './shared.js';

type RunStyle = Pick<IRunOptions, 'font' | 'size' | 'bold' | 'language' | 'characterSpacing'>;

/**
 * A role's run properties: East Asian and Latin fonts with `hint: eastAsia`
 * (without it Word sets quotes and dashes in the Latin font), size in
 * half-points, zh-CN. `tight` adds the grid's character spacing, which makes
 * 28 characters of 16 pt fit the 156 mm line.
 */
export function runStyle(ctx: DocxContext, name: FontRole, tight = false): RunStyle {
  const style = role(ctx, name);
  const latin = style.latinFont;
  return {
    font: { ascii: latin, hAnsi: latin, eastAsia: style.fonts[0] ?? latin, cs: latin, hint: 'eastAsia' },
    size: style.sizePt * 2,
    ...(style.bold ? { bold: true } : {}),
    language: { eastAsia: ctx.language },
    ...(tight ? { characterSpacing: Math.round(ctx.profile.docxCharacterSpacingPt * 20) } : {}),
  };
}

/**
 * A text run in a role: every run names its fonts, so no client falls back
 * to a default. `fontOf` sets it in another role's fonts at this role's size.
 */
export function textRun(
  ctx: DocxContext,
  name: FontRole,
  text: string,
  options: { tight?: boolean; break?: number; fontOf?: FontRole } = {},
): TextRun {
  const { tight, fontOf } = options;
  const style = shared(ctx, `run ${name} ${tight ? 'tight' : ''} ${fontOf ?? ''}`, () => {
    const font = fontOf ? { font: runStyle(ctx, fontOf).font } : {};
    return new RunProperties({ ...runStyle(ctx, name, tight), ...font });
  });
  return new StyledRun(style, text, options.break ?? 0);
}
