import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseStats } from '../../src/schema/index.js';
import { ensureBuilt, EXAMPLES, freshDirs, listDir, STACK_FRAME, zongjie } from './support.js';

beforeAll(ensureBuilt);

const { fresh } = freshDirs('zongjie-aggregate-');

const EXAMPLE = JSON.parse(readFileSync(join(EXAMPLES, 'school.json'), 'utf8'));
const BUREAU = { year: 2025, organisation: { name: '云溪县教育局', kind: 'bureau' }, signature: { date: '2025-12-26' } };

/** A working directory with bureau.json and schools/ holding `n` schools (the example, renamed; year and figures by `edit`). */
function setup(n = 3, edit: (s: any, i: number) => void = () => {}, folder = 'schools', year = 2025): string {
  const dir = fresh();
  writeFileSync(join(dir, 'bureau.json'), JSON.stringify(BUREAU));
  add(dir, n, edit, folder, year);
  return dir;
}

function add(dir: string, n: number, edit: (s: any, i: number) => void, folder: string, year: number): void {
  mkdirSync(join(dir, folder));
  for (let i = 0; i < n; i++) {
    const s = structuredClone(EXAMPLE);
    delete s.$schema;
    s.year = year;
    s.organisation.name = `云溪县第${i + 1}小学`;
    edit(s, i);
    writeFileSync(join(dir, folder, `school-${i + 1}.json`), JSON.stringify(s, null, 2));
  }
}

describe('zongjie aggregate', () => {
  it('writes the county’s stats, prints the totals, and the draft has the per-school table', async () => {
    const cwd = setup(3);
    const result = await zongjie(['aggregate', 'schools', '--org', 'bureau.json', '-o', 'county.json'], { cwd });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('✓ 汇总3所学校 / aggregated 3 schools → county.json\n  资助学生3864人次，资助资金141.26万元\n');
    const county = JSON.parse(readFileSync(join(cwd, 'county.json'), 'utf8'));
    expect(county.organisation).toEqual(BUREAU.organisation);
    expect(county.schools.map((s: { name: string }) => s.name)).toEqual(['云溪县第1小学', '云溪县第2小学', '云溪县第3小学']);
    expect(listDir(cwd)).toEqual(['bureau.json', 'county.json', 'schools']);

    const draft = await zongjie(['draft', 'county.json', '-f', 'md', '-o', 'out'], { cwd });
    expect(draft.code).toBe(0);
    const md = readFileSync(join(cwd, 'out', listDir(join(cwd, 'out'))[0]!), 'utf8');
    expect(md).toContain('## 2025年各学校学生资助情况统计表');
    expect(md).toContain('| **合计** |  | 3864 | 1412610 |');
  });

  it('prints warnings naming the files, and still writes', async () => {
    const cwd = setup(3, (s, i) => {
      if (i === 2) s.organisation.name = '云溪县第1小学';
    });
    const result = await zongjie(['aggregate', 'schools', '--org', 'bureau.json', '-o', 'county.json'], { cwd });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('⚠ schools/school-1.json和schools/school-3.json是同一所学校“云溪县第1小学”；只计入schools/school-1.json\n  schools/school-1.json and schools/school-3.json are the same school ("云溪县第1小学"); only schools/school-1.json is counted\n');
    expect(result.stdout).toContain('✓ 汇总2所学校 / aggregated 2 schools，另有1份未计入 / 1 left out → county.json');
  });

  it('names every file that cannot be used and writes nothing, leaving an older result as it was', async () => {
    const cwd = setup(4);
    writeFileSync(join(cwd, 'county.json'), 'old');
    writeFileSync(join(cwd, 'schools', 'school-2.json'), '{\n  "year": 2025,\n}');
    const bad = structuredClone(EXAMPLE);
    bad.aid[0].amount = '2250';
    writeFileSync(join(cwd, 'schools', 'school-3.json'), JSON.stringify(bad));
    const result = await zongjie(['aggregate', 'schools', '--org', 'bureau.json', '-o', 'county.json'], { cwd });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('✗ schools/school-2.json\n    JSON 语法错误 / JSON syntax error: schools/school-2.json:3:1');
    expect(result.stderr).toContain('✗ schools/school-3.json\n    统计数据有 1 处问题 / 1 problem in the stats\n      - aid[0].amount');
    expect(result.stderr).toContain('✗ 2个文件无法汇总 / 2 files could not be aggregated');
    expect(result.stderr).toContain('未写出结果 / nothing was written: county.json');
    expect(result.stderr).not.toMatch(STACK_FRAME);
    expect(readFileSync(join(cwd, 'county.json'), 'utf8')).toBe('old');
    expect(listDir(cwd)).toEqual(['bureau.json', 'county.json', 'schools']);
  });

  it('writes the stats to stdout without -o, every message to stderr', async () => {
    const cwd = setup(2);
    const result = await zongjie(['aggregate', 'schools/school-1.json', 'schools/school-2.json', '--org', 'bureau.json'], { cwd });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).schools).toHaveLength(2);
    expect(result.stderr).toBe('✓ 汇总2所学校 / aggregated 2 schools\n  资助学生2576人次，资助资金94.17万元\n');
  });

  it('never counts the bureau’s own file or the output among the schools', async () => {
    const cwd = setup(2);
    writeFileSync(join(cwd, 'schools', 'bureau.json'), JSON.stringify(BUREAU));
    const first = await zongjie(['aggregate', 'schools', '--org', 'schools/bureau.json', '-o', 'schools/county.json'], { cwd });
    expect(first.code).toBe(0);
    const again = await zongjie(['aggregate', 'schools', '--org', 'schools/bureau.json', '-o', 'schools/county.json'], { cwd });
    expect(again.code).toBe(0);
    expect(again.stderr).toBe('');
    expect(again.stdout).toContain('汇总2所学校');
  });

  it('gives last year’s changes with --previous', async () => {
    const cwd = setup(2);
    add(cwd, 2, (s) => s.aid.forEach((a: { students: number; amount: number }) => ((a.students -= 2), (a.amount -= 500))), 'last', 2024);
    const result = await zongjie(['aggregate', 'schools', '--org', 'bureau.json', '--previous', 'last', '-o', 'county.json'], { cwd });
    expect(result.code).toBe(0);
    // The summary's aid: money paid and fees waived, so the free textbooks' row is not in it.
    expect(result.stdout).toContain('  资助学生较上年增加24人次（增长1.4%）\n  资助金额较上年增加6000元（增长0.7%）\n');
    expect(JSON.parse(readFileSync(join(cwd, 'county.json'), 'utf8')).previousYear).toEqual({ aidStudents: 1716, aidAmount: 860500 });
  });

  it('refuses what it cannot do as a usage error', async () => {
    const cwd = setup(1);
    const csv = await zongjie(['aggregate', 'schools', '--org', 'bureau.json', '-o', 'county.csv'], { cwd });
    expect(csv.code).toBe(2);
    expect(csv.stderr).toContain('输出文件应为 .json 或 .xlsx / the output file must be .json or .xlsx');
    const noOrg = await zongjie(['aggregate', 'schools'], { cwd });
    expect(noOrg.code).toBe(2);
    expect(noOrg.stderr).toContain('--org');
  });

  it('says which file it cannot read: a damaged workbook, a file of another kind', async () => {
    const cwd = setup(1);
    writeFileSync(join(cwd, 'a.xlsx'), 'PK');
    writeFileSync(join(cwd, 'b.csv'), '学校,人数');
    const result = await zongjie(['aggregate', 'schools', 'a.xlsx', 'b.csv', '--org', 'bureau.json', '-o', 'county.json'], { cwd });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/✗ a\.xlsx\n    a\.xlsx: .*xlsx/);
    expect(result.stderr).toContain('✗ b.csv\n    不支持的文件类型 / unsupported file type: b.csv（可读 / readable: .json, .xlsx, .xls）');
    expect(listDir(cwd)).toEqual(['a.xlsx', 'b.csv', 'bureau.json', 'schools']);
  });

  it('reads school workbooks beside JSON files, and writes the county as a workbook', async () => {
    const cwd = setup(2);
    const convert = await zongjie(['convert', join('schools', 'school-2.json'), join('schools', 'school-2.xlsx')], { cwd });
    expect(convert.code).toBe(0);
    rmSync(join(cwd, 'schools', 'school-2.json'));
    const json = await zongjie(['aggregate', 'schools', '--org', 'bureau.json', '-o', 'county.json'], { cwd });
    expect(json.code).toBe(0);
    expect(json.stdout).toContain('✓ 汇总2所学校');
    const xlsx = await zongjie(['aggregate', 'schools', '--org', 'bureau.json', '-o', 'county.xlsx'], { cwd });
    expect(xlsx.code).toBe(0);
    expect(readFileSync(join(cwd, 'county.xlsx')).subarray(0, 2).toString()).toBe('PK');
    const back = await zongjie(['convert', 'county.xlsx', 'back.json'], { cwd });
    expect(back.code).toBe(0);
    // The per-school figures (the 各校情况 sheet) come back too.
    const county = parseStats(JSON.parse(readFileSync(join(cwd, 'county.json'), 'utf8')));
    expect(county.schools).toHaveLength(2);
    expect(parseStats(JSON.parse(readFileSync(join(cwd, 'back.json'), 'utf8')))).toEqual(county);
  });
});
