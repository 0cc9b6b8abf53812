/**
 * Charts drawn with Apache ECharts' server-side SVG renderer: no browser, no
 * canvas, real <text> for every label. Only the bar chart, its grid and the
 * SVG renderer are imported, so a bundler keeps only those. The text names
 * FIGURE_FONT, which each renderer maps to its body font (the PDF embeds it;
 * the DOCX's PNG fallback is rasterised with it).
 *
 * Not part of the core entry: zongjie/node loads it on first use.
 */
import { BarChart } from 'echarts/charts';
import { GridComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { ChartDrawer } from '../layout/plan/index.js';
import { FIGURE_FONT, type BarChart as BarChartData } from '../model/index.js';

echarts.use([BarChart, GridComponent, SVGRenderer]);

/**
 * A bar chart as an SVG document `widthPt` × `heightPt` (1 SVG unit = 1 pt):
 * horizontal grey bars, so names of any length stand whole at the left, each
 * value at the end of its bar, the unit at the foot of the value axis; no
 * title (the caption is the document's). Text in `fontPt`, the table's size.
 */
export const drawBarChart: ChartDrawer = (chart, { widthPt, heightPt, fontPt }) => {
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width: Math.round(widthPt), height: Math.round(heightPt) });
  try {
    instance.setOption(barOption(chart, fontPt));
    return instance.renderToSVGString();
  } finally {
    instance.dispose();
  }
};

function barOption(chart: BarChartData, fontPt: number) {
  const text = { fontFamily: FIGURE_FONT, fontSize: fontPt, color: '#000' };
  const longest = Math.max(...chart.bars.map((b) => [...b.label].length));
  return {
    animation: false,
    textStyle: text,
    // Room at the left for the longest name, at the right for the longest value.
    grid: { left: (longest + 1) * fontPt, right: 5 * fontPt, top: 8, bottom: 2.5 * fontPt },
    yAxis: {
      type: 'category',
      inverse: true,
      data: chart.bars.map((b) => b.label),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: '#000' } },
      axisLabel: { ...text, interval: 0 },
    },
    xAxis: {
      type: 'value',
      name: chart.unit,
      nameLocation: 'end',
      nameGap: 8,
      nameTextStyle: text,
      splitNumber: 4,
      axisLabel: { ...text, formatter: (value: number) => String(value) },
      axisLine: { show: true, lineStyle: { color: '#000' } },
      splitLine: { lineStyle: { color: '#bbb', width: 0.5 } },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 2 * fontPt,
        itemStyle: { color: '#555' },
        label: { show: true, position: 'right', ...text, formatter: (p: { dataIndex: number }) => chart.bars[p.dataIndex]!.text },
        data: chart.bars.map((b) => b.value),
      },
    ],
  };
}
