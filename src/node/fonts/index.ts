export { FontError, loadFonts, type FontSource, type LoadFontsOptions } from './load.js';
export { renderPdfNode, renderPdfNodeWithWarnings, type RenderPdfNodeOptions } from './render.js';
export { clearFontCache } from './files.js';
export { woffToSfnt } from './woff.js';
