/**
 * The spreadsheet path through the CLI, as an office would take it:
 * `init` a workbook, fill it in, `validate` (problems named by cell, exit 1),
 * `draft`, and `convert` between JSON and the workbook.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseStats } from '../../src/schema/index.js';
import { ensureBuilt, EXAMPLES, freshDirs, listDir, STACK_FRAME, zongjie } from './support.js';

beforeAll(ensureBuilt);

const { fresh } = freshDirs('zongjie-xlsx-');

async function setCell(file: string, sheet: string, ref: string, value: ExcelJS.CellValue): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  workbook.getWorksheet(sheet)!.getCell(ref).value = value;
  await workbook.xlsx.writeFile(file);
}

describe('zongjie and a workbook', () => {
  it('init --kind school stats.xlsx writes a workbook that validates and drafts', async () => {
    const dir = fresh();
    const init = await zongjie(['init', '--kind', 'school', '--year', '2025', 'stats.xlsx'], { cwd: dir });
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('✓ 已创建 / created stats.xlsx');
    expect(readFileSync(join(dir, 'stats.xlsx')).subarray(0, 2).toString()).toBe('PK');

    expect(await zongjie(['validate', 'stats.xlsx'], { cwd: dir })).toMatchObject({ code: 0, stdout: '✓ stats.xlsx: 有效 / valid\n', stderr: '' });
    const draft = await zongjie(['draft', 'stats.xlsx', '-f', 'md', '-o', 'out'], { cwd: dir });
    expect(draft.code).toBe(0);
    const [md] = listDir(join(dir, 'out'));
    expect(readFileSync(join(dir, 'out', md!), 'utf8')).toContain('某某县某某镇中心小学2025年学生资助工作总结');
  });

  it('validate names the cell of each problem, in Chinese and English, and exits 1', async () => {
    const dir = fresh();
    await zongjie(['init', '--kind', 'bureau', '--year', '2025', 'stats.xlsx'], { cwd: dir });
    await setCell(join(dir, 'stats.xlsx'), '资助发放', 'G7', -1);
    const run = await zongjie(['validate', 'stats.xlsx'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('✗ stats.xlsx: 无效 / invalid');
    expect(run.stderr).toContain('资助发放 第7行「金额（元）」(G7)：不能小于0，实为 -1');
    expect(run.stderr).toContain('资助发放 row 7 「金额（元）」 (G7): must be ≥ 0, received -1');
    expect(run.all).not.toMatch(STACK_FRAME);
  });

  it('draft prints warnings at their cells, and notices what it did not read', async () => {
    const dir = fresh();
    await zongjie(['init', '--year', '2025', 'stats.xlsx'], { cwd: dir });
    await setCell(join(dir, 'stats.xlsx'), '资助发放', 'G2', 2600);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, 'stats.xlsx'));
    workbook.addWorksheet('草稿').getCell('A1').value = '核对';
    await workbook.xlsx.writeFile(join(dir, 'stats.xlsx'));
    const run = await zongjie(['draft', 'stats.xlsx', '-f', 'md', '-o', 'out'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('资助发放 第2行「金额（元）」(G2)：5人 × 500元 = 2500元，填报金额为2600元');
    expect(run.stderr).toContain('ℹ 草稿：不是本工作簿的工作表，未读取');
  });

  it('convert a.json b.xlsx and back gives the same stats; an existing file is kept without --force', async () => {
    const dir = fresh();
    const there = await zongjie(['convert', join(EXAMPLES, 'bureau.json'), 'b.xlsx'], { cwd: dir });
    expect(there.code).toBe(0);
    const back = await zongjie(['convert', 'b.xlsx', 'b.json'], { cwd: dir });
    expect(back.code).toBe(0);
    const { $schema: _, ...original } = JSON.parse(readFileSync(join(EXAMPLES, 'bureau.json'), 'utf8'));
    expect(parseStats(JSON.parse(readFileSync(join(dir, 'b.json'), 'utf8')))).toEqual(parseStats(original));

    writeFileSync(join(dir, 'keep.xlsx'), 'mine');
    const refused = await zongjie(['convert', 'b.json', 'keep.xlsx'], { cwd: dir });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('文件已存在，未覆盖');
    expect(readFileSync(join(dir, 'keep.xlsx'), 'utf8')).toBe('mine');
  });

  it('convert refuses an invalid workbook, naming the cell, and writes nothing', async () => {
    const dir = fresh();
    await zongjie(['init', '--year', '2025', 'stats.xlsx'], { cwd: dir });
    await setCell(join(dir, 'stats.xlsx'), '资助发放', 'B3', '营养计划');
    const run = await zongjie(['convert', 'stats.xlsx', 'stats.json'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('资助发放 第3行「资助项目」(B3)');
    expect(run.stderr).toContain('是否应为“营养改善计划”？');
    expect(existsSync(join(dir, 'stats.json'))).toBe(false);
  });

  it('a file that is not a workbook, named .xlsx, is refused with the way out', async () => {
    const dir = fresh();
    writeFileSync(join(dir, 'stats.xlsx'), '{"year": 2025}');
    const run = await zongjie(['validate', 'stats.xlsx'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('不是 Excel 工作簿（.xlsx）');
    expect(run.all).not.toMatch(STACK_FRAME);
  });

  it('a directory batch drafts its .xlsx files with its .json files', async () => {
    const dir = fresh();
    await zongjie(['init', '--year', '2025', 'data/a.xlsx'], { cwd: dir });
    await zongjie(['init', '--kind', 'bureau', '--year', '2025', 'data/b.json'], { cwd: dir });
    const run = await zongjie(['validate', 'data'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('a.xlsx: 有效');
    expect(run.stdout).toContain('b.json: 有效');
  });
});
