/**
 * SLOW (a minute or more, needs the npm registry): the package as a user
 * gets it. `npm pack`, install the tarball into an empty project (no font
 * packages: they are devDependencies), then use it from ESM (`import`), CJS
 * (`require`) and `npx zongjie`, and draft a PDF after `npx zongjie fonts`.
 * Set ZONGJIE_SKIP_PACK=1 to skip it locally.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfFonts, pdfRawText } from '../support/pdf-tools.js';
import { requireCommands, tempDir } from '../support/tools.js';
import { ensureBuilt, EXAMPLES, ROOT, run, zongjie } from './support.js';

const skip = Boolean(process.env.ZONGJIE_SKIP_PACK);
if (skip) console.warn('⚠ SKIPPING package test (npm pack + install): ZONGJIE_SKIP_PACK is set');

const { dir, remove } = tempDir('zongjie-pack-');
const project = join(dir, 'project');
const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string;
let packed: { filename: string; files: { path: string }[] };

/** Reads a stats file, composes it and renders Markdown and DOCX; prints what came out as JSON. */
const CHECK = `
  const { report, warnings } = composeReport(JSON.parse(readFileSync(process.argv[2], 'utf8')));
  const md = renderMarkdown(report);
  const docx = await renderDocx(report);
  console.log(JSON.stringify({ title: report.title, warnings: warnings.length, md: md.split('\\n')[0], docx: Buffer.from(docx.subarray(0, 2)).toString(), draft: typeof node.draftReport, schema: schema.properties.year.type }));
`;

describe.skipIf(skip)('the packed package (slow: npm pack + npm install)', () => {
  beforeAll(async () => {
    await ensureBuilt();
    // --ignore-scripts: `prepare` would rebuild dist/ under the other test files running now.
    const pack = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { timeout: 120_000 });
    expect(pack.code, pack.stderr).toBe(0);
    packed = JSON.parse(pack.stdout)[0];

    writeFileSync(join(dir, 'package.json'), '{}'); // keeps npm from looking above the temp dir
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'uses-zongjie', version: '1.0.0', private: true }));
    const install = await run('npm', ['i', '--no-audit', '--no-fund', '--omit=optional', '--prefer-offline', join(dir, packed.filename)], {
      cwd: project,
      timeout: 480_000,
    });
    expect(install.code, `npm install failed:\n${install.stderr}`).toBe(0);
  }, 600_000);
  afterAll(remove);

  it('holds dist (ESM, CJS, types, CLI, JSON Schema) and the templates, not the sources or tests', () => {
    const files = packed.files.map((f) => f.path);
    for (const file of ['package.json', 'dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts', 'dist/node.js', 'dist/node.cjs', 'dist/node.d.ts', 'dist/cli.js', 'dist/stats.schema.json']) {
      expect(files).toContain(file);
    }
    expect(files.some((f) => f.startsWith('templates/'))).toBe(true);
    expect(files.filter((f) => /^(src|test|scripts|\.ci)\//.test(f) || /^examples\/out\//.test(f))).toEqual([]);
  });

  it('holds every file the README links to or names (docs, page images, the example stats)', () => {
    const files = new Set(packed.files.map((f) => f.path));
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const linked = [...readme.matchAll(/\]\((?!https?:|#)([^)\s#]+)(?:#[^)\s]*)?\)/g)].map((m) => m[1]!);
    const named = [...readme.matchAll(/`(examples\/[\w.-]+\.json)`/g)].map((m) => m[1]!);
    expect(linked.length).toBeGreaterThan(5);
    for (const path of [...linked, ...named]) expect(files.has(path), path).toBe(true);
  });

  it('installs without the font packages (devDependencies: zongjie fonts fetches the four files used)', () => {
    const installed = readdirSync(join(project, 'node_modules'));
    expect(installed).toContain('zongjie');
    expect(installed).not.toContain('@fontsource');
    expect(installed).not.toContain('@expo-google-fonts');
  });

  describe('PDF on a machine without fonts', () => {
    // No system font (fontconfig lists none) and an empty font cache of the project's own.
    const env = { FONTCONFIG_FILE: join(ROOT, 'test', 'fixtures', 'fontconfig', 'no-fonts.conf'), ZONGJIE_FONT_CACHE: join(dir, 'font-cache') };
    const HINT = /运行一次 npx zongjie fonts 下载默认字体[\s\S]*run `npx zongjie fonts` once to fetch the default fonts/;

    it('draft -f pdf, serve and the example say, once, to run npx zongjie fonts; nothing is written', async () => {
      const draft = await run('npx', ['--no-install', 'zongjie', 'draft', join(EXAMPLES, 'bureau.json'), join(EXAMPLES, 'school.json'), '-f', 'pdf', '-o', 'no-fonts'], { cwd: project, env });
      expect(draft.code).toBe(1);
      expect(draft.stderr).toMatch(HINT);
      expect(draft.stderr.match(/npx zongjie fonts 下载/g)).toHaveLength(1);
      expect(readdirSync(join(project, 'no-fonts'))).toEqual([]);
      const serve = await run('npx', ['--no-install', 'zongjie', 'serve', '--port', '0'], { cwd: project, env, timeout: 60_000 });
      expect(serve.code).toBe(1);
      expect(serve.stderr).toMatch(HINT);
      const example = await run(process.execPath, [join(project, 'node_modules', 'zongjie', 'examples', 'draft.mjs')], { cwd: project, env });
      expect(example.code).toBe(1);
      expect(example.stderr).toMatch(HINT);
      expect(example.all).not.toMatch(/^\s+at /m);
    });

    it.skipIf(!requireCommands('fetched fonts in the packed package', 'pdffonts', 'pdftotext'))(
      'after npx zongjie fonts the PDF draws with the fetched fonts, the same as a clone with the packages',
      async () => {
        const fetch = await run('npx', ['--no-install', 'zongjie', 'fonts'], { cwd: project, env, timeout: 600_000 });
        expect(fetch.code, fetch.all).toBe(0);
        const check = await run('npx', ['--no-install', 'zongjie', 'fonts', '--check'], { cwd: project, env });
        expect(check.code).toBe(0);
        expect(check.stdout.match(/缓存 \/ cache: .*\(完好 \/ intact\)  ← 使用 \/ used/g)).toHaveLength(4);

        const draft = await run('npx', ['--no-install', 'zongjie', 'draft', join(EXAMPLES, 'bureau.json'), '-f', 'pdf', '-o', 'fetched'], { cwd: project, env });
        expect(draft.code, draft.all).toBe(0);
        const inClone = await zongjie(['draft', join(EXAMPLES, 'bureau.json'), '-f', 'pdf', '-o', join(dir, 'clone')], { env: { FONTCONFIG_FILE: env.FONTCONFIG_FILE } });
        expect(inClone.code, inClone.all).toBe(0);
        const name = '云溪县教育局2025年教育帮扶工作总结.pdf';
        const [fetched, clone] = [join(project, 'fetched', name), join(dir, 'clone', name)].map((path) => new Uint8Array(readFileSync(path)));
        expect(pdfFonts(fetched!).map((f) => f.name.replace(/^[A-Z]{6}\+/, ''))).toEqual(expect.arrayContaining(['NotoSerifSC-Regular', 'NotoSerifSC-Bold', 'NotoSansSC-Medium', 'LXGWWenKai-Regular']));
        expect(pdfFonts(fetched!)).toEqual(pdfFonts(clone!));
        expect(pdfRawText(fetched!)).toBe(pdfRawText(clone!));
      },
      600_000,
    );
  });

  it('works from ESM (import)', async () => {
    writeFileSync(
      join(project, 'check.mjs'),
      `import { readFileSync } from 'node:fs';
       import { composeReport, renderMarkdown, renderDocx } from 'zongjie';
       import * as node from 'zongjie/node';
       import schema from 'zongjie/schema.json' with { type: 'json' };
       ${CHECK}`,
    );
    const result = await run(process.execPath, ['check.mjs', join(EXAMPLES, 'bureau.json')], { cwd: project });
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      title: '云溪县教育局2025年教育帮扶工作总结',
      warnings: 0,
      md: '# 云溪县教育局2025年教育帮扶工作总结',
      docx: 'PK',
      draft: 'function',
      schema: 'integer',
    });
  });

  it('works from CJS (require)', async () => {
    writeFileSync(
      join(project, 'check.cjs'),
      `const { readFileSync } = require('node:fs');
       const { composeReport, renderMarkdown, renderDocx } = require('zongjie');
       const node = require('zongjie/node');
       const schema = require('zongjie/schema.json');
       (async () => { ${CHECK} })().catch((e) => { console.error(e); process.exit(1); });`,
    );
    const result = await run(process.execPath, ['check.cjs', join(EXAMPLES, 'school.json')], { cwd: project });
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ title: '云溪县石桥镇中心小学2025年学生资助工作总结', docx: 'PK', draft: 'function', schema: 'integer' });
  });

  it('npx zongjie: --version, and draft writes the files', async () => {
    const v = await run('npx', ['--no-install', 'zongjie', '--version'], { cwd: project });
    expect(v.stdout.trim()).toBe(version);
    const draft = await run('npx', ['--no-install', 'zongjie', 'draft', join(EXAMPLES, 'bureau.json'), '-o', 'out', '-f', 'docx,md'], { cwd: project });
    expect(draft.code, draft.stderr).toBe(0);
    expect(readdirSync(join(project, 'out')).sort()).toEqual(['云溪县教育局2025年教育帮扶工作总结.docx', '云溪县教育局2025年教育帮扶工作总结.md']);
  });

  it('zongjie init in the project points $schema at the installed schema, which exists', async () => {
    expect((await run('npx', ['--no-install', 'zongjie', 'init'], { cwd: project })).code).toBe(0);
    const stats = JSON.parse(readFileSync(join(project, 'stats.json'), 'utf8'));
    expect(stats.$schema).toBe('./node_modules/zongjie/dist/stats.schema.json');
    expect(JSON.parse(readFileSync(join(project, stats.$schema), 'utf8')).properties.year).toBeDefined();
  });
});
