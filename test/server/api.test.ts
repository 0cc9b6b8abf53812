/**
 * The HTTP API as another system uses it: real requests to a running server,
 * the drafted files opened and read back.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCount, formatFen } from '../../src/index.js';
import type { RunningServer } from '../../src/server/index.js';
import { KIND_SHEETS, parseWorkbook, writeWorkbook } from '../../src/workbook/index.js';
import { readDocx } from '../support/docx-text.js';
import { pdfText, requireCommands } from '../support/tools.js';
import { countySchool, dispositionName, example, exampleText, paidAid, postJson, schoolWithWarning, send, startTestServer } from './support.js';

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

  it('/api/capabilities: JSON and workbooks read, blank workbooks, bureau mode', async () => {
    expect((await send(`${url}api/capabilities`)).json()).toMatchObject({ inputs: ['json', 'xlsx'], blankWorkbook: true, bureau: true, formats: ['docx', 'pdf', 'md', 'zip'] });
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

  it('JSON as offices save it: GBK and UTF-16 read; a key given twice refused at its line', async () => {
    const gbk = readFileSync(new URL('../fixtures/encodings/school.gbk.json', import.meta.url));
    const read = (await send(`${url}api/validate?name=gbk.json`, { body: gbk, headers: { 'content-type': 'application/json' } })).json();
    expect(read).toMatchObject({ valid: true, title: SCHOOL_TITLE });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(exampleText('school'), 'utf16le')]);
    expect((await send(`${url}api/validate`, { body: utf16, headers: { 'content-type': 'application/json' } })).json()).toMatchObject({ valid: true, input: example('school') });
    const twice = exampleText('school').replace('"year": 2025,', '"year": 2025,\n  "year": 2024,');
    const body = (await send(`${url}api/validate?name=a.json`, { body: twice, headers: { 'content-type': 'application/json' } })).json();
    expect(body.valid).toBe(false);
    expect(body.problems[0]).toMatchObject({ code: 'json_duplicate_key', location: { kind: 'json', line: 4, column: 3 } });
    expect(body.problems[0].message.zh).toBe('a.json 第 4 行第 3 列：键名“year”在同一对象中已于第 3 行出现，无法确定取哪个值');
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

  it('an old .xls, an HTML body: 415, each saying what to send', async () => {
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

/** An upload of a file's bytes under its name, as the page sends it. */
const upload = (path: string, name: string, bytes: Uint8Array) =>
  send(`${url}${path}${path.includes('?') ? '&' : '?'}name=${encodeURIComponent(name)}`, { body: bytes, headers: { 'content-type': 'application/octet-stream' } });

/** `stats` laid out in our workbook, with `edit` applied to its cells as a clerk would in Excel. */
async function workbookOf(stats: Record<string, any>, edit?: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const bytes = await writeWorkbook(stats as never);
  if (!edit) return bytes;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  edit(workbook);
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const COUNTY_TITLE = '云溪县教育局2025年教育帮扶工作总结';

describe('workbooks', () => {
  it('GET /api/workbook: a blank workbook of a school’s or a bureau’s sheets, which the reader reads back', async () => {
    for (const [kind, name] of [['school', '学校资助统计表.xlsx'], ['bureau', '教育局资助统计表.xlsx']] as const) {
      const answer = await send(`${url}api/workbook?kind=${kind}`);
      expect(answer.status).toBe(200);
      expect(answer.headers['content-type']).toBe(XLSX_TYPE);
      expect(dispositionName(answer.headers['content-disposition'])).toBe(name);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(answer.body as unknown as ArrayBuffer);
      expect(workbook.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(KIND_SHEETS[kind]));
      const read = await parseWorkbook(answer.body);
      expect(read.issues).toEqual([]);
      expect(read.notices).toEqual([]);
    }
    expect((await send(`${url}api/workbook?kind=county`)).status).toBe(400);
  });

  it('a filled workbook: previewed with its warning at its cell, and drafted into a PDF that states its figures', async () => {
    const stats = schoolWithWarning();
    const bytes = await workbookOf(stats);
    const preview = await upload('api/preview', '石桥小学.xlsx', bytes);
    expect(preview.status).toBe(200);
    const body = preview.json();
    expect(body.title).toBe(SCHOOL_TITLE);
    // The stats as read from the cells: the file's own, figure for figure.
    const { $schema: _, ...given } = stats;
    expect(body.input).toEqual(given);
    const warning = body.warnings.find((w: { where: string }) => w.where === 'aid[2].amount');
    expect(warning).toMatchObject({ severity: 'warning', code: 'amount_differs_from_standard' });
    expect(warning.location).toEqual({ kind: 'cell', sheet: '资助发放', row: 4, column: 'G', ref: 'G4', header: '金额（元）' });

    if (!requireCommands('server workbook PDF read-back', 'pdftotext')) return;
    const pdf = await upload('api/draft?format=pdf', '石桥小学.xlsx', bytes);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['x-zongjie-warnings']).toBe('1');
    const text = pdfText(pdf.body).replace(/\s+/g, '');
    const { students, fen } = paidAid(stats);
    expect(text).toContain(`全年共资助各学段学生${formatCount(students, '人次')}，发放资助资金${formatFen(fen)}`);
    expect(text).toContain('发放生活补助4600元'); // the changed cell, as typed
  });

  it('a cell that cannot be read: 422 naming sheet, row, column header and cell, in Chinese and English', async () => {
    const bytes = await workbookOf(example('school'), (workbook) => {
      workbook.getWorksheet('资助发放')!.getCell('G4').value = '四千';
    });
    const answer = await upload('api/draft?format=docx', '石桥小学.xlsx', bytes);
    expect(answer.status).toBe(422);
    expect(answer.headers['content-disposition']).toBeUndefined();
    const { error, problems } = answer.json();
    expect(error.code).toBe('invalid_input');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'error', where: 'aid[2].amount', received: '"四千"', location: { kind: 'cell', sheet: '资助发放', row: 4, ref: 'G4', header: '金额（元）' } });
    expect(problems[0].message.zh).toBe('资助发放 第4行「金额（元）」(G4)：应为数字（单位：元），实为 "四千"');
    expect(problems[0].message.en).toMatch(/^资助发放 row 4 「金额（元）」 \(G4\): expected a number/);
    expect(problems[0].field).toMatch(/金额/);
  });

  it('a file with an .xlsx name that is no workbook: 422 saying what it is and what to do', async () => {
    const xls = await upload('api/validate', '旧表.xlsx', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    expect(xls.json()).toMatchObject({ valid: false, problems: [{ code: 'workbook_old_format', where: '(root)' }] });
    expect(xls.json().problems[0].message.zh).toMatch(/^旧表\.xlsx：这是旧版 Excel 97-2003 工作簿.*另存为/);
    const text = await upload('api/draft', '数据.xlsx', new TextEncoder().encode('{"year": 2025}'));
    expect(text.status).toBe(422);
    expect(text.json().problems[0]).toMatchObject({ code: 'workbook_not_xlsx', message: { en: expect.stringContaining('not an Excel workbook') } });
  });
});

describe('POST /api/aggregate (bureau mode)', () => {
  /** The schools as the page sends them: each file read through /api/validate first (a workbook too), then its stats. */
  async function schoolsAsRead(files: [string, Uint8Array][]): Promise<{ name: string; stats: unknown }[]> {
    const schools = [];
    for (const [name, bytes] of files) {
      const body = (await upload('api/validate', name, bytes)).json();
      expect(body.valid, name).toBe(true);
      schools.push({ name, stats: body.input });
    }
    return schools;
  }
  const json = (stats: unknown) => new TextEncoder().encode(JSON.stringify(stats, null, 2));
  const aggregate = (schools: unknown[]) => postJson(`${url}api/aggregate`, { organisation: { name: '云溪县教育局', region: '' }, year: 2025, schools });

  it('three schools, one a workbook: the county’s stats, the table with its 合计, and a draft that states the sums', async () => {
    const [changshan, shahe, shiqiao] = [countySchool('changshan'), countySchool('shahe'), countySchool('shiqiao')];
    const schools = await schoolsAsRead([
      ['changshan.json', json(changshan)],
      ['shahe.json', json(shahe)],
      ['石桥小学.xlsx', await workbookOf(shiqiao)],
    ]);
    const answer = await aggregate(schools);
    expect(answer.status).toBe(200);
    const { stats, table, warnings } = answer.json();
    expect(warnings).toEqual([]);
    expect(stats.organisation).toEqual({ name: '云溪县教育局', kind: 'bureau' });
    expect(stats.schools.map((s: { name: string }) => s.name)).toEqual(['云溪县常山小学', '云溪县沙河初级中学', '云溪县石桥镇中心小学']);
    // Each file's row adds its own aid records; the 合计 row adds the rows.
    const all = (s: Record<string, any>) => ({
      students: s.aid.reduce((n: number, a: { students: number }) => n + a.students, 0),
      yuan: s.aid.reduce((n: number, a: { amount?: number }) => n + Math.round((a.amount ?? 0) * 100), 0) / 100,
    });
    expect(table.columns).toEqual(['文件', '学校', '受助人次', '资助金额（元）', '说明']);
    expect(table.rows).toEqual([
      ['changshan.json', '云溪县常山小学', all(changshan).students, all(changshan).yuan, ''],
      ['shahe.json', '云溪县沙河初级中学', all(shahe).students, all(shahe).yuan, ''],
      ['石桥小学.xlsx', '云溪县石桥镇中心小学', all(shiqiao).students, all(shiqiao).yuan, ''],
      ['合计', '3所学校', [changshan, shahe, shiqiao].reduce((n, s) => n + all(s).students, 0), [changshan, shahe, shiqiao].reduce((n, s) => n + all(s).yuan * 100, 0) / 100, ''],
    ]);

    const md = await postJson(`${url}api/draft?format=md`, stats);
    expect(md.status).toBe(200);
    const { students, fen } = paidAid(changshan, shahe, shiqiao);
    const headline = `全年共资助各学段学生${formatCount(students, '人次')}，发放资助资金${formatFen(fen)}`;
    expect(md.body.toString('utf8')).toContain(`# ${COUNTY_TITLE}`);
    expect(md.body.toString('utf8')).toContain(headline);
    if (requireCommands('server county PDF read-back', 'pdftotext')) {
      const pdf = await postJson(`${url}api/draft?format=pdf`, stats);
      expect(pdfText(pdf.body).replace(/\s+/g, '')).toContain(headline);
    }
  });

  it('the same school in two files: counted once, a warning naming both files, the second file’s row saying why', async () => {
    const shiqiao = countySchool('shiqiao');
    const schools = await schoolsAsRead([
      ['石桥小学.xlsx', await workbookOf(shiqiao)],
      ['changshan.json', json(countySchool('changshan'))],
      ['石桥小学（副本）.json', json(shiqiao)],
    ]);
    const { table, warnings } = (await aggregate(schools)).json();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ severity: 'warning', code: 'duplicate_school', where: '(root)', files: ['石桥小学.xlsx', '石桥小学（副本）.json'] });
    expect(warnings[0].message.zh).toBe('石桥小学.xlsx和石桥小学（副本）.json是同一所学校“云溪县石桥镇中心小学”；只计入石桥小学.xlsx');
    expect(warnings[0].message.en).toContain('石桥小学.xlsx and 石桥小学（副本）.json are the same school');
    expect(table.rows[2]).toEqual(['石桥小学（副本）.json', '云溪县石桥镇中心小学', '', '', '与石桥小学.xlsx是同一所学校，未计入']);
    expect(table.rows[3].slice(0, 2)).toEqual(['合计', '2所学校']);
    expect(table.rows[3][4]).toBe('1个文件未计入');
  });

  it('a school whose stats are not valid: 422, each problem naming the file', async () => {
    const answer = await aggregate([
      { name: 'changshan.json', stats: countySchool('changshan') },
      { name: '坏.json', stats: { ...countySchool('shahe'), year: '2025年' } },
    ]);
    expect(answer.status).toBe(422);
    const { problems } = answer.json();
    expect(problems).toEqual([expect.objectContaining({ severity: 'error', where: 'year', files: ['坏.json'] })]);
    expect(problems[0].message.zh).toMatch(/^坏\.json：year：/);
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
