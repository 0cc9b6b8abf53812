/**
 * Custom templates that go wrong fail with the template's file and line —
 * in a partial, inside blocks, at run time in a helper — and no template
 * reaches a prototype: Handlebars' runtime options stay at their strict
 * defaults and view objects inherit nothing a template could name.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { composeReport, renderMarkdown, TemplateError } from '../../src/index.js';
import { unescapeMarkdown } from '../support/same-text.js';

const stats = JSON.parse(readFileSync(new URL('../../examples/bureau.json', import.meta.url), 'utf8'));
const HEAD = '@title 测试\n# 节\n';

function failure(files: Record<string, string>): TemplateError {
  try {
    composeReport(stats, { template: { name: 'mine', files } });
  } catch (error) {
    expect(error).toBeInstanceOf(TemplateError);
    return error as TemplateError;
  }
  throw new Error('the template did not fail');
}

describe('a custom template that fails names its file and line', () => {
  it.each([
    ['a missing field in a partial', { 'report.hbs': `${HEAD}{{> p}}\n`, 'partials/p.hbs': 'a\n{{org.nmae}}' }, 'partials/p.hbs', 2, /"nmae" not defined/],
    ['a missing field inside #each', { 'report.hbs': `${HEAD}{{#each aid.stages}}\n{{lable}}\n{{/each}}\n` }, 'report.hbs', 4, /"lable" not defined/],
    ['a missing field in an inline partial', { 'report.hbs': `${HEAD}{{#*inline "q"}}{{org.nmae}}{{/inline}}\n{{> q}}\n` }, 'report.hbs', 3, /"nmae"/],
    ['a partial that does not exist', { 'report.hbs': `${HEAD}\n{{> nope}}\n` }, 'report.hbs', 4, /no partial named "nope"/],
    ['a partial calling one that does not exist', { 'report.hbs': `${HEAD}{{> p}}\n`, 'partials/p.hbs': '\n{{> q}}' }, 'partials/p.hbs', 2, /no partial named "q"/],
    ['an unknown helper', { 'report.hbs': `${HEAD}\n{{shout org.name}}\n` }, 'report.hbs', 4, /shout/],
    ['an unknown block helper', { 'report.hbs': `${HEAD}{{#shout}}x{{/shout}}\n` }, 'report.hbs', 3, /shout/],
    ['a helper failing at run time', { 'report.hbs': `${HEAD}\n\n{{amount org.name}}\n` }, 'report.hbs', 5, /amount: .*finite amount/],
    ['a helper failing at run time in a partial', { 'report.hbs': `${HEAD}{{> p}}\n`, 'partials/p.hbs': '\n\n{{count -1 "人"}}' }, 'partials/p.hbs', 3, /count: .*non-negative/],
    ['a syntax error', { 'report.hbs': `${HEAD}{{#if year}\n` }, 'report.hbs', 3, /Parse error/],
    ['an unclosed block', { 'report.hbs': `${HEAD}{{#if year}}\n` }, 'report.hbs', 4, /Parse error/],
  ] as const)('%s', (_, files, file, line, reason) => {
    const error = failure(files);
    expect(error).toMatchObject({ template: 'mine', file, line });
    expect(error.reason).toMatch(reason);
    expect(error.message).toContain(`mine/${file}:${line}`);
  });

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
      expect(error.reason).toMatch(/not defined/);
    }
  });
});
