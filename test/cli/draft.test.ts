import { chmodSync, copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { composeReport } from '../../src/index.js';
import { hasCommand, pdfText, requireCommands, unzipText } from '../support/tools.js';
import { ensureBuilt, EXAMPLES, freshDirs, listDir, run, STACK_FRAME, zongjie } from './support.js';

beforeAll(ensureBuilt);

const { fresh } = freshDirs('zongjie-draft-');

const example = (name: string) => JSON.parse(readFileSync(join(EXAMPLES, `${name}.json`), 'utf8'));
const BUREAU = composeReport(example('bureau')).report.title; // 云溪县教育局2025年教育帮扶工作总结
const SCHOOL = composeReport(example('school')).report.title;

describe('zongjie draft, one file', () => {
  it('writes DOCX, PDF and Markdown named after the title and prints them', async () => {
    const out = fresh();
    const result = await zongjie(['draft', 'examples/bureau.json', '-o', out]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(listDir(out)).toEqual([`${BUREAU}.docx`, `${BUREAU}.md`, `${BUREAU}.pdf`]);
    expect(result.stdout).toBe(
      ['✓ examples/bureau.json', ...['docx', 'pdf', 'md'].map((ext) => `    ${join(out, `${BUREAU}.${ext}`)}`), ''].join('\n'),
    );

    const docx = unzipText(readFileSync(join(out, `${BUREAU}.docx`)));
    expect(docx['word/document.xml']).toContain('教育帮扶工作总结');
    expect(readFileSync(join(out, `${BUREAU}.md`), 'utf8')).toMatch(/^# 云溪县教育局2025年教育帮扶工作总结/);
    const pdf = readFileSync(join(out, `${BUREAU}.pdf`));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    if (requireCommands('draft: PDF text check', 'pdftotext')) expect(pdfText(pdf).replace(/\s+/g, '')).toContain(BUREAU);
  });

  it('-f md writes only the Markdown', async () => {
    const out = fresh();
    const result = await zongjie(['draft', 'examples/school.json', '-o', out, '-f', 'md']);
    expect(result.code).toBe(0);
    expect(listDir(out)).toEqual([`${SCHOOL}.md`]);
  });

  it('writes into the current directory by default, creating -o directories as needed', async () => {
    const cwd = fresh();
    expect((await zongjie(['draft', join(EXAMPLES, 'school.json'), '-f', 'md'], { cwd })).code).toBe(0);
    expect(listDir(cwd)).toEqual([`${SCHOOL}.md`]);
    expect((await zongjie(['draft', join(EXAMPLES, 'school.json'), '-f', 'md,docx', '-o', 'a/b'], { cwd })).code).toBe(0);
    expect(listDir(join(cwd, 'a/b'))).toEqual([`${SCHOOL}.docx`, `${SCHOOL}.md`]);
  });

  it('prints every warning with its path, in Chinese and English', async () => {
    const dir = fresh();
    const stats = example('bureau');
    stats.aidedGroups[0].students += 7;
    writeFileSync(join(dir, 'stats.json'), JSON.stringify(stats));
    const { warnings } = composeReport(stats);
    expect(warnings.map((w) => w.where)).toContain('aidedGroups[0].students');

    const result = await zongjie(['draft', 'stats.json', '-f', 'md'], { cwd: dir });
    expect(result.code).toBe(0);
    for (const w of warnings) {
      expect(result.stderr).toContain(`⚠ ${w.message.zh}`);
      expect(result.stderr).toContain(w.message.en);
    }
  });

  it('uses a template directory given with -t; a broken or missing one is a message', async () => {
    const dir = fresh();
    mkdirSync(join(dir, 'tpl/partials'), { recursive: true });
    writeFileSync(join(dir, 'tpl/report.hbs'), '@title 自定模板{{org.name}}\n# 基本情况\n{{> body}}\n');
    writeFileSync(join(dir, 'tpl/partials/body.hbs'), '正文一段。\n');
    const result = await zongjie(['draft', join(EXAMPLES, 'school.json'), '-t', 'tpl', '-f', 'md'], { cwd: dir });
    expect(result.code).toBe(0);
    const md = readFileSync(join(dir, '自定模板云溪县石桥镇中心小学.md'), 'utf8');
    expect(md).toContain('正文一段。');

    writeFileSync(join(dir, 'tpl/partials/body.hbs'), '第一行\n{{no.such.field}}\n');
    const broken = await zongjie(['draft', join(EXAMPLES, 'school.json'), '-t', 'tpl', '-f', 'md'], { cwd: dir });
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('模板错误 / template error: tpl/');
    expect(broken.stderr).not.toMatch(STACK_FRAME);

    const missing = await zongjie(['draft', join(EXAMPLES, 'school.json'), '-t', 'no-such-dir'], { cwd: dir });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('the template directory does not exist');
    mkdirSync(join(dir, 'empty-tpl'));
    const empty = await zongjie(['draft', join(EXAMPLES, 'school.json'), '-t', 'empty-tpl'], { cwd: dir });
    expect(empty.stderr).toContain('the template directory has no report.hbs');
  });

  it('invalid JSON: exit 1 with the line and column, nothing written', async () => {
    const dir = fresh();
    writeFileSync(join(dir, 'stats.json'), '{\n  "year": 2025,,\n}');
    const result = await zongjie(['draft', 'stats.json', '-o', 'out'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('JSON 语法错误 / JSON syntax error: stats.json:2:16:');
    expect(listDir(join(dir, 'out'))).toEqual([]);
  });
});

describe('zongjie draft, a batch', () => {
  it('a directory: every *.json in name order; a bad file is reported, the good ones written, exit 1', async () => {
    const dir = fresh();
    copyFileSync(join(EXAMPLES, 'bureau.json'), join(dir, 'a-bureau.json'));
    writeFileSync(join(dir, 'b-bad.json'), JSON.stringify({ year: 2025, organisation: { name: '某某小学', kind: 'city' } }));
    copyFileSync(join(EXAMPLES, 'school.json'), join(dir, 'c-school.json'));
    writeFileSync(join(dir, 'notes.txt'), 'not an input');

    const result = await zongjie(['draft', dir, '-o', join(dir, 'out'), '-f', 'md,docx']);
    expect(result.code).toBe(1);
    expect(listDir(join(dir, 'out'))).toEqual([`${BUREAU}.docx`, `${BUREAU}.md`, `${SCHOOL}.docx`, `${SCHOOL}.md`]);
    // One line per file: no progress bar when stderr is not a terminal.
    expect(result.stdout).toMatch(/^✓ \[1\/3\] .*a-bureau\.json$/m);
    expect(result.stderr).toMatch(/^✗ \[2\/3\] .*b-bad\.json$/m);
    expect(result.stdout).toMatch(/^✓ \[3\/3\] .*c-school\.json$/m);
    expect(result.stderr).toContain('organisation.kind：应为');
    expect(result.stderr).toContain('organisation.kind: expected one of');
    expect(result.stderr).toMatch(/2 份已生成，1 份失败 \/ 2 drafted, 1 failed: .*b-bad\.json/);
    expect(result.all).not.toMatch(/\x1b\[/); // no terminal control codes in a pipe
  });

  it('a larger batch is drafted on worker threads: same files in input order, failures reported, and the process exits', async () => {
    const dir = fresh();
    const names = ['云溪县第1小学', '云溪县第2小学', '云溪县第3小学', '云溪县第4小学', '云溪县第5小学'];
    names.forEach((name, i) => writeFileSync(join(dir, `s${i + 1}.json`), JSON.stringify({ ...example('school'), organisation: { name, kind: 'school' } })));
    writeFileSync(join(dir, 's3b-bad.json'), JSON.stringify({ year: 2025 }));
    const result = await zongjie(['draft', dir, '-o', join(dir, 'out'), '-f', 'pdf,md']);
    expect(result.code).toBe(1);
    const titles = names.map((name) => `${name}2025年学生资助工作总结`);
    expect(listDir(join(dir, 'out'))).toEqual(titles.flatMap((t) => [`${t}.md`, `${t}.pdf`]).sort());
    expect(result.stdout.match(/^✓ \[\d\/6\] .*$/gm)?.map((l) => l.replace(/^.*\//, ''))).toEqual(['s1.json', 's2.json', 's3.json', 's4.json', 's5.json']);
    expect(result.stderr).toMatch(/^✗ \[4\/6\] .*s3b-bad\.json$/m);
    expect(readFileSync(join(dir, 'out', `${titles[4]}.md`), 'utf8')).toContain('# 云溪县第5小学2025年学生资助工作总结');
  });

  it('several files, one missing: the others are drafted, exit 1', async () => {
    const dir = fresh();
    const result = await zongjie(['draft', join(EXAMPLES, 'school.json'), 'missing.json', '-f', 'md'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(listDir(dir)).toEqual([`${SCHOOL}.md`]);
    expect(result.stderr).toContain('✗ [2/2] missing.json');
    expect(result.stderr).toContain('no such file or directory: missing.json');
  });

  it('inputs with the same title each get their file name; a clean batch exits 0 with a summary', async () => {
    const dir = fresh();
    mkdirSync(join(dir, 'in'));
    copyFileSync(join(EXAMPLES, 'school.json'), join(dir, 'in/spring.json'));
    copyFileSync(join(EXAMPLES, 'school.json'), join(dir, 'in/autumn.json'));
    const result = await zongjie(['draft', 'in', '-o', 'out', '-f', 'md'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(listDir(join(dir, 'out'))).toEqual([`${SCHOOL}_autumn.md`, `${SCHOOL}_spring.md`]);
    expect(result.stdout).toContain('2 份已生成，0 份失败 / 2 drafted, 0 failed');
  });

  it('an empty directory is a failed input', async () => {
    const dir = fresh();
    mkdirSync(join(dir, 'empty'));
    const result = await zongjie(['draft', 'empty', '-f', 'md'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no stats files (.json, .xlsx, .xls) in the directory: empty');
  });

  it.skipIf(!(process.platform === 'linux' && hasCommand('script')))('on a terminal: a progress bar on stderr, the results above it', async () => {
    const dir = fresh();
    copyFileSync(join(EXAMPLES, 'school.json'), join(dir, 'one.json'));
    copyFileSync(join(EXAMPLES, 'bureau.json'), join(dir, 'two.json'));
    // util-linux `script` gives the command a pseudo-terminal; -e passes its exit code on.
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(join(EXAMPLES, '../dist/cli.js'))} draft . -o out -f md`;
    const result = await run('script', ['-qec', command, '/dev/null'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('░'); // the bar
    expect(result.stdout).toContain('✓ [1/2] one.json');
    expect(result.stdout).toContain('✓ [2/2] two.json');
    expect(result.stdout).toContain('2 drafted, 0 failed');
    expect(listDir(join(dir, 'out'))).toEqual([`${BUREAU}.md`, `${SCHOOL}.md`]);
  });
});

describe('zongjie draft, failures leave no broken or temporary files', () => {
  it('a render that fails (a bad --font file) writes nothing and keeps the good files from before', async () => {
    const out = fresh();
    expect((await zongjie(['draft', 'examples/school.json', '-o', out])).code).toBe(0);
    const before = Object.fromEntries(listDir(out).map((f) => [f, readFileSync(join(out, f))]));

    const notAFont = join(fresh(), 'broken.ttf');
    writeFileSync(notAFont, 'not a font at all');
    const result = await zongjie(['draft', 'examples/school.json', '-o', out, '--font', `body=${notAFont}`]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('✗ examples/school.json');
    expect(result.stderr).not.toMatch(STACK_FRAME);
    expect(listDir(out)).toEqual(Object.keys(before));
    for (const [name, bytes] of Object.entries(before)) expect(readFileSync(join(out, name)).equals(bytes), name).toBe(true);
  });

  it('a write that fails midway leaves no temporary file; files already there are untouched', async () => {
    const out = fresh();
    // A directory where the PDF should go: the rename onto it fails after the temporary file is written.
    mkdirSync(join(out, `${SCHOOL}.pdf`));
    writeFileSync(join(out, `${SCHOOL}.md`), 'the good one from before');
    const result = await zongjie(['draft', 'examples/school.json', '-o', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).not.toMatch(STACK_FRAME);
    expect(listDir(out)).toEqual([`${SCHOOL}.docx`, `${SCHOOL}.md`, `${SCHOOL}.pdf`]); // no .tmp beside them
    expect(readFileSync(join(out, `${SCHOOL}.md`), 'utf8')).toBe('the good one from before');
    expect(readdirSync(join(out, `${SCHOOL}.pdf`))).toEqual([]);
  });

  const isRoot = process.getuid?.() === 0;
  if (isRoot) console.warn('⚠ SKIPPING draft: read-only output directory (running as root, who may write anywhere)');
  it.skipIf(isRoot || process.platform === 'win32')('a read-only output directory: exit 1, a message, the old file kept', async () => {
    const out = fresh();
    writeFileSync(join(out, `${SCHOOL}.md`), 'the good one from before');
    chmodSync(out, 0o555);
    try {
      const result = await zongjie(['draft', 'examples/school.json', '-o', out, '-f', 'md']);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('cannot write to the output directory');
      expect(result.stderr).not.toMatch(STACK_FRAME);
      expect(listDir(out)).toEqual([`${SCHOOL}.md`]);
      expect(readFileSync(join(out, `${SCHOOL}.md`), 'utf8')).toBe('the good one from before');
    } finally {
      chmodSync(out, 0o755);
    }
  });

  it('an output path through a file: exit 1 with a message, no stack trace', async () => {
    const dir = fresh();
    writeFileSync(join(dir, 'file'), '');
    const result = await zongjie(['draft', join(EXAMPLES, 'school.json'), '-o', 'file/out'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      '✗ 无法写入输出目录 / cannot write to the output directory: file/out\n  路径中有一段不是目录 / a part of the path is not a directory: file/out\n',
    );
  });

  it('a --font file that does not exist: exit 1 before drafting anything', async () => {
    const out = fresh();
    const result = await zongjie(['draft', 'examples/school.json', '-o', out, '--font', 'title=/no/such/font.ttf']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('✗ 找不到字体文件 / font file not found: /no/such/font.ttf\n');
    expect(listDir(out)).toEqual([]);
  });
});

describe('npx zongjie', () => {
  it('runs the package bin from the repository', async () => {
    const out = fresh();
    const result = await run('npx', ['--no-install', 'zongjie', 'draft', 'examples/bureau.json', '-o', out]);
    expect(result.code).toBe(0);
    expect(listDir(out)).toEqual([`${BUREAU}.docx`, `${BUREAU}.md`, `${BUREAU}.pdf`]);
  });
});
