import { Document, Packer, type FileChild } from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import type { DocxContext } from './context.js';
import { footers, footerStyle } from './footer.js';
import { sectionProperties } from './section.js';
import { documentStyles } from './styles.js';
import { xmlOf } from './xml.js';
import { zipEntry, type ZipEntry } from './zip.js';

/**
 * What every report drafted with one profile and language shares: all the
 * package but its body and core properties. docx rebuilds and recompresses
 * styles, footers, theme, settings and the rest for each document, about
 * half the time of a five-page report; a shell is packed by docx once and
 * reused.
 */
export interface Shell {
  /** word/document.xml around the body's blocks, formatted in the shell's document. */
  documentXml(children: readonly FileChild[]): string;
  /** The package's files in docx's order, compressed; a report replaces word/document.xml and docProps/core.xml. */
  entries: ReadonlyMap<string, ZipEntry>;
}

const shells = new Map<string, Promise<Shell>>();
/** Profiles in use at once are few; the bound only keeps a caller that makes one per report from growing the cache. */
const MAX_SHELLS = 8;

/** The shell for the context's profile and language, keyed by their content: a profile is a plain object a caller may change. */
export function shellFor(ctx: DocxContext): Promise<Shell> {
  const key = JSON.stringify([ctx.profile, ctx.language]);
  let shell = shells.get(key);
  if (!shell) {
    if (shells.size >= MAX_SHELLS) shells.delete(shells.keys().next().value!);
    shell = packShell(ctx);
    shells.set(key, shell);
    shell.catch(() => shells.get(key) === shell && shells.delete(key)); // a failure is not kept
  }
  return shell;
}

/** The document as docx would pack it whole: styles, page and footers from the profile, and these blocks. */
export function docxDocument(ctx: DocxContext, children: FileChild[]): Document {
  const styles = documentStyles(ctx);
  return new Document({
    evenAndOddHeaderAndFooters: true,
    styles: { ...styles, paragraphStyles: [...(styles.paragraphStyles ?? []), footerStyle(ctx)] },
    sections: [{ properties: sectionProperties(ctx), footers: footers(ctx), children }],
  });
}

async function packShell(ctx: DocxContext): Promise<Shell> {
  const doc = docxDocument(ctx, []);
  const files = unzipSync(await Packer.pack(doc, 'uint8array'));
  const xml = strFromU8(files['word/document.xml']!);
  // The empty body holds only the section properties; blocks go before them.
  const at = xml.indexOf('<w:body>') + '<w:body>'.length;
  if (!xml.startsWith('<w:sectPr', at)) throw new Error('renderDocx: docx wrote an empty body other than its section properties');
  const [head, tail] = [xml.slice(0, at), xml.slice(at)];
  return {
    // Blocks are formatted in the shell's document, as docx would format them in their own: tables
    // find the section's text width there. They must need no part of their own (images, links,
    // notes, numbering), as the shell's other parts are already written; test/docx/shell.test.ts
    // compares the whole package with docx's for the sample, which has every block kind.
    documentXml(children) {
      const context = { file: doc, viewWrapper: doc.Document, stack: [] };
      let body = '';
      for (const child of children) {
        const node = child.prepForXml(context);
        if (node) body += xmlOf(node);
      }
      return head + body + tail;
    },
    entries: new Map(Object.entries(files).map(([path, bytes]) => [path, zipEntry(path, bytes)])),
  };
}
