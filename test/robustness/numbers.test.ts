/**
 * Numbers end to end: 0, two decimals and 1e12 元 reach the DOCX, the PDF
 * and the Markdown formatted by the one rule (万元, 亿元, at most two
 * decimals, half-up on integer 分), and tables agree with the prose.
 */
import { cellText } from '../../src/model/index.js';
import { describe, expect, it } from 'vitest';
import { composeReport, renderDocx, renderMarkdown, type Report, type Table } from '../../src/index.js';
import { renderPdf } from '../../src/render/pdf/index.js';
import { readDocx } from '../support/docx-text.js';
import { defaultFonts, hasDefaultFonts } from '../support/pdf-fonts.js';
import { pdfRawText } from '../support/pdf-tools.js';
import { squeeze } from '../support/same-text.js';
import { requireCommands } from '../support/tools.js';

const stats = {
  year: 2025,
  organisation: { name: '青山县教育局', kind: 'bureau' },
  aid: [
    { stage: 'senior', programme: 'nationalGrant', period: 'spring', students: 1000, amount: 1e12 },
    { stage: 'senior', programme: 'nationalGrant', period: 'autumn', students: 1, amount: 0.01 },
    { stage: 'primary', programme: 'nutrition', period: 'spring', students: 0, amount: 0 },
    { stage: 'preschool', programme: 'preschoolAid', period: 'spring', students: 3, amount: 0.1 },
    { stage: 'preschool', programme: 'preschoolAid', period: 'autumn', students: 3, amount: 0.2 },
    { stage: 'vocational', programme: 'yulu', period: 'year', students: 2, amount: 375.5 },
  ],
  projects: [{ school: '常山小学', kind: 'playground', investment: 12550, status: 'accepted' }],
  donations: { amount: 99_999_999.99 },
  signature: { date: '2025-12-20' },
};

/** Each figure, as the prose must print it. */
const PROSE = [
  '1万亿元', // 1e12 元 in 万亿元 (never "10000亿元"), and the senior total 1e12 + 0.01 rounds to the same
  '0.01元',
  '0.3元', // 0.1 + 0.2 summed in 分, not in floats
  '375.5元',
  '1.26万元', // 12550 元: half-up on 分, one rounding
  '1亿元', // 99999999.99 元 rounds to 10000万元: said as 1亿元
];

function table(report: Report, firstColumn: string): Table {
  return report.attachments.flatMap((a) => a.blocks).find((b): b is Table => b.type === 'table' && b.columns[0]!.title === firstColumn)!;
}

describe('0, two decimals and 1e12 元', () => {
  const { report } = composeReport(stats);

  it('prints every figure in the prose by the one rule', () => {
    const md = renderMarkdown(report);
    for (const figure of PROSE) expect(md, figure).toMatch(new RegExp(`(?<![0-9.])${figure.replace('.', '\\.')}`));
    expect(md).toContain('全年共资助各学段学生1009人次，发放资助资金1万亿元');
    // The row of 0 students and 0元 stands in the table, never in a sentence.
    const prose = md.slice(0, md.indexOf('附件'));
    expect(prose).not.toMatch(/(?<![0-9.])0(?:元|人|名)/);
    expect(prose).not.toContain('营养');
  });

  it('gives the tables the exact 分, and the projects table the prose’s rounding', () => {
    const aid = table(report, '学段');
    expect(aid.rows.map((r) => cellText(r[4]!))).toEqual(['0.10', '0.20', '0', '1000000000000', '0.01', '375.50']);
    expect(aid.footer!.map(cellText)).toEqual(['合计', '', '', '1009', '1000000000375.81']);
    const projects = table(report, '序号');
    expect(cellText(projects.rows[0]![4]!)).toBe('1.26');
    expect(cellText(projects.footer![4]!)).toBe('1.26');
  });

  it('reaches the DOCX and the PDF unchanged', async () => {
    const docx = squeeze(readDocx(await renderDocx(report)).paragraphs.join(''));
    for (const figure of [...PROSE, '1000000000375.81']) expect(docx, figure).toContain(figure);
    if (!hasDefaultFonts('numbers: PDF') || !requireCommands('numbers: PDF', 'pdftotext')) return;
    const pdf = squeeze(pdfRawText(await renderPdf(report, { fonts: await defaultFonts() })));
    for (const figure of [...PROSE, '1000000000375.81']) expect(pdf, figure).toContain(figure);
  });
});
