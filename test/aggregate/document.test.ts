/**
 * The county's draft read back: the per-school attachment table in the DOCX
 * (parsed strictly) and the PDF (pdftotext), its total row beside the
 * summary's own sentence, and the highlights appendix when asked for.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { aggregateStats, cellText, composeReport, deriveFacts, formatCount, formatFen, parseStats, renderDocx, toFen, type AggregateResult, type Report, type YearlyStatsInput } from '../../src/index.js';
import { renderPdf, type FontSet } from '../../src/render/pdf/index.js';
import { readDocx } from '../support/docx-text.js';
import { defaultFonts, hasDefaultFonts } from '../support/pdf-fonts.js';
import { pdfRawText } from '../support/pdf-tools.js';
import { squeeze } from '../support/same-text.js';
import { requireCommands } from '../support/tools.js';

const EXAMPLE: YearlyStatsInput = JSON.parse(readFileSync(new URL('../../examples/school.json', import.meta.url), 'utf8'));
const NAMES = ['云溪县石桥镇中心小学', '云溪县常山小学', '云溪县沙河小学', '云溪县红岩小学<A&B>', '第#1小学'];

/** Five schools: the example with its figures and highlights varied per school. */
function schools(): { source: string; stats: YearlyStatsInput }[] {
  return NAMES.map((name, i) => {
    const s = structuredClone(EXAMPLE) as any;
    delete s.$schema;
    s.organisation.name = name;
    s.enrolment.stages[1].students += 10 * i;
    for (const a of s.aid) if (a.programme === 'nutrition') [a.students, a.amount] = [a.students + 10 * i, a.amount + 5000 * i + 0.5 * i];
    s.highlights = [`${name}亮点一。\n第二段{{x}}。`];
    return { source: `${i + 1}.json`, stats: s };
  });
}

const BUREAU = { year: 2025, organisation: { name: '云溪县教育局', kind: 'bureau' as const }, signature: { date: '2025-12-26' } };

let result: AggregateResult;
let report: Report;
beforeAll(() => {
  result = aggregateStats(schools(), { organisation: BUREAU.organisation, year: 2025, bureau: BUREAU, highlights: true });
  report = composeReport(result.stats).report;
});

describe("the county's draft", () => {
  it('has the per-school table as an attachment, its total row the summary’s totals', () => {
    const { students, amount } = result.totals.aid;
    const records = schools().flatMap((s) => s.stats.aid ?? []);
    expect(students).toBe(records.reduce((n, a) => n + a.students!, 0));
    expect(toFen(amount!)).toBe(records.reduce((n, a) => n + Math.round(a.amount! * 100), 0));
    const attachment = report.attachments.find((a) => a.title === '2025年各学校学生资助情况统计表')!;
    const table = attachment.blocks[0]!;
    expect(table.type === 'table' && table.footer!.map(cellText)).toEqual(['合计', '', String(students), formatYuan(amount!)]);
    // The table adds every row; the summary's aid money leaves goods and loans apart, and says them after it.
    const { grants, inKind, loans } = deriveFacts(parseStats(result.stats)).aid;
    expect(grants.fen + inKind.fen + loans.fen).toBe(toFen(amount!));
    const lead = report.body.find((b) => b.type === 'paragraph' && b.text.startsWith('全年共资助各学段学生'))!;
    expect(lead.type === 'paragraph' && lead.text).toContain(`全年共资助各学段学生${formatCount(grants.students, '人次')}，发放资助资金${formatFen(grants.fen)}`);
    expect(lead.type === 'paragraph' && lead.text).toContain(`免费提供教科书${formatCount(inKind.copies, '册')}，折合资金${formatFen(inKind.fen)}`);
  });

  it('reads back from the DOCX: every school row, the total row, and the highlights as written', async () => {
    const docx = readDocx(await renderDocx(report));
    const text = docx.paragraphs;
    const table = text.indexOf('2025年各学校学生资助情况统计表');
    expect(table).toBeGreaterThan(0);
    const cells = text.slice(table);
    for (const name of NAMES) expect(cells).toContain(name);
    const total = cells.indexOf('合计');
    expect(cells.slice(total, total + 4)).toEqual(['合计', '', String(result.totals.aid.students), formatYuan(result.totals.aid.amount!)]);
    const highlights = text.indexOf('2025年各学校工作亮点');
    expect(text.slice(highlights)).toEqual(expect.arrayContaining([`四、${NAMES[3]}`, `${NAMES[3]}亮点一。`, '第二段{{x}}。']));
  });

  describe.skipIf(!hasDefaultFonts('aggregate PDF') || !requireCommands('aggregate PDF', 'pdftotext'))('in the PDF', () => {
    let fonts: FontSet;
    beforeAll(async () => {
      fonts = await defaultFonts();
    });

    it('prints the same total row and summary sentence', async () => {
      const text = squeeze(pdfRawText(await renderPdf(report, { fonts })));
      const { students, amount } = result.totals.aid;
      const { grants } = deriveFacts(parseStats(result.stats)).aid;
      expect(text).toContain(squeeze(`合计 ${students} ${formatYuan(amount!)}`));
      expect(text).toContain(squeeze(`全年共资助各学段学生${formatCount(grants.students, '人次')}，发放资助资金${formatFen(grants.fen)}`));
      for (const name of NAMES) expect(text).toContain(squeeze(name));
    });
  });
});

/** An amount in 元 as the table prints it: whole 元 bare, else two decimals. */
function formatYuan(yuan: number): string {
  const fen = toFen(yuan);
  return fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2);
}
