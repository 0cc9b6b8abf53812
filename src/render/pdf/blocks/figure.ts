import type { FigureBlock } from '../../../layout/plan/index.js';
import { mmToPt } from '../../../layout/profile.js';
import type { Setter } from '../setter.js';
import { footprint } from '../text/breaker.js';
import type { BlockHandler, Content } from './types.js';

/**
 * A figure drawn as vector graphics, centred, its text set as text: each
 * SVG <text> is taken out of the drawing and set by our setter in the table
 * role's fonts at its place (pdfmake's `relativePosition`), so the labels are
 * embedded like the rest of the page and pdftotext finds them — svg-to-pdfkit
 * would need a font it can open by itself. The figure is kept with its caption.
 */
export const figure: BlockHandler<FigureBlock> = (block, context) => {
  const { setter } = context;
  const width = mmToPt(block.widthMm);
  const height = mmToPt(block.heightMm);
  const { drawing, labels } = splitText(block.svg);
  const left = (setter.widthPt - width) / 2;
  const node: Content = {
    stack: [
      { svg: drawing, width, height, margin: [left, 0, 0, 0] },
      ...labels.map((label) => placed(setter, label, left, height)),
    ],
    unbreakable: true,
  };
  if (!block.keep.withNext) return [node];
  const id = context.keepId();
  return [{ ...node, id, headlineLevel: id }];
};

interface Label {
  text: string;
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
  sizePt: number;
}

/** One label as a line of text placed over the drawing; `relativePosition` counts from below the drawing. */
function placed(setter: Setter, label: Label, left: number, height: number): Content {
  const items = setter.items(label.text, 'table');
  const slot = label.sizePt * 1.2;
  const widthPt = items.reduce((sum, item) => sum + footprint(item), 0);
  const x = left + label.x - (label.anchor === 'middle' ? widthPt / 2 : label.anchor === 'end' ? widthPt : 0);
  const [line] = setter.paragraph(items, { firstPt: 0, alignment: 'left', slotPt: slot, widthPt: widthPt + 1 });
  return { ...line, relativePosition: { x, y: label.y - slot / 2 - height } };
}

const TEXT = /<text\b([^>]*)>([^<]*)<\/text>/g;

/** The drawing without its <text> elements, and the texts with their place (as ECharts writes them). */
export function splitText(svg: string): { drawing: string; labels: Label[] } {
  const labels: Label[] = [];
  const drawing = svg.replace(TEXT, (_, attrs: string, text: string) => {
    const translate = /transform="translate\(([-\d.]+)[ ,]+([-\d.]+)\)"/.exec(attrs);
    const num = (name: string) => Number(new RegExp(`\\b${name}="([-\\d.]+)"`).exec(attrs)?.[1] ?? 0);
    const anchor = (/text-anchor="(start|middle|end)"/.exec(attrs)?.[1] ?? 'start') as Label['anchor'];
    const size = Number(/font-size:\s*([\d.]+)px/.exec(attrs)?.[1] ?? 12);
    labels.push({ text: decode(text), x: Number(translate?.[1] ?? 0) + num('x'), y: Number(translate?.[2] ?? 0) + num('y'), anchor, sizePt: size });
    return '';
  });
  return { drawing, labels };
}

function decode(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]!);
}
