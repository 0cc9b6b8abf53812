/**
 * The document model: what a summary says, with no layout.
 *
 * Compose produces it; every renderer (DOCX, PDF, Markdown) consumes it.
 * Templates never know about twips or points, renderers never know about
 * students or 万元. All text is final text: numbers formatted, heading
 * numbers computed, nothing left to interpolate or escape.
 */

/** 一、 （一） 1. （1） — GB/T 9704 heading levels. */
export type HeadingLevel = 1 | 2 | 3 | 4;

export interface Heading {
  type: 'heading';
  level: HeadingLevel;
  /** The computed number with its punctuation: "一、", "（二）", "3.", "（4）". */
  number: string;
  /** The heading text without its number: "基本情况". */
  text: string;
  /**
   * Text that runs in on the same line after the heading (levels 3 and 4):
   * "1.学前教育资助情况。春季学期……" has `text` "学前教育资助情况。" and
   * `runIn` "春季学期……".
   */
  runIn?: string;
}

export interface Paragraph {
  type: 'paragraph';
  text: string;
}

import type { Cell } from './cells.js';

export * from './cells.js';

export type CellAlign = 'left' | 'center' | 'right';

export interface TableColumn {
  title: string;
  align: CellAlign;
  /** Relative width; the layout plan shares out the text block in proportion (unset or not above 0: 1). */
  weight?: number;
}

export interface Table {
  type: 'table';
  /** Shown above the table, centred: "表1 2025年学生资助情况". */
  caption?: string;
  columns: TableColumn[];
  /**
   * Body rows, one cell a column: typed cells (`textCell`, `countCell`,
   * `amountCell`) or plain strings, which are text cells. Numbers align right.
   */
  rows: Cell[][];
  /** An optional last row (合计), set apart by the renderers. */
  footer?: Cell[];
  /** Unit note shown above the table at the right: "单位：人、元". */
  unit?: string;
}

/** A bar chart's data: what a chart drawer draws, and what text formats print. */
export interface BarChart {
  kind: 'bar';
  /** The unit of the values, shown on the value axis: "万元". */
  unit: string;
  /** Column titles where the chart is set as a table: what the bars are, what the values are. */
  titles: [label: string, value: string];
  bars: { label: string; value: number; /** The value as printed: "38.30". */ text: string }[];
}

/**
 * A figure: a chart or a drawing, with a caption below it. `svg` is drawn as
 * it is; a figure with only `chart` data is drawn by the renderer's chart
 * drawer (zongjie/node brings one), and where there is none its data is set
 * as a small table, so nothing is lost.
 */
export interface Figure {
  type: 'figure';
  /** Below the figure, centred: "图1 各学段资助资金". */
  caption: string;
  /** Width and height on the page, in mm. */
  widthMm: number;
  heightMm: number;
  chart?: BarChart;
  /** An SVG document whose text is set in the `font-family` FIGURE_FONT, mapped to the body font. */
  svg?: string;
}

/** The font family an SVG figure names for its text; renderers map it to the body font. */
export const FIGURE_FONT = 'zongjie-figure';

export type Block = Heading | Paragraph | Table | Figure;

export interface Signature {
  /** The issuer: "某某县教育局". */
  issuer: string;
  /** The date as printed: "2026年11月29日". */
  date: string;
}

export interface Attachment {
  type: 'attachment';
  /** 1-based, as in "附件1". */
  index: number;
  title: string;
  blocks: Block[];
}

export interface ReportMeta {
  /** Document title for properties and PDF info. */
  title: string;
  /** Author for properties: the issuer. */
  author: string;
  /** Subject line: "学生资助工作总结". */
  subject: string;
  keywords: string[];
  /** The report's date as ISO yyyy-mm-dd (signature date or end of year); used as creation date so output is reproducible. */
  date: string;
  year: number;
  language: 'zh-CN';
}

export interface Report {
  type: 'report';
  meta: ReportMeta;
  title: string;
  subtitle?: string;
  /** Opening, headings, paragraphs, tables and the closing, in reading order. */
  body: Block[];
  signature?: Signature;
  attachments: Attachment[];
}

/** The block kinds, for handler maps keyed by `type`. */
export type BlockType = Block['type'];

/** The attachment note below the body: "附件：1. 名称" lines, or nothing. */
export function attachmentNote(report: Report): string[] {
  const list = report.attachments;
  if (list.length === 0) return [];
  if (list.length === 1) return [`附件：${list[0]!.title}`];
  return list.map((a, i) => (i === 0 ? `附件：${a.index}. ${a.title}` : `${a.index}. ${a.title}`));
}

/** The label on an attachment's first line: "附件1", or "附件" when there is only one. */
export function attachmentLabel(report: Report, attachment: Attachment): string {
  return report.attachments.length === 1 ? '附件' : `附件${attachment.index}`;
}

/** A heading's full line as printed: number + text (+ run-in). */
export function headingLine(heading: Heading): string {
  return heading.number + heading.text + (heading.runIn ?? '');
}
