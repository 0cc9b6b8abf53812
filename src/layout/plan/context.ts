import type { BarChart } from '../../model/index.js';
import type { FontRole, LayoutProfile } from '../profile.js';
import type { Align, Keep, Run, Spacing, TextBlock, TextStyle } from './types.js';

/**
 * Draws a chart as an SVG document of the given size in pt, its text in the
 * font family FIGURE_FONT. zongjie/node brings one (Apache ECharts); without
 * one, a chart is set as a table of its data.
 */
export type ChartDrawer = (chart: BarChart, size: { widthPt: number; heightPt: number; /** Text size: the table role's. */ fontPt: number }) => string;

export interface PlanOptions {
  drawChart?: ChartDrawer;
}

/** What every planner needs: the profile, the options, and a maker of text blocks with the profile's defaults. */
export interface PlanContext {
  profile: LayoutProfile;
  options: PlanOptions;
  text(style: TextStyle, runs: Run[], options?: TextOptions): TextBlock;
}

export interface TextOptions {
  align?: Align;
  /** In grid characters; unset: the profile's first-line indent, flush-left rest, nothing at the right. */
  indent?: Partial<TextBlock['indent']>;
  space?: Partial<Spacing>;
  keep?: Keep;
  pageBreakBefore?: boolean;
  outline?: TextBlock['outline'];
  onGrid?: boolean;
}

/** Roles set on the 22 × 28 grid (the grid's character spacing); the title, tables and page numbers keep their own. */
const GRID_ROLES: ReadonlySet<FontRole> = new Set(['body', 'heading1', 'heading2', 'heading3', 'heading4']);

export function createPlanContext(profile: LayoutProfile, options: PlanOptions): PlanContext {
  return {
    profile,
    options,
    text(style, runs, o = {}) {
      const block: TextBlock = {
        kind: 'text',
        style,
        runs,
        align: o.align ?? 'justify',
        indent: { first: profile.indentChars, rest: 0, right: 0, ...o.indent },
        space: { before: 0, after: 0, ...o.space },
        keep: o.keep ?? { withNext: false },
        onGrid: o.onGrid ?? runs.every((r) => GRID_ROLES.has(r.role)),
      };
      if (o.pageBreakBefore) block.pageBreakBefore = true;
      if (o.outline) block.outline = o.outline;
      return block;
    },
  };
}
