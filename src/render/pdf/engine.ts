import type { FontDescriptor } from 'pdfmake';
import type { Face } from './face.js';

const denyAll = () => false;

type PdfMake = typeof import('pdfmake').default;
let loading: Promise<PdfMake> | undefined;

/**
 * pdfmake (with pdfkit, about 1 MB minified) is imported on the first PDF,
 * never before: a page that drafts DOCX and Markdown with the core never
 * downloads it, and a bundler puts it in a chunk of its own. Keep every
 * import of pdfmake in this module dynamic.
 */
function loadPdfmake(): Promise<PdfMake> {
  loading ??= import('pdfmake').then((m) => ((m as { default?: PdfMake }).default ?? (m as unknown as PdfMake)));
  return loading;
}

/**
 * Run pdfmake on a document definition, with our fonts and no outside access.
 *
 * Font bytes go into pdfmake's virtual file system once per process (it keeps
 * the same bytes object, no copy). The font table and the URL and local-file
 * policies (deny everything: the renderer never fetches or reads a file) are
 * set for this call only — pdfmake reads them synchronously in createPdf —
 * and then restored, so a host application's own pdfmake settings are left
 * alone and concurrent renders do not meet.
 */
export async function runPdfmake(docDefinition: object, faces: Iterable<Face>): Promise<Uint8Array> {
  const pdfMake = await loadPdfmake();
  const fonts = fontTable(pdfMake, faces);
  const previous = { fonts: pdfMake.fonts, url: pdfMake.urlAccessPolicy, local: pdfMake.localAccessPolicy };
  let output;
  try {
    pdfMake.setFonts(fonts);
    pdfMake.setUrlAccessPolicy(denyAll);
    pdfMake.setLocalAccessPolicy?.(denyAll);
    output = pdfMake.createPdf(docDefinition);
  } finally {
    pdfMake.setFonts(previous.fonts);
    pdfMake.setUrlAccessPolicy(previous.url);
    pdfMake.setLocalAccessPolicy?.(previous.local);
  }
  const buffer = await output.getBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

const stored = new Set<string>();

/**
 * Bytes go into the virtual file system once; the font table is made afresh
 * each time, because pdfmake writes the loaded bytes into a collection's
 * [file, face] pair, which would break the next document.
 */
function fontTable(pdfMake: PdfMake, faces: Iterable<Face>): Record<string, FontDescriptor> {
  const fonts: Record<string, FontDescriptor> = {};
  for (const face of faces) {
    if (!stored.has(face.file)) {
      pdfMake.virtualfs.writeFileSync(face.file, face.pdfData);
      stored.add(face.file);
    }
    fonts[face.family] = { normal: face.pdfkitFace ? [face.file, face.pdfkitFace] : face.file };
  }
  return fonts;
}
