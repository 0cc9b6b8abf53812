/**
 * A DOCX read back through a conforming XML parser. Word refuses a part that
 * is not well-formed XML 1.0 — a stray control character, a lone surrogate
 * or U+FFFE in the text is enough — so every part is parsed with saxes, which
 * checks the XML 1.0 Char production and well-formedness (regex reading and
 * lenient parsers such as sax or fast-xml-parser's validator let those
 * through), and the text is taken from the parse, entities decoded.
 */
import { SaxesParser } from 'saxes';
import { unzipSync, strFromU8 } from 'fflate';

export interface DocxRead {
  /** Part paths in the package. */
  parts: string[];
  /** The text of each paragraph of word/document.xml in order (table cells included): w:t runs joined, w:tab as a tab, w:br as a line break. */
  paragraphs: string[];
}

/** Parses XML strictly; throws with the part name, line and column on the first well-formedness error. */
export function parseXml(xml: string, part: string, on: { open?: (name: string) => void; close?: (name: string) => void; text?: (text: string) => void } = {}): void {
  const parser = new SaxesParser({ xmlns: false, position: true });
  parser.on('error', (error) => {
    throw new Error(`${part}: not well-formed XML: ${error.message}`);
  });
  if (on.open) parser.on('opentag', (tag) => on.open!(tag.name));
  if (on.close) parser.on('closetag', (tag) => on.close!(tag.name));
  if (on.text) parser.on('text', on.text);
  parser.write(xml).close();
}

/** Unzips a DOCX, parses every XML part strictly and returns the body's paragraphs. */
export function readDocx(bytes: Uint8Array): DocxRead {
  const files = unzipSync(bytes);
  const parts = Object.keys(files);
  for (const required of ['[Content_Types].xml', '_rels/.rels', 'word/document.xml', 'word/styles.xml']) {
    if (!parts.includes(required)) throw new Error(`DOCX lacks ${required}`);
  }
  for (const part of parts) if (/\.(xml|rels)$/.test(part)) parseXml(strFromU8(files[part]!), part);

  const paragraphs: string[] = [];
  let current: string | undefined;
  let inText = false;
  parseXml(strFromU8(files['word/document.xml']!), 'word/document.xml', {
    open(name) {
      if (name === 'w:p') current = '';
      else if (name === 'w:t') inText = true;
      else if (name === 'w:tab' && current !== undefined) current += '\t';
      else if (name === 'w:br' && current !== undefined) current += '\n';
    },
    close(name) {
      if (name === 'w:t') inText = false;
      else if (name === 'w:p') {
        paragraphs.push(current ?? '');
        current = undefined;
      }
    },
    text(text) {
      if (inText && current !== undefined) current += text;
    },
  });
  return { parts, paragraphs };
}
