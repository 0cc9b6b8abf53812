/**
 * The README says the core runs in a browser: here it does. The core is
 * bundled as a page would bundle it, served from 127.0.0.1, and headless
 * Chromium (Debian's) drafts the school example to Markdown and DOCX in the
 * page. The DOCX that comes back is read like any other; the page never
 * fetched the PDF engine.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../cli/support.js';
import { readDocx } from '../support/docx-text.js';
import { hasCommand, requireCommands } from '../support/tools.js';
import { bundleCore } from '../support/bundle.js';

const CHROMIUM = '/usr/bin/chromium';
const present = hasCommand(CHROMIUM) || requireCommands('core in Chromium', 'chromium');
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

const ENTRY = `
import { composeReport, renderMarkdown, renderDocx } from 'zongjie';
const stats = await (await fetch('/school.json')).json();
const { report, warnings } = composeReport(stats);
const docx = await renderDocx(report);
let binary = '';
for (const byte of docx) binary += String.fromCharCode(byte);
window.result = { title: report.title, warnings: warnings.length, md: renderMarkdown(report), docx: btoa(binary) };
`;

describe.skipIf(!present)('the core in headless Chromium', () => {
  let server: Server;
  let browser: Browser;
  let origin: string;
  const requested: string[] = [];

  beforeAll(async () => {
    await ensureBuilt();
    const { files, entry } = await bundleCore(ENTRY, false);
    const school = readFileSync(new URL('../../examples/school.json', import.meta.url));
    const entryName = entry.replace(/^.*\//, '');
    server = createServer((req, res) => {
      const path = (req.url ?? '/').slice(1);
      requested.push(path);
      const body = path === '' ? `<!doctype html><meta charset="utf-8"><script type="module" src="/${entryName}"></script>` : path === 'school.json' ? school : files.get(path);
      if (body === undefined) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': path === '' ? 'text/html' : path.endsWith('.js') ? 'text/javascript' : 'application/json' }).end(body);
    });
    await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((done) => server?.close(done));
  });

  it('composes the school example and renders Markdown and a DOCX in the page', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(origin);
    await page.waitForFunction(() => (window as unknown as { result?: unknown }).result !== undefined || document.title === 'error', undefined, { timeout: 60_000 });
    expect(errors).toEqual([]);
    const result = (await page.evaluate(() => (window as unknown as { result: unknown }).result)) as { title: string; warnings: number; md: string; docx: string };
    expect(result.title).toBe('云溪县石桥镇中心小学2025年学生资助工作总结');
    expect(result.md.split('\n')[0]).toBe(`# ${result.title}`);
    const docx = readDocx(Buffer.from(result.docx, 'base64'));
    expect(docx.paragraphs[0]!.replace(/\n/g, '')).toBe(result.title); // a long title breaks where the layout says
    expect(docx.paragraphs.join('')).toContain('云溪县石桥镇中心小学');
    expect(docx.paragraphs.length).toBeGreaterThan(20);
    // The PDF engine was never fetched.
    expect(requested.filter((path) => /pdfmake|browser-module/.test(path))).toEqual([]);
  });
});
