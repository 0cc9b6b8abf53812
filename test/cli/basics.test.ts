import { describeError } from '../../src/cli/errors.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statsJsonSchema } from '../../src/index.js';
import { tempDir } from '../support/tools.js';
import { ensureBuilt, ROOT, STACK_FRAME, zongjie } from './support.js';

beforeAll(ensureBuilt);

const { dir, remove } = tempDir('zongjie-cli-');
afterAll(remove);

describe('zongjie --version and --help', () => {
  it('prints the version from package.json', async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    for (const flag of ['--version', '-v']) {
      const result = await zongjie([flag]);
      expect(result.code).toBe(0);
      expect(result.stdout.trim()).toBe(version);
    }
  });

  it.each([
    [['--help'], 'Usage: zongjie [options] [command]'],
    [['draft', '--help'], 'Usage: zongjie draft [options] <inputs...>'],
    [['validate', '--help'], 'Usage: zongjie validate [options] <inputs...>'],
    [['init', '--help'], 'Usage: zongjie init [options] [file]'],
    [['schema', '--help'], 'Usage: zongjie schema [options]'],
    [['help', 'draft'], 'Usage: zongjie draft [options] <inputs...>'],
  ])('%j prints help in Chinese and English and exits 0', async (args, usage) => {
    const result = await zongjie(args);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(usage);
    expect(result.stdout).toMatch(/[\u4e00-\u9fff]/);
    expect(result.stdout).toContain('show help');
  });

  it('draft --help documents the default output directory and the font roles', async () => {
    const { stdout } = await zongjie(['draft', '--help']);
    expect(stdout).toContain('default: the current directory');
    expect(stdout).toContain('pageNumber');
  });
});

describe('zongjie schema', () => {
  it('prints the JSON Schema the build ships as dist/stats.schema.json', async () => {
    const result = await zongjie(['schema']);
    expect(result.code).toBe(0);
    const schema = JSON.parse(result.stdout);
    expect(schema.properties.year).toMatchObject({ type: 'integer' });
    expect(schema.properties.organisation.properties.name.description).toMatch(/单位名称/);
    expect(schema).toEqual(statsJsonSchema());
    expect(JSON.parse(readFileSync(join(ROOT, 'dist', 'stats.schema.json'), 'utf8'))).toEqual(schema);
  });
});

describe('usage errors exit 2 with a one-line hint', () => {
  it.each([
    [['frobnicate'], 'zongjie --help', "unknown command 'frobnicate'"],
    [['draft'], 'zongjie draft --help', "missing required argument 'inputs'"],
    [['draft', 'x.json', '--colour'], 'zongjie draft --help', "unknown option '--colour'"],
    [['draft', 'x.json', '-f', 'docx,xls'], 'zongjie draft --help', 'a format is one of docx, pdf, md'],
    [['draft', 'x.json', '-f'], 'zongjie draft --help', "argument missing"],
    [['draft', 'x.json', '--font', 'serif=a.ttf'], 'zongjie draft --help', 'a role is one of title, body'],
    [['draft', 'x.json', '--font', 'a.ttf'], 'zongjie draft --help', 'write role=file'],
    [['validate'], 'zongjie validate --help', "missing required argument 'inputs'"],
    [['init', '--kind', 'city'], 'zongjie init --help', 'Allowed choices are school, bureau'],
    [['init', '--year', '25'], 'zongjie init --help', 'a year from 2000 to 2100'],
    [['schema', 'extra'], 'zongjie schema --help', 'too many arguments'],
  ])('%j', async (args, help, reason) => {
    const result = await zongjie(args, { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trim().split('\n');
    expect(lines[0]).toMatch(/^✗ 用法错误 \/ usage error: /);
    expect(result.stderr).toContain(reason);
    expect(lines.at(-1)).toBe(`  运行 ${help} 查看用法 / run ${help} for usage`);
    expect(result.stderr).not.toMatch(STACK_FRAME);
  });

  it('no command at all prints the help on stderr and exits 2', async () => {
    const result = await zongjie([]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Usage: zongjie');
  });
});

describe('errors', () => {
  const notAFont = join(dir, 'not-a-font.ttf');
  writeFileSync(notAFont, 'this is not a font');
  const args = ['draft', join(ROOT, 'examples/school.json'), '-o', dir, '-f', 'pdf', '--font', `body=${notAFont}`];

  it('a file that is not a font is reported with its role and path, without a stack trace', async () => {
    const result = await zongjie(args);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('unusable font: fonts.body');
    expect(result.stderr).toContain('not-a-font.ttf');
    expect(result.stderr).not.toMatch(STACK_FRAME);
  });

  it('an unexpected error is one line and the ZONGJIE_DEBUG hint; the stack with ZONGJIE_DEBUG', () => {
    const boom = new Error('boom\nsecond line');
    expect(describeError(boom, false)).toEqual(['意外错误 / unexpected error: boom', '设置 ZONGJIE_DEBUG=1 可查看详情 / set ZONGJIE_DEBUG=1 for details']);
    expect(describeError(boom, true)[0]).toMatch(STACK_FRAME);
  });
});
