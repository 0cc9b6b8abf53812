export { clearFontCache, FontError, loadFonts, type FontSource, type LoadFontsOptions } from './load.js';
export { renderPdfNode, renderPdfNodeWithWarnings, type RenderPdfNodeOptions } from './render.js';
export { FontInstallError, type FontInstallProblem } from './error.js';
export { installDefaultFonts, type InstallFontsOptions, type InstalledFonts, type InstallProgress } from './install.js';
export { defaultFontSources, type DefaultFontSource } from './sources.js';
export { woffToSfnt } from './woff.js';
