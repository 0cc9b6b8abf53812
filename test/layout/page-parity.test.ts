/**
 * The same page breaks in both formats: a reader who prints the PDF and
 * edits the DOCX finds every page starting with the same line. For both
 * examples, the renderers' hand-built sample and documents of many shapes,
 * the first line of every page of our PDF equals the first line of the same
 * page in LibreOffice's PDF of our DOCX, and the page counts are equal.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { composeReport } from '../../src/compose/index.js';
import { GBT9704 } from '../../src/layout/profile.js';
import type { Report } from '../../src/model/index.js';
import { renderDocx } from '../../src/render/docx/index.js';
import { renderPdf, type FontSet } from '../../src/render/pdf/index.js';
import { sampleReport } from '../fixtures/sample-report.js';
import { SHAPES } from '../fixtures/shapes.js';
import { compareFirstLines, describeParity, firstLines, type Parity } from '../support/page-parity.js';
import { defaultFonts, hasDefaultFonts } from '../support/pdf-fonts.js';
import { pdfLayout } from '../support/pdf-layout.js';
import { convertAllWithLibreOffice, requireCommands } from '../support/tools.js';
import { describeLibreOfficeFonts } from '../support/office-fonts.js';

const ready = hasDefaultFonts('page parity') && requireCommands('page parity', 'soffice', 'pdftotext', 'pdffonts', 'fc-match');

const example = (name: string) => composeReport(JSON.parse(readFileSync(new URL(`../../examples/${name}.json`, import.meta.url), 'utf8'))).report;

const documents: Record<string, Report> = {
  school: example('school'),
  bureau: example('bureau'),
  sample: sampleReport,
  ...Object.fromEntries(SHAPES.map((s) => [s.name, composeReport(s.stats).report])),
};

/**
 * Where LibreOffice 7.4 still breaks a page elsewhere, and why. The test holds
 * these exactly: a page that starts to match, or another that stops, fails it.
 *
 * - The 落款 (GB/T 9704 §7.3.5): the plan keeps the body's last two lines with
 *   it, which the DOCX says as keep-with-next plus widow control on the last
 *   paragraph (Word's reading: its last lines go with the next paragraph).
 *   LibreOffice moves the whole paragraph, and its heading with it.
 */
const KNOWN: Record<string, { pages: number[]; why: string }> = {
  school: { pages: [4], why: 'LibreOffice carries the whole last paragraph and its heading over with the 落款' },
  'long-title': { pages: [4], why: 'the same' },
  'long-prose': { pages: [6], why: 'the same' },
  'no-signature': { pages: [4], why: 'the same, with the attachment note' },
};

describe.skipIf(!ready)('page parity: our PDF and LibreOffice’s PDF of our DOCX', () => {
  const parity: Record<string, Parity> = {};
  beforeAll(async () => {
    const fonts: FontSet = await defaultFonts();
    const docx: Record<string, Uint8Array> = {};
    const ours: Record<string, Uint8Array> = {};
    for (const [name, report] of Object.entries(documents)) {
      docx[name] = await renderDocx(report);
      ours[name] = await renderPdf(report, { fonts });
    }
    const theirs = convertAllWithLibreOffice(docx);
    for (const name of Object.keys(documents)) {
      parity[name] = compareFirstLines(firstLines(pdfLayout(ours[name]!), GBT9704), firstLines(pdfLayout(theirs[name]!), GBT9704));
    }
    const pages = Object.values(parity).reduce((n, p) => n + Math.max(p.pages.ours, p.pages.theirs), 0);
    const matching = Object.values(parity).reduce((n, p) => n + p.matching, 0);
    console.log(
      [
        `page parity: ${matching}/${pages} pages start with the same line (${((100 * matching) / pages).toFixed(1)} %)`,
        describeLibreOfficeFonts(theirs.school!),
        ...Object.entries(parity).map(([name, p]) => describeParity(name, p)),
      ].join('\n'),
    );
  });

  it.each(Object.keys(documents))('%s: same page count, same first line on every page', (name) => {
    const p = parity[name]!;
    expect(p.mismatches.map((m) => m.page), describeParity(name, p)).toEqual(KNOWN[name]?.pages ?? []);
    expect(p.pages.ours, describeParity(name, p)).toBe(p.pages.theirs);
  });
});
