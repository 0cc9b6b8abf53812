/**
 * The HTTP API as another system uses it: real requests to a running server,
 * the drafted files opened and read back.
 */
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/index.js';
import { readDocx } from '../support/docx-text.js';
import { pdfText, requireCommands } from '../support/tools.js';
import { dispositionName, example, exampleText, postJson, schoolWithWarning, send, startTestServer } from './support.js';

let server: RunningServer;
let url: string;
beforeAll(async () => {
  server = await startTestServer();
  url = server.url;
});
afterAll(() => server?.close());

const SCHOOL_TITLE = '云溪县石桥镇中心小学2025年学生资助工作总结';

describe('GET', () => {
  it('/healthz answers ok with the queue', async () => {
    const answer = await send(`${url}healthz`);
    expect(answer.status).toBe(200);
    expect(answer.json()).toMatchObject({ status: 'ok', pending: 0 });
    expect(answer.headers['cache-control']).toBe('no-store');
  });

  it('/api/schema is the JSON Schema of stats.json, with its Chinese descriptions', async () => {
    const answer = await send(`${url}api/schema`);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^application\/schema\+json/);
    const schema = answer.json();
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.properties.year.description).toBe('报告年度，如 2025');
  });

  it('/api/capabilities says JSON only, and the workbook and bureau routes are not there', async () => {
    expect((await send(`${url}api/capabilities`)).json()).toMatchObject({ inputs: ['json'], blankWorkbook: false, bureau: false, formats: ['docx', 'pdf', 'md', 'zip'] });
    expect((await send(`${url}api/workbook?kind=school`)).status).toBe(404);
    expect((await postJson(`${url}api/aggregate`, {})).status).toBe(404);
  });

  it('the page and its script and style are served with a strict policy: no inline script, nothing from elsewhere', async () => {
    const page = await send(url);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    const html = page.body.toString('utf8');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // every script is a file
    expect(html).not.toMatch(/\bstyle=|https?:\/\//); // no inline style, no outside address
    for (const asset of ['app.js', 'style.css', 'favicon.svg']) {
      const answer = await send(`${url}${asset}`);
      expect(answer.status, asset).toBe(200);
      expect(answer.body.toString('utf8'), asset).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
    }
    // A second request for an unchanged file is answered from the browser's cache.
    expect((await send(`${url}app.js`, { headers: { 'if-none-match': String((await send(`${url}app.js`)).headers.etag) } })).status).toBe(304);
  });

  it('an unknown path is a 404 in JSON, and no path reaches the file system', async () => {
    for (const path of ['nope', '../package.json', '%2e%2e/package.json', 'page/index.html', 'app.js/../../package.json']) {
      const answer = await send(`${url}${path}`);
      expect(answer.status, path).toBe(404);
      expect(answer.json().error.code).toBe('not_found');
    }
  });
});

describe('POST /api/validate', () => {
  it('a valid file: valid, its title, no problems, the stats as read', async () => {
    const answer = await send(`${url}api/validate?name=school.json`, { body: exampleText('school'), headers: { 'content-type': 'application/json' } });
    expect(answer.status).toBe(200);
    const body = answer.json();
    expect(body).toMatchObject({ valid: true, title: SCHOOL_TITLE, problems: [], warnings: [] });
    expect(body.input).toEqual(example('school'));
  });

  it('warnings come with their field path and what the field takes', async () => {
    const body = (await postJson(`${url}api/validate`, schoolWithWarning())).json();
    expect(body.valid).toBe(true);
    const warning = body.warnings.find((w: { code: string }) => w.code === 'amount_differs_from_standard');
    expect(warning).toMatchObject({ severity: 'warning', where: 'aid[2].amount' });
    expect(warning.message.zh).toMatch(/^aid\[2\]\.amount：/);
    expect(warning.field).toMatch(/金额/);
  });

  it('invalid stats: 200 with every problem, its path and line, expected and received, in Chinese and English', async () => {
    const stats = { ...example('school'), year: 'x', aid: [{ ...example('school').aid[0], amount: -1 }] };
    const answer = await postJson(`${url}api/validate`, JSON.stringify(stats, null, 2));
    expect(answer.status).toBe(200);
    const body = answer.json();
    expect(body.valid).toBe(false);
    const wheres = body.problems.map((p: { where: string }) => p.where);
    expect(wheres).toEqual(expect.arrayContaining(['year', 'aid[0].amount']));
    const amount = body.problems.find((p: { where: string }) => p.where === 'aid[0].amount');
    expect(amount).toMatchObject({ severity: 'error', received: '-1' });
    // Where it is in the file as sent: the line of "amount": -1.
    const line = JSON.stringify(stats, null, 2).split('\n').findIndex((l) => l.includes('"amount": -1')) + 1;
    expect(amount.location).toEqual({ kind: 'json', line, column: 17 });
    expect(amount.message.zh).toContain('不能小于0');
    expect(amount.message.en).toContain('aid[0].amount');
    expect(amount.field).toMatch(/金额/);
  });

  it('a JSON syntax error: where it is, line and column', async () => {
    const text = exampleText('school').replace('"year": 2025,', '"year": 2025');
    const body = (await send(`${url}api/validate?name=${encodeURIComponent('石桥小学.json')}`, { body: text, headers: { 'content-type': 'application/json' } })).json();
    expect(body.valid).toBe(false);
    expect(body.problems).toHaveLength(1);
    expect(body.problems[0]).toMatchObject({ code: 'json_syntax', location: { kind: 'json', line: 3, column: 15 } });
    expect(body.problems[0].message.zh).toContain('石桥小学.json 第 3 行第 15 列');
  });
});

describe('POST /api/draft', () => {
  it('DOCX: the document, named after the title (RFC 8187 filename*), reads back with the example text', async () => {
    const answer = await postJson(`${url}api/draft?format=docx`, example('school'));
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(answer.headers['content-disposition']).toMatch(/^attachment; filename="report\.docx"; filename\*=UTF-8''%E4%BA%91/);
    expect(dispositionName(answer.headers['content-disposition'])).toBe(`${SCHOOL_TITLE}.docx`);
    const docx = readDocx(answer.body);
    expect(docx.paragraphs.join('\n')).toContain('云溪县石桥镇中心小学');
    expect(docx.paragraphs.join('\n')).toContain(example('school').highlights[0]);
  });

  it.skipIf(!requireCommands('server PDF read-back', 'pdftotext'))('PDF: a PDF whose text is the summary', async () => {
    const answer = await postJson(`${url}api/draft?format=pdf`, example('bureau'));
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/pdf');
    expect(answer.body.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(answer.body).replace(/\s+/g, '');
    expect(text).toContain('云溪县教育局');
    expect(text).toContain('特此报告');
    expect(dispositionName(answer.headers['content-disposition'])).toMatch(/^云溪县教育局2025年.*\.pdf$/);
  });

  it('Markdown, and all three in a zip with UTF-8 names', async () => {
    const md = await postJson(`${url}api/draft?format=md`, example('school'));
    expect(md.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(md.body.toString('utf8')).toContain(SCHOOL_TITLE);
    const zip = await postJson(`${url}api/draft?format=zip`, example('school'));
    expect(zip.headers['content-type']).toBe('application/zip');
    expect(dispositionName(zip.headers['content-disposition'])).toBe(`${SCHOOL_TITLE}.zip`);
    const files = unzipSync(zip.body);
    expect(Object.keys(files).sort()).toEqual([`${SCHOOL_TITLE}.docx`, `${SCHOOL_TITLE}.md`, `${SCHOOL_TITLE}.pdf`]);
    expect(new TextDecoder().decode(files[`${SCHOOL_TITLE}.md`])).toBe(md.body.toString('utf8'));
    readDocx(files[`${SCHOOL_TITLE}.docx`]!);
    // The zip marks its names as UTF-8 (general purpose bit 11), so Windows' and macOS' unzip show them in Chinese.
    const flags = zip.body.readUInt16LE(6);
    expect(flags & 0x800).toBe(0x800);
  });

  it('invalid stats: 422 with the problems, and no file', async () => {
    const answer = await postJson(`${url}api/draft?format=docx`, { ...example('school'), opening: '' });
    expect(answer.status).toBe(422);
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(answer.headers['content-disposition']).toBeUndefined();
    const body = answer.json();
    expect(body.error.code).toBe('invalid_input');
    expect(body.problems).toEqual([expect.objectContaining({ where: 'opening', code: 'too_small' })]);
  });

  it('an unknown format is a 400 naming the formats', async () => {
    const answer = await postJson(`${url}api/draft?format=exe`, example('school'));
    expect(answer.status).toBe(400);
    expect(answer.json().error.message.en).toBe('format must be one of docx, pdf, md, zip');
  });

  it('a workbook (not yet read), an old .xls, an HTML body: 415, each saying what to send', async () => {
    const xlsx = await send(`${url}api/draft?format=pdf&name=${encodeURIComponent('学校.xlsx')}`, { body: new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]) });
    expect(xlsx.status).toBe(415);
    expect(xlsx.json().error.message.zh).toContain('XLSX');
    const xls = await send(`${url}api/validate?name=a.xls`, { body: 'junk', headers: { 'content-type': 'application/octet-stream' } });
    expect(xls.status).toBe(415);
    expect(xls.json().error.message.zh).toContain('另存为');
    const html = await send(`${url}api/validate`, { body: '<html>', headers: { 'content-type': 'text/html' } });
    expect(html.status).toBe(415);
  });
});

describe('POST /api/preview (the page’s call)', () => {
  it('the title, file name, stats as read, warnings, text and PDF in one answer', async () => {
    const body = (await postJson(`${url}api/preview`, schoolWithWarning())).json();
    expect(body.title).toBe(SCHOOL_TITLE);
    expect(body.fileName).toBe(SCHOOL_TITLE);
    expect(body.input.aid[2].amount).toBe(4600);
    expect(body.warnings.map((w: { where: string }) => w.where)).toContain('aid[2].amount');
    expect(body.text).toContain(`# ${SCHOOL_TITLE}`);
    expect(Buffer.from(body.pdf, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('invalid stats: 422 with the problems and the stats as read, so the page can fix the text', async () => {
    const answer = await postJson(`${url}api/preview`, { ...example('school'), opening: '' });
    expect(answer.status).toBe(422);
    expect(answer.json().input.organisation.name).toBe('云溪县石桥镇中心小学');
  });
});

describe('requests the server refuses', () => {
  it('a Host that is not this machine (DNS rebinding) is refused', async () => {
    const answer = await send(`${url}api/schema`, { headers: { host: 'evil.example:80' } });
    expect(answer.status).toBe(403);
    expect(answer.json().error.code).toBe('forbidden_host');
  });

  it('a POST from a page on another site is refused; one from the page itself is not', async () => {
    const foreign = await postJson(`${url}api/draft?format=md`, example('school'), { origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    const own = await postJson(`${url}api/draft?format=md`, example('school'), { origin: url.replace(/\/$/, '') });
    expect(own.status).toBe(200);
  });

  it('errors carry no stack trace', async () => {
    for (const answer of [
      await postJson(`${url}api/draft`, '{"year":'),
      await postJson(`${url}api/draft`, { year: 2025 }),
      await send(`${url}api/draft?format=pdf&name=x.xlsx`, { body: 'PK' }),
    ]) {
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.body.toString('utf8')).not.toMatch(/\bat .+\.(ts|js):\d+|node:internal|node_modules/);
    }
  });
});
