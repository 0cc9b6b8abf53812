import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { ChartDrawer } from '../layout/plan/index.js';
import { FIGURE_FONT } from '../model/index.js';
import type { Rasterize } from '../render/docx/index.js';
import type { FontSet } from '../render/pdf/index.js';

/**
 * Charts and their PNG fallbacks in Node, from the optional dependencies:
 * Apache ECharts draws (src/charts), resvg (WebAssembly, no native build, no
 * browser) rasterises with our own font bytes. Both load on first use, so a
 * process that drafts no figure never pays for them; without them a chart is
 * set as a table of its data.
 */
export interface FigureTools {
  drawChart?: ChartDrawer;
  rasterize?: Rasterize;
}

// As in fonts/defaults.ts: resolve from this module in both builds.
const requireFrom = createRequire((import.meta as { url?: string }).url ?? __filename);

let drawer: Promise<ChartDrawer | undefined> | undefined;
let resvg: Promise<typeof import('@resvg/resvg-wasm') | undefined> | undefined;

/** The chart drawer, or undefined when echarts is not installed. */
export function chartDrawer(): Promise<ChartDrawer | undefined> {
  drawer ??= import('../charts/bar.js').then((m) => m.drawBarChart).catch(() => undefined);
  return drawer;
}

/** resvg, its WebAssembly started once, or undefined when it is not installed. */
function loadResvg(): Promise<typeof import('@resvg/resvg-wasm') | undefined> {
  resvg ??= (async () => {
    try {
      const module = await import('@resvg/resvg-wasm');
      await module.initWasm(await readFile(requireFrom.resolve('@resvg/resvg-wasm/index_bg.wasm')));
      return module;
    } catch {
      return undefined;
    }
  })();
  return resvg;
}

/**
 * SVG → PNG with the body fonts: the figure's FIGURE_FONT text is set in the
 * first body face, as the PDF sets it. Undefined without resvg.
 */
export async function rasterizer(fonts: FontSet): Promise<Rasterize | undefined> {
  const module = await loadResvg();
  const face = fonts.body?.[0];
  if (!module || !face) return undefined;
  const fontBuffers = [face.data];
  return (svg, { widthPx }) => {
    const image = new module.Resvg(svg.replaceAll(FIGURE_FONT, 'zongjie-body'), {
      fitTo: { mode: 'width', value: widthPx },
      background: '#ffffff',
      font: { fontBuffers, loadSystemFonts: false, defaultFontFamily: familyName(face.data) },
    }).render();
    return image.asPng();
  };
}

/** Both, for a draft: what is installed of them. */
export async function figureTools(fonts: FontSet | undefined): Promise<FigureTools> {
  const [drawChart, rasterize] = await Promise.all([chartDrawer(), fonts ? rasterizer(fonts) : undefined]);
  return { ...(drawChart ? { drawChart } : {}), ...(rasterize ? { rasterize } : {}) };
}

/** The font's family name (name table ID 1), which resvg matches `font-family` against. */
function familyName(data: Uint8Array): string {
  return cachedNames.get(data) ?? readFamily(data);
}
const cachedNames = new WeakMap<Uint8Array, string>();

function readFamily(data: Uint8Array): string {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const tables = view.getUint16(4);
  for (let i = 0; i < tables; i++) {
    const rec = 12 + i * 16;
    if (view.getUint32(rec) !== 0x6e616d65 /* name */) continue;
    const at = view.getUint32(rec + 8);
    const count = view.getUint16(at + 2);
    const strings = at + view.getUint16(at + 4);
    for (let k = 0; k < count; k++) {
      const r = at + 6 + k * 12;
      const [platform, , , nameId, length, offset] = [0, 2, 4, 6, 8, 10].map((d) => view.getUint16(r + d));
      if (nameId !== 1 || platform !== 3) continue;
      let name = '';
      for (let j = 0; j < length!; j += 2) name += String.fromCharCode(view.getUint16(strings + offset! + j));
      cachedNames.set(data, name);
      return name;
    }
  }
  return '';
}
