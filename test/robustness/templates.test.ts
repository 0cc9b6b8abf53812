/**
 * Custom templates that go wrong fail with the template's file and line —
 * in a partial, inside blocks, at run time in a helper — and no template
 * reaches a prototype: Handlebars' runtime options stay at their strict
 * defaults and view objects inherit nothing a template could name.
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { composeReport, renderMarkdown, TemplateError } from '../../src/index.js';
import { loadTemplateDir } from '../../src/node/templates.js';
import { unescapeMarkdown } from '../support/same-text.js';
import { tempDir } from '../support/tools.js';

const stats = JSON.parse(readFileSync(new URL('../../examples/bureau.json', import.meta.url), 'utf8'));
const HEAD = '@title 测试\n# 节\n';

function failure(files: Record<string, string>, data: unknown = stats): TemplateError {
  try {
    composeReport(data, { template: { name: 'mine', files } });
  } catch (error) {
    expect(error).toBeInstanceOf(TemplateError);
    return error as TemplateError;
  }
  throw new Error('the template did not fail');
}

describe('a custom template that fails names its file and line', () => {
  it.each([
    ['a missing field in a partial', { 'report.hbs': `${HEAD}{{> p}}\n`, 'partials/p.hbs': 'a\n{{org.nmae}}' }, 'partials/p.hbs', 2, 3, /unknown field "org\.nmae".*did you mean "org\.name"/],
    ['a missing field inside #each', { 'report.hbs': `${HEAD}{{#each aid.stages}}\n{{lable}}\n{{/each}}\n` }, 'report.hbs', 4, 3, /unknown field "lable"; did you mean "label"/],
    ['a missing field in an inline partial', { 'report.hbs': `${HEAD}{{#*inline "q"}}{{org.nmae}}{{/inline}}\n{{> q}}\n` }, 'report.hbs', 3, 19, /"org\.nmae"/],
    ['a misspelt field in a nested path', { 'report.hbs': `${HEAD}\n  {{amount aid.grnts.fen}}\n` }, 'report.hbs', 4, 12, /unknown field "aid\.grnts\.fen": no "grnts".*did you mean "aid\.grants"/],
    ['a partial that does not exist', { 'report.hbs': `${HEAD}\n{{> nope}}\n` }, 'report.hbs', 4, 1, /no partial named "nope"/],
    ['a partial calling one that does not exist', { 'report.hbs': `${HEAD}{{> p}}\n`, 'partials/p.hbs': '\n{{> q}}' }, 'partials/p.hbs', 2, 1, /no partial named "q"/],
    ['an unknown helper', { 'report.hbs': `${HEAD}\n{{shout org.name}}\n` }, 'report.hbs', 4, 1, /unknown helper "shout".*helpers: amount/],
    ['a misspelt helper', { 'report.hbs': `${HEAD}\n{{ammount aid.total.amount}}\n` }, 'report.hbs', 4, 1, /unknown helper "ammount"; did you mean "amount"/],
    ['an unknown block helper', { 'report.hbs': `${HEAD}{{#shout}}x{{/shout}}\n` }, 'report.hbs', 3, 4, /unknown helper "shout"/],
    ['a helper failing at run time', { 'report.hbs': `${HEAD}\n\n{{amount org.name}}\n` }, 'report.hbs', 5, 1, /amount: .*finite amount.*"云溪县教育局"/],
    ['a helper failing at run time in a partial', { 'report.hbs': `${HEAD}{{> p}}\n`, 'partials/p.hbs': '\n\n{{count -1 "人"}}' }, 'partials/p.hbs', 3, 1, /count: .*non-negative/],
    ['a count without its unit', { 'report.hbs': `${HEAD}{{count enrolment.students}}\n` }, 'report.hbs', 3, 1, /count: needs a unit, as in \{\{count x "人"\}\}/],
    ['a syntax error', { 'report.hbs': `${HEAD}{{#if year}\n` }, 'report.hbs', 3, 11, /syntax error/],
    ['an unclosed block, at the line that opens it', { 'report.hbs': `${HEAD}x\n  {{#if year}}\n{{#each aid.stages}}{{/each}}\n` }, 'report.hbs', 4, 3, /\{\{#if\}\} is never closed: add \{\{\/if\}\}/],
  ] as const)('%s', (_, files, file, line, column, reason) => {
    const error = failure(files);
    expect(error).toMatchObject({ template: 'mine', file, line, column });
    expect(error.reason).toMatch(reason);
    expect(error.message).toContain(`mine/${file}:${line}:${column}`);
    expect(error.message).not.toMatch(/[\uE000\uE001]|Cannot read properties|knownHelpersOnly|Parse error on line \d+:$/);
  });

  it('names the field that is empty for these stats, and how to guard it', () => {
    const { pairing: _, ...noPairing } = stats;
    const error = failure({ 'report.hbs': `${HEAD}{{count pairing.teachers "名"}}\n` }, noPairing);
    expect(error).toMatchObject({ file: 'report.hbs', line: 3, detail: { field: 'pairing.teachers' } });
    expect(error.reason).toMatch(/"pairing" is empty.*\{\{#if pairing\}\}/);
  });

  it('gives the field or helper and the suggestion as data', () => {
    expect(failure({ 'report.hbs': `${HEAD}{{org.nmae}}\n` }).detail).toEqual({ field: 'org.nmae', suggestion: 'org.name' });
    expect(failure({ 'report.hbs': `${HEAD}{{ammount 1}}\n` }).detail).toEqual({ helper: 'ammount', suggestion: 'amount' });
  });
});

describe('private-use vault markers never leak', () => {
  it.each([
    ['{{list org.name}}', /list: expects a list/],
    ['{{lookup org.name 0}}', /lookup: .*not a character of a text/],
    ['{{org.name.[0]}}', /./],
    ['{{org.name.length}}', /./],
  ])('%s is an error, and neither the document nor the message carries a marker', (probe, reason) => {
    let md = '';
    try {
      md = renderMarkdown(composeReport(stats, { template: { name: 'mine', files: { 'report.hbs': `${HEAD}[${probe}]\n` } } }).report);
    } catch (error) {
      expect(error).toBeInstanceOf(TemplateError);
      expect((error as Error).message).toMatch(reason);
      expect((error as Error).message).not.toMatch(/[\uE000\uE001]/);
      return;
    }
    expect(md).not.toMatch(/[\uE000\uE001]/);
  });

  it('{{list supportTeaching.names}} still joins a real list', () => {
    const md = renderMarkdown(
      composeReport({ ...stats, supportTeaching: { teachers: 2, names: ['甲', '乙'] } }, { template: { name: 'mine', files: { 'report.hbs': `${HEAD}{{list supportTeaching.names}}\n` } } }).report,
    );
    expect(md).toContain('甲、乙');
  });
});

describe('a custom template that fails names its file and line (more)', () => {
  it('an unknown @directive in the output is a template error too, naming the rendered line', () => {
    const error = failure({ 'report.hbs': `${HEAD}@foo bar\n` });
    expect(error.file).toBe('report.hbs');
    expect(error.reason).toMatch(/unknown directive @foo \(line 3 of the rendered template\)/);
  });
});

describe('templates cannot reach prototypes', () => {
  afterEach(() => vi.restoreAllMocks());

  const probes = [
    '{{constructor}}',
    '{{__proto__}}',
    '{{toString}}',
    '{{hasOwnProperty}}',
    '{{__defineGetter__}}',
    '{{valueOf}}',
    '{{org.constructor}}',
    '{{org.constructor.name}}',
    '{{org.toString}}',
    '{{org.__proto__.constructor}}',
    '{{lookup this "constructor"}}',
    '{{lookup org "__proto__"}}',
    '{{lookup (lookup this "__proto__") "constructor"}}',
    '{{#with __proto__}}{{constructor}}{{/with}}',
    '{{#with constructor}}{{name}}{{/with}}',
    '{{#each __proto__}}{{@key}}{{/each}}',
    '{{#each constructor}}{{@key}}{{/each}}',
    '{{aid.stages.constructor}}',
    '{{opening.constructor}}',
    '{{org.name.constructor}}',
    '{{year.constructor}}',
    '{{#each aid.stages}}{{constructor}}{{/each}}',
    '{{tables.constructor}}',
    '{{terms.constructor}}',
  ];

  it.each(probes)('%s fails as an unknown field or prints nothing of a prototype', (probe) => {
    // Handlebars logs a denied prototype property (arrays keep theirs); keep the test output quiet.
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.spyOn(console, 'error').mockImplementation(() => {});
    let md: string;
    try {
      md = unescapeMarkdown(renderMarkdown(composeReport(stats, { template: { name: 'mine', files: { 'report.hbs': `${HEAD}[${probe}]\n` } } }).report));
    } catch (e) {
      expect(e).toBeInstanceOf(TemplateError);
      return;
    }
    // Nothing of Object, Function or a prototype came out.
    expect(md).toContain('[]');
    expect(md).not.toMatch(/function|native code|\[object|Object|constructor/);
  });

  it('reports the common probes as unknown fields, with their line', () => {
    for (const probe of ['{{constructor}}', '{{__proto__}}', '{{toString}}', '{{org.toString}}', '{{hasOwnProperty}}']) {
      const error = failure({ 'report.hbs': `${HEAD}\n${probe}\n` });
      expect(error, probe).toMatchObject({ file: 'report.hbs', line: 4 });
      expect(error.reason).toMatch(/unknown field/);
    }
  });
});

describe('template directories', () => {
  const { dir: tmp, remove } = tempDir('zongjie-tpl-');
  afterAll(remove);

  it('a directory that does not exist is said so, with the built-in names', async () => {
    const error = await loadTemplateDir(join(tmp, 'nosuch')).catch((e: Error) => e);
    expect(String(error)).toMatch(/does not exist/);
    expect(String(error)).toContain('school, bureau');
    expect(String(error)).not.toMatch(/no report\.hbs/);
  });

  it('refuses a partial that is a symbolic link out of the template directory', async () => {
    const template = join(tmp, 'linked');
    mkdirSync(join(template, 'partials'), { recursive: true });
    writeFileSync(join(template, 'report.hbs'), '@title x\n# 节\n{{> secret}}\n');
    writeFileSync(join(tmp, 'outside.txt'), 'a file the template author must not read');
    symlinkSync(join(tmp, 'outside.txt'), join(template, 'partials', 'secret.hbs'));
    await expect(loadTemplateDir(template)).rejects.toThrow(/outside the template directory/);
    // A link that stays inside the directory is fine.
    const inside = join(tmp, 'inside');
    mkdirSync(join(inside, 'partials'), { recursive: true });
    writeFileSync(join(inside, 'report.hbs'), '@title x\n# 节\n{{> a}}\n');
    writeFileSync(join(inside, 'common.hbs'), '正文');
    symlinkSync(join(inside, 'common.hbs'), join(inside, 'partials', 'a.hbs'));
    expect((await loadTemplateDir(inside)).files['partials/a.hbs']).toBe('正文');
  });

  it('refuses a report.hbs that links outside', async () => {
    const template = join(tmp, 'linked-report');
    mkdirSync(template);
    writeFileSync(join(tmp, 'elsewhere.hbs'), '@title x\n');
    symlinkSync(join(tmp, 'elsewhere.hbs'), join(template, 'report.hbs'));
    await expect(loadTemplateDir(template)).rejects.toThrow(/outside the template directory/);
  });
});
