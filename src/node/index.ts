/**
 * zongjie for Node: the core, plus what needs the file system — fonts found
 * on the machine or installed with the package, template directories, and
 * files written atomically.
 *
 * `renderPdf` here resolves fonts for you: per role, the fonts you pass
 * (paths or bytes) → system fonts → the open default fonts (their npm
 * packages if installed, else the copies `installDefaultFonts` fetched).
 */
export * from '../index.js';
// These two shadow the core's of the same name: fonts resolved in Node.
export { renderPdfNode as renderPdf, renderPdfNodeWithWarnings as renderPdfWithWarnings, type RenderPdfNodeOptions } from './fonts/index.js';
export { FontError, loadFonts, clearFontCache, type FontSource, type LoadFontsOptions } from './fonts/index.js';
export {
  installDefaultFonts,
  defaultFontSources,
  FontInstallError,
  type InstallFontsOptions,
  type InstalledFonts,
  type InstallProgress,
  type DefaultFontSource,
  type FontInstallProblem,
} from './fonts/index.js';
export { draftReport, writeDraft, FORMATS, type Draft, type DraftOptions, type Format } from './draft.js';
export { RENDERERS, hasFigures, type Renderer, type Rendered, type RenderOptions } from './renderers.js';
export { figureTools, chartDrawer, rasterizer, type FigureTools } from './figures.js';
export { draftBatch, type BatchOptions, type BatchResult } from './batch.js';
export { createDraftPool, DraftTimeoutError, type DraftPool, type DraftPoolOptions, type JobOptions } from './pool.js';
export { loadTemplateDir, TemplateDirError } from './templates.js';
export { safeFileName, writeFileAtomic } from './write.js';

import type { LoadFontsOptions } from './fonts/index.js';
/** Fonts per role as paths or bytes: `{ body: 'C:/Windows/Fonts/simfang.ttf' }`. */
export type FontOptions = NonNullable<LoadFontsOptions['fonts']>;
export { aggregateFiles, type AggregateFilesOptions } from './aggregate.js';
export { readStatsFile, statsFilesIn, StatsFileError, STATS_FILE_EXTENSIONS } from './stats-file.js';
