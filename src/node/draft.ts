import { join } from 'node:path';
import { composeReport, type ComposeOptions } from '../compose/index.js';
import type { Warning } from '../facts/warning.js';
import type { LayoutProfile } from '../layout/profile.js';
import type { YearlyStatsInput } from '../schema/types.js';
import type { Report } from '../model/index.js';
import { loadFonts, type LoadFontsOptions } from './fonts/index.js';
import { RENDERERS } from './renderers.js';
import { loadTemplateDir } from './templates.js';
import { removeStaleTemps, safeFileName, writeFileAtomic } from './write.js';

import { FORMATS, type Format } from './formats.js';

export { FORMATS, type Format };

export interface DraftOptions {
  formats?: readonly Format[];
  /** `school`, `bureau`, a template directory's path, or a template's files. */
  template?: ComposeOptions['template'] | string;
  terms?: ComposeOptions['terms'];
  profile?: LayoutProfile;
  /** Fonts per role (paths or bytes), tried before system fonts and the bundled defaults. */
  fonts?: LoadFontsOptions['fonts'];
  /** Throw a MissingGlyphError for a character no font has, instead of a `missing_glyph` warning. */
  strict?: boolean;
}

export interface Draft {
  report: Report;
  warnings: Warning[];
  /** The rendered files by format. */
  outputs: Partial<Record<Format, Uint8Array>>;
}

/**
 * Stats → the finished documents in memory: compose once, render each format.
 *
 * @throws {StatsError} for invalid stats, {TemplateError} for a failing template
 */
export async function draftReport(input: YearlyStatsInput, options?: DraftOptions): Promise<Draft>;
/** Untrusted data (parsed JSON, a request body): checked by the schema like any other. */
export async function draftReport(input: unknown, options?: DraftOptions): Promise<Draft>;
export async function draftReport(input: unknown, options: DraftOptions = {}): Promise<Draft> {
  const template =
    typeof options.template === 'string' && options.template !== 'school' && options.template !== 'bureau'
      ? await loadTemplateDir(options.template)
      : (options.template as ComposeOptions['template']);
  const formats = options.formats ?? FORMATS;
  // Font files are read and unpacked on the thread pool while the report is composed and the DOCX rendered.
  if (formats.includes('pdf')) loadFonts({ fonts: options.fonts }).catch(() => {}); // a failure is reported by the PDF render below
  const { report, warnings } = composeReport(input, { template, terms: options.terms });
  // One event-loop turn: the font reads finished meanwhile, and their next steps start before the DOCX.
  await new Promise((resolve) => setImmediate(resolve));
  const outputs: Draft['outputs'] = {};
  for (const format of formats) {
    const rendered = await RENDERERS[format](report, { ...(options.profile ? { profile: options.profile } : {}), fonts: options.fonts, ...(options.strict ? { strict: true } : {}) });
    outputs[format] = rendered.bytes;
    warnings.push(...rendered.warnings);
  }
  return { report, warnings, outputs };
}

/** Directories this process has looked at for temporary files a killed run left. */
const swept = new Set<string>();

/**
 * Writes a draft's files into `dir`, named after the report title
 * ("云溪县教育局2025年教育帮扶工作总结.pdf"), each atomically. The first
 * write into a directory removes the temporary files an earlier run left
 * there when it was killed mid-write. Returns the paths written, in format order.
 */
export async function writeDraft(draft: Draft, dir: string, baseName = safeFileName(draft.report.title)): Promise<string[]> {
  if (!swept.has(dir)) {
    swept.add(dir);
    await removeStaleTemps(dir);
  }
  const written: string[] = [];
  for (const format of FORMATS) {
    const data = draft.outputs[format];
    if (!data) continue;
    const path = join(dir, `${baseName}.${format}`);
    await writeFileAtomic(path, data);
    written.push(path);
  }
  return written;
}
