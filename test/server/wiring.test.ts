/**
 * The server's parts on their own: the drafter's queue and time limits with
 * a pool the test controls, and the capability hooks the workbook and
 * aggregation features plug into — exercised here with small test doubles,
 * so the routes are known to work whatever hooks are given (the doubles
 * stand in for the real ones only in this file) — and the zip size check.
 */
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { draftReport, type Draft } from '../../src/node/draft.js';
import { buildApp } from '../../src/server/app.js';
import { loadAssets } from '../../src/server/assets.js';
import type { Capabilities } from '../../src/server/capabilities.js';
import { contentDisposition } from '../../src/server/downloads.js';
import { BusyError, createDrafter, DraftTimeoutError } from '../../src/server/drafter.js';
import { inputKind } from '../../src/server/inputs.js';
import { jsonPlaces } from '../../src/server/json-places.js';
import { fieldDescription, parseWhere } from '../../src/server/problems.js';
import { checkZipSize } from '../../src/workbook/zip-size.js';
import { writeWorkbook } from '../../src/workbook/index.js';
import { deflatedZeros, example, rawZip, schoolWithWarning } from './support.js';

/** A pool whose drafts end when the test says. */
function heldPool(size: number) {
  const held: { resolve: (d: Draft) => void; reject: (e: Error) => void }[] = [];
  return {
    size,
    held,
    draft: () => new Promise<Draft>((resolve, reject) => held.push({ resolve, reject })),
  };
}

describe('createDrafter', () => {
  it('admits workers + queue drafts, refuses the next with a Retry-After, and admits again once one ends', async () => {
    const pool = heldPool(2);
    const drafter = createDrafter(pool, { queue: 1, timeoutMs: 60_000 });
    expect(drafter.capacity).toBe(3);
    const admitted = [drafter.draft({}), drafter.draft({}), drafter.draft({})];
    expect(drafter.pending).toBe(3);
    const refused = await drafter.draft({}).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(BusyError);
    expect((refused as BusyError).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    pool.held[0]!.resolve({} as Draft);
    await admitted[0];
    expect(drafter.pending).toBe(2);
    const next = drafter.draft({});
    expect(drafter.pending).toBe(3);
    for (const h of pool.held.slice(1)) h.resolve({} as Draft);
    await Promise.all([...admitted, next]);
    expect(drafter.pending).toBe(0);
  });

  it('a draft over time fails alone; its worker stays counted until the pool lets it go', async () => {
    const pool = heldPool(1);
    const drafter = createDrafter(pool, { queue: 1, timeoutMs: 20 });
    const slow = drafter.draft({});
    const error = await slow.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DraftTimeoutError);
    expect(drafter.pending).toBe(1);
    pool.held[0]!.resolve({} as Draft); // the pool finishes it after all: nobody is waiting, nothing breaks
    await new Promise((r) => setTimeout(r, 0));
    expect(drafter.pending).toBe(0);
  });
});

/** The app over an in-process "pool" (draftReport on this thread, Markdown only): enough for the routes' wiring. */
async function appWith(capabilities: Capabilities, pool = { size: 1, draft: (input: unknown) => draftReport(input, { formats: ['md'] }) }) {
  const app = buildApp({ drafter: createDrafter(pool, { queue: 2, timeoutMs: 500 }), timeoutMs: 500, assets: await loadAssets(), capabilities, loopback: true });
  await app.ready();
  return app;
}

describe('time limit and queue over HTTP', () => {
  it('a draft that runs long gets 504 while others are drafted; a full queue gets 503 with Retry-After', async () => {
    const never = new Promise<Draft>(() => {});
    const app = await appWith({}, { size: 1, draft: (input) => ((input as { title?: string }).title === '慢' ? never : draftReport(input, { formats: ['md'] })) });
    const slow = { ...example('school'), title: '慢' };
    const inject = (body: unknown) => app.inject({ method: 'POST', url: '/api/draft?format=md', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(body) });
    // One runs long while another is drafted beside it.
    const [timedOut, drafted] = await Promise.all([inject(slow), inject(example('school'))]);
    expect(timedOut.statusCode).toBe(504);
    expect(JSON.parse(timedOut.body).error.message.zh).toBe('生成超时（超过 0.5 秒）');
    expect(drafted.statusCode).toBe(200);
    expect(drafted.body).toContain('云溪县石桥镇中心小学');
    // The long one still holds its admission (it never ends here): two more fill the capacity of 1 + 2 …
    await Promise.all([inject(slow), inject(slow)]);
    // … and the next is refused at once, with when to come back.
    const busy = await inject(example('school'));
    expect(busy.statusCode).toBe(503);
    expect(Number(busy.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(JSON.parse(busy.body).error.code).toBe('busy');
    expect(JSON.parse((await app.inject('/healthz')).body)).toMatchObject({ pending: 3, capacity: 3 });
    await app.close();
  });
});

describe('capabilities', () => {
  it('none: JSON only, no workbook or bureau routes', async () => {
    const app = await appWith({});
    expect(JSON.parse((await app.inject('/api/capabilities')).body)).toMatchObject({ inputs: ['json'], blankWorkbook: false, bureau: false });
    expect((await app.inject('/api/workbook')).statusCode).toBe(404);
    await app.close();
  });

  it('a workbook reader: an .xlsx upload is read through it, its problems and warnings point at cells', async () => {
    const cell = { kind: 'cell' as const, sheet: '资助发放', row: 4, column: 'E', ref: 'E4', header: '金额（元）' };
    const app = await appWith({
      readWorkbook: (bytes) =>
        bytes[2] === 0x21
          ? { ok: false, problems: [{ severity: 'error', code: 'too_small', where: 'aid[0].amount', location: cell, message: { zh: '不能小于0', en: 'must be ≥ 0' } }] }
          : { ok: true, data: schoolWithWarning(), locate: (where) => (where === 'aid[2].amount' ? cell : undefined) },
    });
    expect(JSON.parse((await app.inject('/api/capabilities')).body).inputs).toEqual(['json', 'xlsx']);
    const post = (bytes: number[]) =>
      app.inject({ method: 'POST', url: `/api/validate?name=${encodeURIComponent('石桥小学.xlsx')}`, headers: { 'content-type': 'application/octet-stream' }, payload: Buffer.from(bytes) });
    const good = JSON.parse((await post([0x50, 0x4b, 0x03])).body);
    expect(good.valid).toBe(true);
    expect(good.warnings[0]).toMatchObject({ where: 'aid[2].amount', location: cell });
    const bad = JSON.parse((await post([0x50, 0x4b, 0x21])).body);
    expect(bad).toMatchObject({ valid: false, problems: [{ location: cell }] });
    await app.close();
  });

  it('a blank workbook and an aggregator: their routes answer, and refuse what they cannot take', async () => {
    const app = await appWith({
      blankWorkbook: (kind) => new TextEncoder().encode(`blank ${kind}`),
      aggregate: (schools, { organisation, year }) => ({
        stats: { ...example('bureau'), organisation: { ...example('bureau').organisation, name: organisation.name }, year },
        table: { columns: ['学校', '受助人次'], rows: schools.map((s) => [s.name, 1]) },
        warnings: [{ code: 'parts_do_not_add_up', where: 'schools[1]', message: { zh: 'schools[1]：重复', en: 'schools[1]: twice' } }],
      }),
    });
    const blank = await app.inject('/api/workbook?kind=bureau');
    expect(blank.statusCode).toBe(200);
    expect(blank.body).toBe('blank bureau');
    expect(blank.headers['content-disposition']).toBe(contentDisposition('教育局资助统计表.xlsx'));
    expect((await app.inject('/api/workbook?kind=x')).statusCode).toBe(400);

    const request = { organisation: { name: '云溪县教育局' }, year: 2025, schools: [{ name: 'a.json', stats: example('school') }, { name: 'b.json', stats: example('school') }] };
    const answer = await app.inject({ method: 'POST', url: '/api/aggregate', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(request) });
    expect(answer.statusCode).toBe(200);
    const body = JSON.parse(answer.body);
    expect(body.table.rows).toEqual([['a.json', 1], ['b.json', 1]]);
    expect(body.warnings[0]).toMatchObject({ severity: 'warning', where: 'schools[1]' });
    expect(body.stats.organisation.name).toBe('云溪县教育局');
    const missing = await app.inject({ method: 'POST', url: '/api/aggregate', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ ...request, year: 'x' }) });
    expect(missing.statusCode).toBe(400);
    expect(JSON.parse(missing.body).error.message.zh).toBe('汇总请求无效：year');
    await app.close();
  });
});

describe('helpers', () => {
  it('inputKind: the declared type, then the name, then the bytes', () => {
    const bytes = new TextEncoder().encode('{}');
    const zip = new Uint8Array([0x50, 0x4b, 3, 4]);
    expect(inputKind({ bytes, contentType: 'application/json' })).toBe('json');
    expect(inputKind({ bytes, fileName: 'a.JSON' })).toBe('json');
    expect(inputKind({ bytes: zip, fileName: 'a.xlsx', contentType: 'application/octet-stream' })).toBe('xlsx');
    expect(inputKind({ bytes: zip })).toBe('xlsx');
    expect(inputKind({ bytes })).toBe('json');
    expect(inputKind({ bytes, fileName: 'a.xls' })).toBe('xls');
    expect(inputKind({ bytes, fileName: 'a.docx' })).toBeUndefined();
    expect(inputKind({ bytes, contentType: 'multipart/form-data' })).toBeUndefined();
  });

  it('parseWhere and fieldDescription: from a problem’s place to what the field takes', () => {
    expect(parseWhere('aid[3].amount')).toEqual(['aid', 3, 'amount']);
    expect(parseWhere('headings["plans"]')).toEqual(['headings', 'plans']);
    expect(parseWhere('(root)')).toEqual([]);
    expect(parseWhere('a b')).toBeUndefined();
    expect(fieldDescription(['year'])).toBe('报告年度，如 2025');
    expect(fieldDescription(['aid', 0, 'amount'])).toMatch(/金额/);
    expect(fieldDescription(['measures', 0, 'title'])).toMatch(/标题/);
    expect(fieldDescription(['nope'])).toBeUndefined();
  });

  it('jsonPlaces: a field path → its line and column in the file; a missing field → the object that lacks it', () => {
    const text = '{\n  "a": [1, {"b": "x\\"y", "c": null}],\n  "d e": {},\n  "f": []\n}';
    const at = jsonPlaces(text);
    expect(at('a[1].c')).toEqual({ kind: 'json', line: 2, column: 31 });
    expect(at('a[1].b')).toEqual({ kind: 'json', line: 2, column: 18 });
    expect(at('a[0]')).toEqual({ kind: 'json', line: 2, column: 9 });
    expect(at('["d e"].missing')).toEqual({ kind: 'json', line: 3, column: 10 });
    expect(at('year')).toEqual({ kind: 'json', line: 1, column: 1 });
    expect(at('pdf.body')).toBeUndefined();
  });

  it('checkZipSize: a real workbook by its real size; zip64 sizes from their extra field; what is no zip, damaged', async () => {
    const limits = { maxBytes: 16 << 20, maxEntries: 2000 };
    const workbook = await writeWorkbook(example('school') as never);
    const unpacked = Object.values(unzipSync(workbook)).reduce((n, f) => n + f.length, 0);
    expect(checkZipSize(workbook, limits)).toEqual({ ok: true, bytes: unpacked, entries: Object.keys(unzipSync(workbook)).length });
    expect(checkZipSize(workbook, { ...limits, maxBytes: unpacked - 1 })).toEqual({ ok: false, reason: 'too_large', bytes: unpacked });
    expect(checkZipSize(workbook, { ...limits, maxEntries: 3 })).toMatchObject({ ok: false, reason: 'too_many_entries' });

    const mib = deflatedZeros(1);
    expect(checkZipSize(rawZip([{ name: 'a.xml', data: mib, method: 8, size: 1 << 20, zip64: true }]), limits)).toEqual({ ok: true, bytes: 1 << 20, entries: 1 });
    expect(checkZipSize(rawZip([{ name: 'a.xml', data: mib, method: 8, size: 2 ** 40, zip64: true }]), limits)).toEqual({ ok: false, reason: 'too_large', bytes: 2 ** 40 });

    expect(checkZipSize(new TextEncoder().encode('PK\x03\x04 and then nothing'), limits)).toMatchObject({ ok: false, reason: 'damaged' });
    expect(checkZipSize(workbook.subarray(0, workbook.length - 30), limits)).toMatchObject({ ok: false, reason: 'damaged' });
    expect(checkZipSize(rawZip([{ name: 'a.xml', data: new Uint8Array([0xff, 0xff, 0xff]), method: 8, size: 10 }]), limits)).toEqual({
      ok: false,
      reason: 'damaged',
      detail: 'a.xml: invalid deflate data',
    });
  });

  it('contentDisposition: UTF-8 filename* with an ASCII fallback (RFC 6266, RFC 8187)', () => {
    expect(contentDisposition('总结.pdf')).toBe(`attachment; filename="report.pdf"; filename*=UTF-8''%E6%80%BB%E7%BB%93.pdf`);
    expect(contentDisposition("it's (1).md")).toBe(`attachment; filename="it's (1).md"; filename*=UTF-8''it%27s%20%281%29.md`);
  });
});
