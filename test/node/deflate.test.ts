import { createRequire } from 'node:module';
import { deflateSync, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../src/render/pdf/index.js';
import { sampleReport } from '../fixtures/sample-report.js';
import { defaultFonts, hasDefaultFonts } from '../support/pdf-fonts.js';

/**
 * In Node our PDFs' streams are deflated at zlib's fastest level
 * (src/node/fonts/pdfkit.ts, deflateFast); any other pdfkit document in the
 * process keeps pdfkit's default level. zlib is deterministic, so a stream
 * was made at a level exactly when deflating its content again at that
 * level gives the same bytes.
 */
const ok = hasDefaultFonts('stream compression');

type PdfkitDocument = { text(s: string): void; end(): void; on(event: string, listener: (chunk?: Buffer) => void): void };
const PDFDocument = createRequire(createRequire(import.meta.url).resolve('pdfmake'))('pdfkit') as new () => PdfkitDocument;

/** Every deflated stream's bytes as stored in the file (their dictionaries have no nested dictionary). */
function streams(pdf: Uint8Array): Buffer[] {
  const buffer = Buffer.from(pdf);
  const text = buffer.toString('latin1');
  const deflated = [...text.matchAll(/<<([^<>]*?)>>\nstream\n/g)].filter((m) => m[1]!.includes('/FlateDecode'));
  return deflated.map((m) => {
    const length = Number(/\/Length (\d+)/.exec(m[1]!)![1]);
    const start = m.index! + m[0].length;
    return buffer.subarray(start, start + length);
  });
}

function pdfkitDocument(): Promise<Buffer> {
  const doc = new PDFDocument();
  const chunks: Buffer[] = [];
  doc.on('data', (chunk) => chunks.push(chunk!));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.text('A document of the host application, not ours. '.repeat(40));
  doc.end();
  return done;
}

describe.skipIf(!ok)('stream compression', () => {
  it('deflates our streams at the fastest level and leaves other pdfkit documents at the default', async () => {
    const ours = streams(await renderPdf(sampleReport, { fonts: await defaultFonts() }));
    expect(ours.length).toBeGreaterThan(10);
    for (const stream of ours) expect(deflateSync(inflateSync(stream), { level: 1, memLevel: 9 }).equals(stream)).toBe(true);

    const theirs = streams(await pdfkitDocument());
    expect(theirs.length).toBeGreaterThan(0);
    for (const stream of theirs) expect(deflateSync(inflateSync(stream)).equals(stream)).toBe(true);
  });
});
