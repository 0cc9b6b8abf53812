/**
 * The pdfkit/fontkit speed-ups (src/node/fonts/pdfkit.ts) patch library
 * internals. They are installed only for the versions they were checked
 * against; any other version gets the libraries' own code, and the PDF is
 * still right. This file runs in its own module scope (vitest isolates test
 * files), so it can install "for" a pdfkit that does not match.
 */
import { describe, expect, it } from 'vitest';
import { loadFonts } from '../../src/node/fonts/index.js';
import { patchState, PATCHED_VERSIONS, shareFontsWithPdfkit, versionMismatch } from '../../src/node/fonts/pdfkit.js';
import { fontParser } from '../../src/render/pdf/parser.js';
import { renderPdf } from '../../src/render/pdf/index.js';
import { sampleReport } from '../fixtures/sample-report.js';
import { hasDefaultFonts } from '../support/pdf-fonts.js';
import { pdfRawText } from '../support/pdf-tools.js';
import { requireCommands } from '../support/tools.js';

describe('versionMismatch', () => {
  it('accepts the versions the patches were checked against, and nothing else', () => {
    expect(versionMismatch({ pdfkit: PATCHED_VERSIONS.pdfkit[0], fontkit: PATCHED_VERSIONS.fontkit[0] })).toBeUndefined();
    expect(versionMismatch({ pdfkit: '0.20.0', fontkit: PATCHED_VERSIONS.fontkit[0] })).toMatch(/pdfkit 0\.20\.0/);
    expect(versionMismatch({ pdfkit: PATCHED_VERSIONS.pdfkit[0], fontkit: '2.1.0' })).toMatch(/fontkit 2\.1\.0/);
    expect(versionMismatch({})).toMatch(/version unknown/);
  });
});

describe.skipIf(!hasDefaultFonts('pdfkit version check') || !requireCommands('pdfkit version check', 'pdftotext'))('a pdfkit the patches do not know', () => {
  it('is left alone: the libraries’ own code renders the same text', async () => {
    shareFontsWithPdfkit({ pdfkit: '0.20.0', fontkit: PATCHED_VERSIONS.fontkit[0] });
    expect(patchState).toEqual({ installed: false, reason: expect.stringMatching(/pdfkit 0\.20\.0 is not a version/) });
    const fonts = await loadFonts({ system: false }); // would install the patches, were they not refused
    const pdf = await renderPdf(sampleReport, { fonts });
    expect(patchState.installed).toBe(false);
    expect(fontParser().handle).toBeUndefined(); // plain fontkit: pdfkit parses and subsets on its own
    expect(pdfRawText(pdf).replace(/\s+/g, '')).toContain(sampleReport.title.replace(/\s+/g, ''));
  });
});
