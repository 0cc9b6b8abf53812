/**
 * Our workbook opened as a clerk would: cells written with a spreadsheet
 * library the way offices fill them (numbers as text, a title row above the
 * headers, blank rows, merged cells, a sheet of their own, formulas), then
 * read. What reads one way only is read; every problem names its sheet,
 * row, column header and cell, in Chinese and English.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { composeReport, parseStats, type YearlyStatsInput } from '../../src/index.js';
import { parseWorkbook, safeParseWorkbook, WorkbookFileError, writeWorkbook, type LocatedIssue } from '../../src/workbook/index.js';

const example = (name: string) => {
  const { $schema: _, ...stats } = JSON.parse(readFileSync(new URL(`../../examples/${name}.json`, import.meta.url), 'utf8'));
  return stats as YearlyStatsInput;
};
const school = example('school');

/** Our workbook of `input`, changed by `clerk` with exceljs and saved again. */
async function edited(clerk: (workbook: ExcelJS.Workbook) => void, input: YearlyStatsInput = school): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await writeWorkbook(input)) as unknown as ArrayBuffer);
  clerk(workbook);
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

const sheet = (workbook: ExcelJS.Workbook, name: string) => workbook.getWorksheet(name)!;

/** The problems a workbook's cells and the schema found, as the clerk reads them. */
async function problems(bytes: Uint8Array): Promise<LocatedIssue[]> {
  const result = await safeParseWorkbook(bytes);
  if (result.success) throw new Error('the workbook was read without a problem');
  return result.error.issues;
}

describe('cells as offices fill them are read', () => {
  it('numbers stored as text, with separators, units and full-width digits; trailing spaces; codes for labels', async () => {
    const bytes = await edited((wb) => {
      const aid = sheet(wb, '资助发放');
      aid.getCell('F2').value = '６'; // full-width
      aid.getCell('G2').value = '2,250.00';
      aid.getCell('G3').value = '3000元';
      aid.getCell('G6').value = '20.9万';
      aid.getCell('A4').value = '小学  ';
      aid.getCell('B5').value = 'boardingSubsidy';
      aid.getCell('I4').value = ' 500 ';
    });
    const result = await safeParseWorkbook(bytes);
    expect(result.success && result.data).toEqual(parseStats(school));
  });

  it('a title row merged above the headers, blank rows in the middle, columns swapped, a sheet of their own', async () => {
    const bytes = await edited((wb) => {
      const aid = sheet(wb, '资助发放');
      aid.spliceRows(1, 0, ['云溪县石桥镇中心小学2025年资助发放名册']);
      aid.mergeCells('A1:H1');
      aid.spliceRows(5, 0, [], []); // two blank rows after the 2nd item
      for (let r = 2; r <= aid.rowCount; r++) {
        const [f, g] = [aid.getCell(r, 6), aid.getCell(r, 7)];
        [f.value, g.value] = [g.value, f.value]; // 受助学生 and 金额 change places
      }
      wb.addWorksheet('草稿').getCell('A1').value = '核对用';
    });
    const workbook = await parseWorkbook(bytes);
    expect(workbook.issues).toEqual([]);
    expect(parseStats(workbook.input)).toEqual(parseStats(school));
    expect(workbook.notices.map((n) => n.message.zh)).toEqual(['草稿：不是本工作簿的工作表，未读取']);
    // Places follow the rows and columns as they are now: the 3rd item is on row 7, its students in G.
    expect(workbook.locate('aid[2].students')).toMatchObject({ sheet: '资助发放', row: 7, header: '受助学生（人）', ref: 'G7' });
  });

  it('a formula cell is read by the value it last computed; a 合计 row is noticed and left unread', async () => {
    const bytes = await edited((wb) => {
      const aid = sheet(wb, '资助发放');
      aid.getCell('G4').value = { formula: 'F4*I4', result: 4500 };
      aid.getCell('A9').value = '合计';
      aid.getCell('G9').value = { formula: 'SUM(G2:G8)', result: 470870 };
    });
    const workbook = await parseWorkbook(bytes);
    expect(workbook.issues).toEqual([]);
    expect(parseStats(workbook.input)).toEqual(parseStats(school));
    expect(workbook.notices.map((n) => n.message.zh)).toEqual(['资助发放 第9行：是合计行，未读取（合计由程序计算）']);
  });

  it('cells merged down a column (学段 over several rows) give every row the value', async () => {
    const bytes = await edited((wb) => {
      const aid = sheet(wb, '资助发放');
      aid.getCell('A5').value = null;
      aid.getCell('A6').value = null;
      aid.mergeCells('A4:A6'); // 小学 over the 3rd to 5th items
    });
    expect((await safeParseWorkbook(bytes)).success).toBe(true);
    expect(parseStats((await parseWorkbook(bytes)).input)).toEqual(parseStats(school));
  });

  it.each<[ExcelJS.CellValue, string]>([
    [46017, 'an Excel serial number'],
    ['2025/12/26', 'text with slashes'],
    ['2025年12月26日', 'text in Chinese'],
    [new Date(Date.UTC(2025, 11, 26)), 'a date cell'],
  ])('成文日期 as %j (%s)', async (date) => {
    const bytes = await edited((wb) => void (sheet(wb, '单位信息').getCell('B13').value = date as ExcelJS.CellValue));
    expect((await parseWorkbook(bytes)).input.signature).toEqual({ date: '2025-12-26' });
  });

  it('estimates where a column takes them: 8000余 copies of materials', async () => {
    const bytes = await edited((wb) => void (sheet(wb, '宣传').getCell('B2').value = '8000余'));
    const result = await safeParseWorkbook(bytes);
    expect(result.success && result.data.publicity?.materials).toEqual({ value: 8000, approx: 'over' });
  });
});

describe('problems name the cell', () => {
  it('资助发放 第7行「金额（元）」(G7)：不能小于0，实为 -1', async () => {
    const bytes = await edited((wb) => void (sheet(wb, '资助发放').getCell('G7').value = -1));
    const [issue] = await problems(bytes);
    expect(issue!.message.zh).toBe('资助发放 第7行「金额（元）」(G7)：不能小于0，实为 -1');
    expect(issue!.message.en).toBe('资助发放 row 7 「金额（元）」 (G7): must be ≥ 0, received -1');
    expect(issue!.where).toBe('aid[5].amount');
    expect(issue!.place).toEqual({ sheet: '资助发放', row: 7, header: '金额（元）', column: 'G', ref: 'G7' });
  });

  it('a word where a number goes: refused, never guessed', async () => {
    const bytes = await edited((wb) => void (sheet(wb, '资助发放').getCell('F3').value = '八人'));
    const issues = await problems(bytes);
    expect(issues.map((i) => i.message.zh)).toEqual(['资助发放 第3行「受助学生（人）」(F3)：应为整数（单位：人），实为 "八人"']);
  });

  it('an estimate in a column of exact figures', async () => {
    const bytes = await edited((wb) => void (sheet(wb, '资助发放').getCell('G2').value = '约2250'));
    expect((await problems(bytes)).map((i) => i.message.zh)).toEqual(['资助发放 第2行「金额（元）」(G2)：此栏应填确切的数，不能填约数，实为 "约2250"']);
  });

  it('a date whose day and month could be read two ways', async () => {
    const bytes = await edited((wb) => void (sheet(wb, '单位信息').getCell('B13').value = '12/26/2025'));
    expect((await problems(bytes)).map((i) => i.message.zh)).toEqual([
      '单位信息 第13行「成文日期」(B13)：日期应写作 2025-12-26、2025/12/26 或 2025年12月26日，实为 "12/26/2025"',
    ]);
  });

  it('an unknown label: the labels listed, with a did-you-mean among them', async () => {
    const bytes = await edited((wb) => void (sheet(wb, '资助发放').getCell('B6').value = '营养计划'));
    const [issue] = await problems(bytes);
    expect(issue!.message.zh).toMatch(/^资助发放 第6行「资助项目」\(B6\)：应为 学前教育资助、免学费、.*营养改善计划.* 之一.*实为 "营养计划" \(string\)；是否应为“营养改善计划”？$/);
    expect(issue!.message.en).toContain('did you mean "营养改善计划"?');
  });

  it('a required cell left empty in a row, and in the form', async () => {
    const bytes = await edited((wb) => {
      sheet(wb, '资助发放').getCell('E4').value = null;
      sheet(wb, '单位信息').getCell('B3').value = '  ';
    });
    expect((await problems(bytes)).map((i) => i.message.zh).sort()).toEqual(['单位信息 第3行「单位名称」(B3)：缺少必填项', '资助发放 第4行「学期」(E4)：缺少必填项']);
  });

  it('a header in 万元 where the column is in 元: refused, not read 10,000 times too small', async () => {
    const bytes = await edited((wb) => void (sheet(wb, '资助发放').getCell('G1').value = '金额（万元）'));
    const messages = (await problems(bytes)).map((i) => i.message.zh);
    expect(messages).toEqual(['资助发放 第1行「金额（元）」(G1)：表头的单位是“万元”，本栏应以“元”填写；请把数字换算为元并把表头改回「金额（元）」']);
  });

  it('a formula without a stored result, and a formula that failed', async () => {
    const bytes = await edited((wb) => {
      sheet(wb, '资助发放').getCell('G2').value = { formula: 'F2*I2' } as ExcelJS.CellFormulaValue;
      sheet(wb, '资助发放').getCell('G3').value = { formula: 'G2/0', result: { error: '#DIV/0!' } };
    });
    const messages = (await problems(bytes)).map((i) => i.message.zh);
    expect(messages[0]).toMatch(/^资助发放 第2行「金额（元）」\(G2\)：单元格是错误值 （公式没有保存的计算结果/);
    expect(messages[1]).toBe('资助发放 第3行「金额（元）」(G3)：单元格是错误值 #DIV/0!，请改正公式或填写数值');
  });

  it('the same header twice: which column holds the figures is not guessed', async () => {
    const bytes = await edited((wb) => void (sheet(wb, '资助发放').getCell('H1').value = '金额（元）'));
    expect((await problems(bytes)).map((i) => i.message.zh)).toEqual(['资助发放 第1行「金额（元）」(H1)：表头「金额（元）」出现了两次（G1 和 H1），请删去一列']);
  });

  it('yes/no in the form, and a figure in a sheet of the clerk that is not ours, each at their place', async () => {
    const bytes = await edited((wb) => void (sheet(wb, '单位信息').getCell('B11').value = '对'));
    expect((await problems(bytes)).map((i) => i.message.zh)).toEqual(['单位信息 第11行「作为报告上报」(B11)：应填“是”或“否”，实为 "对"']);
  });
});

describe('warnings from facts and compose point to cells', () => {
  it('an amount that is not students × standard', async () => {
    const bytes = await edited((wb) => void (sheet(wb, '资助发放').getCell('G2').value = 2300));
    const result = await safeParseWorkbook(bytes);
    expect(result.success).toBe(true);
    const warnings = composeReport(result.workbook.input).warnings.map((w) => result.workbook.place(w));
    expect(warnings.map((w) => w.message.zh)).toEqual(['资助发放 第2行「金额（元）」(G2)：6人 × 375元 = 2250元，填报金额为2300元']);
  });

  it('a group total that the stages do not add up to', async () => {
    const bytes = await edited((wb) => void (sheet(wb, '受助群体').getCell('K2').value = 40));
    const { workbook } = await safeParseWorkbook(bytes);
    const [warning] = composeReport(workbook.input).warnings.map((w) => workbook.place(w));
    expect(warning!.message.zh).toMatch(/^受助群体 第2行「合计（人）」\(K2\)：填报合计40人，各学段相加为37人/);
    expect(warning!.where).toBe('aidedGroups[0].students');
  });

  it('no signature: a warning about the whole 落款 names the sheet', async () => {
    const bytes = await edited((wb) => void (sheet(wb, '单位信息').getCell('B13').value = null));
    const { workbook } = await safeParseWorkbook(bytes);
    const messages = composeReport(workbook.input).warnings.map((w) => workbook.place(w).message.zh);
    expect(messages).toEqual(['单位信息：未填写落款日期，文末不印落款']);
  });
});

describe('各校情况: one school over several rows', () => {
  const county = {
    ...school,
    organisation: { name: '云溪县教育局', kind: 'bureau' },
    schools: [
      { name: '常山小学', aid: [{ stage: 'primary', students: 418, amount: 209000 }, { stage: 'junior', students: 30, amount: 37500 }], highlights: ['多名学生在县级比赛中获奖。'] },
      { name: '石桥中学', aid: [{ stage: 'junior', students: 12 }], highlights: ['建立受助学生成长档案，班主任每学期至少家访一次，受助学生全部完成学业，多名学生在县级比赛中获奖。'] },
    ],
  } as YearlyStatsInput;

  it('rows of the same school, in any order, are one school; each row adds a stage or a paragraph', async () => {
    const bytes = await edited((wb) => {
      const ws = sheet(wb, '各校情况');
      expect(ws.getSheetValues().slice(2).map((row) => (row as unknown[])[1])).toEqual(['常山小学', '常山小学', '石桥中学']);
      // A long header breaks before its unit; a long paragraph gets a row tall enough to show it.
      expect(ws.getCell('C1').value).toBe('受助人次\n（人次）');
      expect(ws.getRow(2).height).toBeUndefined();
      expect(ws.getRow(4).height).toBe(30);
      // A clerk adds a second highlight for 常山小学 at the bottom, after the other school.
      ws.addRow(['常山小学', null, null, null, '开展资助育人主题班会。']);
    }, county);
    const result = await safeParseWorkbook(bytes);
    expect(result.success && result.data.schools).toEqual([
      { ...county.schools![0], highlights: ['多名学生在县级比赛中获奖。', '开展资助育人主题班会。'] },
      county.schools![1],
    ]);
  });

  it('a problem in one of a school’s rows names that row', async () => {
    const bytes = await edited((wb) => {
      const ws = sheet(wb, '各校情况');
      ws.getCell('D3').value = -5;
      ws.getCell('A4').value = null;
    }, county);
    expect((await problems(bytes)).map((i) => [i.where, i.message.zh]).sort()).toEqual([
      ['schools[0].aid[1].amount', '各校情况 第3行「资助金额（元）」(D3)：不能小于0，实为 -5'],
      ['schools[1].name', '各校情况 第4行「学校名称」(A4)：缺少必填项'],
    ]);
  });
});

describe('files that are not a workbook we read', () => {
  it.each([
    [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0], 'old_format', '旧版 Excel 97-2003'],
    [[...new TextEncoder().encode('{"year": 2025}')], 'not_xlsx', '不是 Excel 工作簿'],
    [[0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4], 'damaged', '已损坏'],
  ])('%#: refused with the way out (%s)', async (bytes, code, zh) => {
    const error = await parseWorkbook(new Uint8Array(bytes)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookFileError);
    expect((error as WorkbookFileError).code).toBe(code);
    expect((error as WorkbookFileError).reason.zh).toContain(zh);
    expect((error as WorkbookFileError).reason.zh).toContain('.xlsx');
  });

  it('a zip bomb: refused on what it declares, before exceljs inflates a byte', async () => {
    // One entry declaring 1 GiB: the size is read from the central directory, the data never inflated.
    const bomb = zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(1 << 20) }, { level: 9 });
    const view = new DataView(bomb.buffer, bomb.byteOffset, bomb.byteLength);
    const central = bomb.findIndex((_, i) => view.getUint32(i, true) === 0x02014b50);
    view.setUint32(central + 24, 1 << 30, true); // its uncompressed size
    const error = await parseWorkbook(bomb).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookFileError);
    expect((error as WorkbookFileError).code).toBe('too_large');
    expect((error as WorkbookFileError).reason.zh).toContain('工作簿解压后超过 16 MB（至少 1024 MB）');
    expect((error as WorkbookFileError).reason.en).toContain('unpacks to more than 16 MB');
  });
});
