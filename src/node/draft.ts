import { join } from 'node:path';
import { composeReport, type ComposeOptions } from '../compose/index.js';
import type { Warning } from '../facts/warning.js';
import type { LayoutProfile } from '../layout/profile.js';
import type { Report } from '../model/index.js';
import { loadFonts, type LoadFontsOptions } from './fonts/index.js';
import { RENDERERS } from './renderers.js';
import { loadTemplateDir } from './templates.js';
import { safeFileName, writeFileAtomic } from './write.js';

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
    const rendered = await RENDERERS[format](report, { ...(options.profile ? { profile: options.profile } : {}), fonts: options.fonts });
    outputs[format] = rendered.bytes;
    warnings.push(...rendered.warnings);
  }
  return { report, warnings, outputs };
}

/**
 * Writes a draft's files into `dir`, named after the report title
 * ("云溪县教育局2025年教育帮扶工作总结.pdf"), each atomically.
 * Returns the paths written, in format order.
 */
export async function writeDraft(draft: Draft, dir: string, baseName = safeFileName(draft.report.title)): Promise<string[]> {
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
