import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { composeReport } from '../../src/index.js';
import { ensureBuilt, freshDirs, STACK_FRAME, zongjie } from './support.js';

beforeAll(ensureBuilt);

const { fresh } = freshDirs('zongjie-init-');

const read = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

describe('zongjie init', () => {
  it('writes stats.json: a school starter pointing at the installed schema, this year', async () => {
    const dir = fresh();
    const result = await zongjie(['init'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('✓ 已创建 / created stats.json');
    expect(result.stdout).toContain('zongjie draft stats.json');
    const stats = read(join(dir, 'stats.json'));
    expect(stats.$schema).toBe('./node_modules/zongjie/dist/stats.schema.json');
    expect(stats.organisation.kind).toBe('school');
    expect(stats.year).toBe(new Date().getFullYear());
  });

  // The starter's 某某 names are blanks to fill in, and proofreading says so, field by field: nothing else warns.
  const blanks = {
    school: ['organisation.name', 'organisation.parent'],
    bureau: ['organisation.name', 'organisation.parent', 'projects[0].school', 'projects[1].school'],
  };

  it.each(['school', 'bureau'] as const)('the %s starter validates and drafts, warning only of the 某某 blanks to fill in', async (kind) => {
    const dir = fresh();
    expect((await zongjie(['init', '--kind', kind, '--year', '2025', 'data.json'], { cwd: dir })).code).toBe(0);
    const stats = read(join(dir, 'data.json'));
    expect(stats.organisation.kind).toBe(kind);
    expect(stats.year).toBe(2025);
    const { warnings } = composeReport(stats);
    expect(warnings.map((w) => `${w.code} ${w.where}`)).toEqual(blanks[kind].map((where) => `placeholder_left ${where}`));

    const validate = await zongjie(['validate', 'data.json'], { cwd: dir });
    expect(validate.code).toBe(0);
    expect(validate.stdout).toBe('✓ data.json: 有效 / valid\n');
    for (const w of warnings) expect(validate.stderr).toContain(w.message.zh);

    // Filled in, the starter drafts without a word of warning.
    const filled = JSON.parse(JSON.stringify(stats).replaceAll('某某', '石桥'));
    expect(composeReport(filled).warnings).toEqual([]);
    writeFileSync(join(dir, 'data.json'), JSON.stringify(filled));
    const draft = await zongjie(['draft', 'data.json', '-o', 'out'], { cwd: dir });
    expect(draft.code).toBe(0);
    expect(draft.stderr).toBe('');
    const title = composeReport(filled).report.title;
    expect(readdirSync(join(dir, 'out')).sort()).toEqual([`${title}.docx`, `${title}.md`, `${title}.pdf`]);
  });

  it('refuses to overwrite a file: exit 1, the file unchanged; --force overwrites', async () => {
    const dir = fresh();
    const path = join(dir, 'stats.json');
    writeFileSync(path, '{ "mine": true }\n');

    const refused = await zongjie(['init'], { cwd: dir });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('✗ 文件已存在，未覆盖 / file exists, not overwritten: stats.json');
    expect(refused.stderr).toContain('--force');
    expect(refused.stderr).not.toMatch(STACK_FRAME);
    expect(readFileSync(path, 'utf8')).toBe('{ "mine": true }\n');

    const forced = await zongjie(['init', '--force', '--kind', 'bureau'], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(read(path).organisation.kind).toBe('bureau');
    expect(readdirSync(dir)).toEqual(['stats.json']); // no temporary file left beside it
  });

  it('points $schema at the nearest installed package, relative to the file', async () => {
    const dir = fresh();
    mkdirSync(join(dir, 'node_modules/zongjie/dist'), { recursive: true });
    writeFileSync(join(dir, 'node_modules/zongjie/dist/stats.schema.json'), '{}');
    mkdirSync(join(dir, 'data/2025'), { recursive: true });
    expect((await zongjie(['init', 'data/2025/stats.json'], { cwd: dir })).code).toBe(0);
    expect(read(join(dir, 'data/2025/stats.json')).$schema).toBe('../../node_modules/zongjie/dist/stats.schema.json');
  });

  it('a directory as the file: exit 1, a message', async () => {
    const dir = fresh();
    mkdirSync(join(dir, 'stats.json'));
    const result = await zongjie(['init'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('is a directory');
  });
});
