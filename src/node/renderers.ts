import { warning, type Warning } from '../facts/warning.js';
import type { LayoutProfile } from '../layout/profile.js';
import type { Report } from '../model/index.js';
import { renderDocx } from '../render/docx/index.js';
import { renderMarkdown } from '../render/markdown/index.js';
import type { PdfWarning } from '../render/pdf/index.js';
import { figureTools } from './figures.js';
import { loadFonts, renderPdfNodeWithWarnings, type LoadFontsOptions } from './fonts/index.js';
import type { Format } from './formats.js';

export interface RenderOptions {
  profile?: LayoutProfile;
  /** Fonts per role (paths or bytes), tried before system fonts and the bundled defaults. */
  fonts?: LoadFontsOptions['fonts'];
  /** Throw a MissingGlyphError for any character no font has, rather than warn. */
  strict?: boolean;
}

export interface Rendered {
  bytes: Uint8Array;
  /** What the file shows differently from the report (a character no font has), as warnings. */
  warnings: Warning[];
}

/** Renders a report as one format's file. */
export type Renderer = (report: Report, options: RenderOptions) => Promise<Rendered>;

/**
 * The formats zongjie writes, one renderer each. Charts are drawn (Apache
 * ECharts) and rasterised for the DOCX's fallback image (resvg) when those
 * optional dependencies are installed; else a chart is set as a table.
 */
export const RENDERERS: Record<Format, Renderer> = {
  async docx(report, options) {
    // A DOCX needs no font, but a chart's PNG fallback does: without fonts (or resvg) the chart is set as a table.
    const fonts = hasFigures(report) ? await loadFonts({ fonts: options.fonts }).catch(() => undefined) : undefined;
    const { drawChart, rasterize } = await figureTools(fonts);
    const tools = drawChart && rasterize ? { drawChart, rasterize } : {};
    const bytes = await renderDocx(report, { ...(options.profile ? { profile: options.profile } : {}), ...tools });
    return { bytes, warnings: hasFigures(report) && !tools.drawChart ? [chartAsTable('docx')] : [] };
  },
  async pdf(report, options) {
    const { drawChart } = hasFigures(report) ? await figureTools(undefined) : {};
    const pdf = await renderPdfNodeWithWarnings(report, {
      ...(options.profile ? { profile: options.profile } : {}),
      fonts: options.fonts,
      ...(options.strict ? { strict: true } : {}),
      ...(drawChart ? { drawChart } : {}),
    });
    const warnings = pdf.warnings.map(glyphWarning);
    if (hasFigures(report) && !drawChart) warnings.push(chartAsTable('pdf'));
    return { bytes: pdf.bytes, warnings };
  },
  async md(report) {
    return { bytes: new TextEncoder().encode(renderMarkdown(report)), warnings: [] };
  },
};

/** Whether any block of the report, its attachments' included, is a figure. */
export function hasFigures(report: Report): boolean {
  return [...report.body, ...report.attachments.flatMap((a) => a.blocks)].some((b) => b.type === 'figure');
}

/** A chart that could not be drawn here: its data is printed as a table instead. */
function chartAsTable(format: 'docx' | 'pdf'): Warning {
  return warning(
    'chart_as_table',
    `${format}.figure`,
    '未能绘制图表（需安装可选依赖 echarts 与 @resvg/resvg-wasm，并有可用字体），以数据表代替',
    'the chart could not be drawn (it needs the optional echarts and @resvg/resvg-wasm, and a font): its data is set as a table',
  );
}

/** A PDF warning in the shape of every other warning. */
function glyphWarning(w: PdfWarning): Warning {
  switch (w.code) {
    case 'missing-glyph':
      return warning(
        'missing_glyph',
        `pdf.${w.role}`,
        `字符“${w.char}”（${w.codePoint}）在${w.fonts.join('、')}中均无字形，PDF 中显示为空框，请提供含该字的字体`,
        w.message,
      );
    case 'fallback-glyph':
      return warning(
        'fallback_glyph',
        `pdf.${w.role}`,
        `字符“${w.char}”（${w.codePoint}）不在${w.fonts[0]}中，改用${w.font}印出，粗细与其余文字不同，请提供含该字的字体`,
        w.message,
      );
    case 'font-lacks-chinese':
      return warning('font_lacks_chinese', `pdf.${w.role}`, `字体${w.font}没有中文字形，中文改用${w.fonts.slice(1).join('、')}印出`, w.message);
  }
}
