import type { BarChart, CellAlign, ReportMeta } from '../../model/index.js';
import type { FontRole, LayoutProfile } from '../profile.js';

/**
 * The layout plan: a report placed on the page by the profile's rules, in
 * reading order. Every renderer draws it and decides nothing of its own: which
 * role (font and size) a run has, how far a line is indented (in grid
 * characters), how it is aligned, what stays with what across a page break,
 * how wide a table's columns are, where the signature sits and where a page
 * must start. Units are the profile's: characters of the grid, lines of the
 * grid, mm for figures.
 */
export interface LayoutPlan {
  profile: LayoutProfile;
  meta: ReportMeta;
  blocks: PlacedBlock[];
}

export type PlacedBlock = TitleBlock | TextBlock | TableBlock | FigureBlock;
export type PlacedKind = PlacedBlock['kind'];

/** What a text block is, for styles (DOCX paragraph styles, Markdown marks) and bookmarks. */
export type TextStyle =
  | 'body'
  | 'heading1'
  | 'heading2'
  | 'heading3'
  | 'heading4'
  | 'subtitle'
  | 'caption'
  | 'unit'
  | 'note'
  | 'signature'
  | 'label';

/** Justified lines end flush at both edges, all but a paragraph's last. */
export type Align = 'justify' | CellAlign;

export interface Run {
  text: string;
  role: FontRole;
}

/** Blank grid lines before and after a block. */
export interface Spacing {
  before: number;
  after: number;
}

export interface Keep {
  /** On the page of the block that follows (a heading, a caption). */
  withNext: boolean;
  /**
   * At least this many of the block's last lines stay on the page of what
   * follows, and no more (the body's last lines with the 落款, GB/T 9704 §7.3.5).
   */
  lastLines?: number;
  /** The block does not break across pages: every line goes with what follows (a short paragraph before a lone 特此报告。). */
  whole?: boolean;
}

/** The title (or an attachment's), broken into balanced lines that each stay whole. */
export interface TitleBlock {
  kind: 'title';
  style: 'title' | 'attachmentTitle';
  /** The title as written, for formats that do not break lines (Markdown, text). */
  text: string;
  /** The title broken into centred lines (a trapezoid), for the page. */
  lines: string[];
  role: FontRole;
  space: Spacing;
  keep: Keep;
}

/** A paragraph of any kind: runs in roles, indented in grid characters. */
export interface TextBlock {
  kind: 'text';
  style: TextStyle;
  runs: Run[];
  align: Align;
  /** Indents in grid characters: the first line's, the other lines', and from the right. */
  indent: { first: number; rest: number; right: number };
  space: Spacing;
  keep: Keep;
  /** Starts a new page (an attachment). */
  pageBreakBefore?: boolean;
  /** A bookmark (PDF outline, the DOCX heading level). */
  outline?: { level: number; text: string };
  /** Set in the grid's character spacing (body text and headings), else at the role's natural spacing. */
  onGrid: boolean;
}

export type RowKind = 'header' | 'body' | 'footer';

export interface PlacedCell {
  text: string;
  align: CellAlign;
  /** The fonts the cell is set in: the table's, or 黑体 (heading1's) for the header and 合计 rows, at the table size. */
  facesOf: FontRole;
}

export interface PlacedRow {
  kind: RowKind;
  cells: PlacedCell[];
  /** The rule above the row: heavy above the header and the 合计 row. */
  ruleAbove: 'thin' | 'heavy';
  /**
   * Grid lines the row takes, rules and padding included: whole lines, so
   * the text after a table stays on the grid. Both renderers give the row
   * exactly this height (the DOCX as its least height).
   */
  gridLines: number;
}

/** A table grid; its caption and unit note are text blocks before it. */
export interface TableBlock {
  kind: 'table';
  /** Each column's share of the text block width; they add up to 1. */
  columns: number[];
  /** The header row first (repeated on every page), then the body rows, then the 合计 row. */
  rows: PlacedRow[];
  /** Rows never split across pages. */
  rowsSplit: false;
  role: FontRole;
  keep: Keep;
}

export interface FigureBlock {
  kind: 'figure';
  widthMm: number;
  heightMm: number;
  /** The drawing, an SVG document whose text names FIGURE_FONT. */
  svg: string;
  /** The data it was drawn from, if it is a chart. */
  chart?: BarChart;
  /** Kept on the page of its caption. */
  keep: Keep;
  /** Alternative text: the caption. */
  alt: string;
}
