/**
 * Stopping and files: Ctrl-C or SIGTERM during a batch stops the workers,
 * leaves only whole files, says what was and was not written, and exits
 * 130 / 143; long titles fit the file system's 255-byte names; temporary
 * files a killed run left are cleaned up; `-o` naming a file is "not a
 * directory"; `--timeout` fails one slow draft and writes the rest.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireCommands } from '../support/tools.js';
import { CLI, ensureBuilt, EXAMPLES, freshDirs, listDir, ROOT, STACK_FRAME, zongjie } from './support.js';

beforeAll(ensureBuilt);
const { fresh } = freshDirs('zongjie-stop-');
const school = JSON.parse(readFileSync(join(EXAMPLES, 'school.json'), 'utf8'));

/** `count` stats files in a fresh directory, each a school of its own. */
function inputs(count: number): string {
  const dir = fresh();
  for (let i = 0; i < count; i++) {
    writeFileSync(join(dir, `s${String(i).padStart(3, '0')}.json`), JSON.stringify({ ...school, organisation: { ...school.organisation, name: `云溪县第${i + 1}小学` } }));
  }
  return dir;
}

/** Runs the CLI and sends `signal` once the first input is reported written. */
function interrupted(args: string[], signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let sent = false;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk;
      if (!sent && stdout.includes('✓')) {
        sent = true;
        child.kill(signal);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    child.on('close', (code, sig) => done({ code, signal: sig, stdout, stderr }));
  });
}

describe.each([
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const)('%s during a batch', (signal, exitCode) => {
  it(`stops, keeps only whole files, reports written and not written, exits ${exitCode}`, async () => {
    const dir = inputs(40);
    const out = join(fresh(), 'out');
    const result = await interrupted(['draft', dir, '-o', out, '-f', 'docx,md'], signal);
    expect(result.signal).toBeNull(); // exited by itself, with the code, not killed
    expect(result.code).toBe(exitCode);
    expect(result.stderr).toContain(`interrupted (${signal})`);
    expect(result.stderr).not.toMatch(STACK_FRAME);
    const written = Number(/(\d+) written/.exec(result.stderr)![1]);
    const notWritten = Number(/(\d+) not written/.exec(result.stderr)![1]);
    expect(written + notWritten).toBe(40);
    expect(notWritten).toBeGreaterThan(0); // it did stop
    expect(result.stderr).toContain('s039.json'); // the last input is named as not written
    // Only whole drafts: both formats of each written input, no temporary file.
    const files = listDir(out);
    expect(files.filter((f) => f.startsWith('.'))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.docx')).length).toBe(written);
    expect(files.filter((f) => f.endsWith('.md')).length).toBe(written);
    for (const f of files.filter((f) => f.endsWith('.docx'))) expect(readFileSync(join(out, f)).subarray(0, 2).toString()).toBe('PK');
  });
});

describe.skipIf(!requireCommands('Ctrl-C in a terminal', 'script', 'pgrep'))('Ctrl-C in a terminal (the progress bar showing)', () => {
  it('stops the batch and exits 130, where the bar library used to swallow the signal', async () => {
    const dir = inputs(40);
    const out = join(fresh(), 'out');
    // `script` gives the CLI a terminal, so the progress bar runs; `exec` makes node the terminal's process.
    const command = `exec ${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} draft ${JSON.stringify(dir)} -o ${JSON.stringify(out)} -f docx,md`;
    const child = spawn('script', ['-qefc', command, '/dev/null'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let screen = '';
    const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
    await new Promise<void>((ready) =>
      child.stdout.on('data', (chunk: Buffer) => {
        screen += chunk;
        if (/\d+\/40/.test(screen)) ready(); // the bar is drawn
      }),
    );
    const node = spawnSync('pgrep', ['-P', String(child.pid)], { encoding: 'utf8' }).stdout.trim().split('\n')[0]!;
    process.kill(Number(node), 'SIGINT');
    expect(await exited).toBe(130);
    expect(screen).toContain('interrupted (SIGINT)');
    expect(listDir(out).filter((f) => f.startsWith('.'))).toEqual([]);
  });
});

describe('file names and the output directory', () => {
  it('a title of 100+ Chinese characters gives files within 255 bytes, where validate said valid', async () => {
    const dir = fresh();
    const name = `${'云溪县石桥镇中心小学附属幼儿园'.repeat(6)}甲`.slice(0, 100);
    const file = join(dir, 'long.json');
    writeFileSync(file, JSON.stringify({ ...school, organisation: { ...school.organisation, name } }));
    expect((await zongjie(['validate', file])).code).toBe(0);
    const out = join(dir, 'out');
    const result = await zongjie(['draft', file, '-o', out]);
    expect(result.stderr).not.toMatch(/ENAMETOOLONG|意外错误|unexpected/);
    expect(result.code).toBe(0);
    const files = listDir(out);
    expect(files).toHaveLength(3);
    for (const f of files) {
      expect(Buffer.byteLength(f)).toBeLessThanOrEqual(255);
      expect(f.startsWith('云溪县石桥镇中心小学')).toBe(true);
    }
  });

  it('temporary files a killed run left are removed by the next run in that directory; others are kept', async () => {
    const out = fresh();
    // A process that has ended: its pid names a stale temporary file.
    const gone = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
    const deadPid = Number(gone.stdout.trim());
    // The host part, as writeFileAtomic writes it, read from a file it leaves while running.
    const probe = await zongjie(['draft', join(EXAMPLES, 'school.json'), '-o', out, '-f', 'md']);
    expect(probe.code).toBe(0);
    const { createHash } = await import('node:crypto');
    const host = createHash('sha256').update((await import('node:os')).hostname()).digest('hex').slice(0, 4);
    const stale = `.报告.pdf.zongjie-${host}-${deadPid}-0a1b2c3d.tmp`;
    const live = `.报告.pdf.zongjie-${host}-${process.pid}-0a1b2c3d.tmp`;
    const legacy = '.报告.docx.0123456789ab.tmp';
    const foreign = '.someone-else.tmp';
    for (const f of [stale, live, legacy, foreign]) writeFileSync(join(out, f), 'half');
    const hourAgo = new Date(Date.now() - 2 * 3_600_000);
    (await import('node:fs')).utimesSync(join(out, legacy), hourAgo, hourAgo);
    const result = await zongjie(['draft', join(EXAMPLES, 'school.json'), '-o', out, '-f', 'md']);
    expect(result.code).toBe(0);
    const left = listDir(out).filter((f) => f.startsWith('.'));
    expect(left.sort()).toEqual([foreign, live].sort());
  });

  it('-t naming no directory says it does not exist and lists the built-in templates', async () => {
    const result = await zongjie(['draft', join(EXAMPLES, 'school.json'), '-o', fresh(), '-t', 'nosuch']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('does not exist');
    expect(result.stderr).toContain('school, bureau');
    expect(result.stderr).not.toContain('no report.hbs');
  });

  it('-o naming a file: "not a directory", exit 1, the file untouched', async () => {
    const dir = fresh();
    const file = join(dir, 'out.txt');
    writeFileSync(file, 'mine');
    const result = await zongjie(['draft', join(EXAMPLES, 'school.json'), '-o', file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('not a directory');
    expect(result.stderr).not.toMatch(/EEXIST|file already exists/);
    expect(readFileSync(file, 'utf8')).toBe('mine');
    expect(statSync(file).isFile()).toBe(true);
  });
});

describe('--timeout', () => {
  it('a draft over time fails alone, naming the limit; the rest are written', async () => {
    const dir = fresh();
    const template = join(dir, 'slow');
    (await import('node:fs')).mkdirSync(template);
    // Slow only for a long list: nested #each over problems.
    writeFileSync(join(template, 'report.hbs'), '@title {{org.name}}总结\n# 节\n{{#each problems}}{{#each @root.problems}}{{#each @root.problems}}{{/each}}{{/each}}{{/each}}{{org.name}}\n');
    const data = join(dir, 'data');
    (await import('node:fs')).mkdirSync(data);
    writeFileSync(join(data, 'a.json'), JSON.stringify({ ...school, organisation: { ...school.organisation, name: '甲校' } }));
    writeFileSync(join(data, 'b.json'), JSON.stringify({ ...school, organisation: { ...school.organisation, name: '乙校' }, problems: Array.from({ length: 2000 }, (_, i) => `问题${i}`) }));
    const out = join(dir, 'out');
    const result = await zongjie(['draft', data, '-o', out, '-t', template, '-f', 'md', '--timeout', '2']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('b.json');
    expect(result.stderr).toMatch(/longer than 2 s/);
    expect(readdirSync(out)).toEqual(['甲校总结.md']);
  });

  it('a timeout that is not a positive number is a usage error', async () => {
    const result = await zongjie(['draft', join(EXAMPLES, 'school.json'), '--timeout', 'soon']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('seconds');
  });
});
