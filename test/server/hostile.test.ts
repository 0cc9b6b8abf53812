/**
 * Hostile requests against a running server on 127.0.0.1: each gets its
 * status code, and the server goes on serving everyone else. Limits are set
 * low here (a one-second header deadline, a small queue) so the tests need
 * not wait out the defaults; the mechanisms are the ones `serve` runs with.
 */
import { connect, type Socket } from 'node:net';
import { Agent, request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/index.js';
import { deflatedZeros, example, exampleText, postJson, rawZip, send, startTestServer } from './support.js';

let server: RunningServer;
let url: string;
let port: number;
const QUEUE = 4;
beforeAll(async () => {
  server = await startTestServer({ queue: QUEUE, limits: { headersTimeoutMs: 1000, requestTimeoutMs: 6000 } });
  url = server.url;
  port = Number(new URL(url).port);
});
afterAll(() => server?.close());

/** The server still drafts for a well-behaved client. */
async function stillServing(): Promise<void> {
  const answer = await postJson(`${url}api/draft?format=md`, example('school'));
  expect(answer.status).toBe(200);
  expect(answer.body.toString('utf8')).toContain('云溪县石桥镇中心小学');
}

/**
 * Sends `size` bytes (with or without a Content-Length) and resolves with the
 * status the server answered, which may come before the body is all sent.
 */
function sendLarge(path: string, size: number, { chunked = false, type = 'application/json' } = {}): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'content-type': type };
    if (!chunked) headers['content-length'] = String(size);
    // Keep-alive, as browsers and curl send: a `Connection: close` request would have the server close
    // the socket right after answering, under a client still writing (EPIPE before it reads the answer).
    const agent = new Agent({ keepAlive: true });
    const req = httpRequest(`${url}${path}`, { method: 'POST', headers, agent }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => {
        agent.destroy();
        resolve({ status: res.statusCode!, headers: res.headers, body });
      });
    });
    let answered = false;
    req.on('response', () => (answered = true));
    req.on('error', reject);
    const chunk = Buffer.alloc(1 << 20, 0x20);
    let sent = 0;
    const pump = () => {
      // Sent in full even once answered, as a simple client does: the server must drop it, not hold it.
      while (sent < size) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

describe('hostile requests', () => {
  it('malformed JSON: 422 with the line and column (400 is for a malformed request, and this one is fine)', async () => {
    const answer = await postJson(`${url}api/draft?format=pdf`, '{"year": 2025, "organisation": {"name": "x" "kind": "school"}}');
    expect(answer.status).toBe(422);
    expect(answer.json().problems[0]).toMatchObject({ code: 'json_syntax', location: { kind: 'json', line: 1, column: 45 } });
    // Bytes that are not text at all (a zero byte), and bytes that are text but neither UTF-8 nor Chinese in GBK (Latin-1).
    const binary = await send(`${url}api/draft?format=pdf`, { body: new Uint8Array([0x7b, 0x0a, 0x20, 0x22, 0x00, 0x22]), headers: { 'content-type': 'application/json' } });
    expect(binary.status).toBe(422);
    expect(binary.json().problems[0]).toMatchObject({ code: 'encoding', location: { kind: 'json', line: 2, column: 3 } });
    expect(binary.json().problems[0].message.zh).toBe('stats.json 第 2 行第 3 列：文件编码无法识别，含有零字节，不是文本文件');
    const latin1 = await send(`${url}api/validate?name=caf%C3%A9.json`, { body: new Uint8Array([...Buffer.from('{"name": "caf'), 0xe9, ...Buffer.from('"}')]), headers: { 'content-type': 'application/json' } });
    expect(latin1.json().problems[0]).toMatchObject({ code: 'encoding', location: { kind: 'json', line: 1 } });
    expect(latin1.json().problems[0].message.en).toMatch(/^café\.json line 1, column \d+: cannot read the text encoding: /);
    await stillServing();
  });

  it('JSON nested a million levels deep: 422, not a stack overflow', async () => {
    const deep = `${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`;
    const answer = await postJson(`${url}api/validate`, deep);
    expect(answer.status).toBe(200);
    expect(answer.json().problems[0].code).toBe('too_deep');
    await stillServing();
  });

  it('a 50 MB body: 413 before it is read, with or without a Content-Length, while others are served', async () => {
    const [declared, chunked] = await Promise.all([sendLarge('api/draft?format=pdf', 50 << 20), sendLarge('api/validate', 50 << 20, { chunked: true }), stillServing()]);
    for (const answer of [declared, chunked]) {
      expect(answer.status).toBe(413);
      expect(JSON.parse(answer.body).error.code).toBe('body_too_large');
    }
    await stillServing();
  });

  describe('zip bombs with an .xlsx name: refused before any inflating, on 422, the server unharmed', () => {
    /** A workbook's bytes posted as the page posts a chosen file. */
    const post = (body: Uint8Array) => send(`${url}api/validate?name=${encodeURIComponent('学校.xlsx')}`, { body, headers: { 'content-type': 'application/octet-stream' } });
    const sheet = 'xl/worksheets/sheet1.xml';
    /** 1 GiB of zeros in about 1 MB: what exceljs (JSZip under it) would inflate in full on the server's thread. */
    let gib: Uint8Array;
    beforeAll(() => {
      gib = deflatedZeros(1024);
    });
    /** Peak memory (RSS, MiB) while `run` runs, above what the process peaked at before. */
    async function peakGrowth(run: () => Promise<void>): Promise<number> {
      const before = process.resourceUsage().maxRSS;
      await run();
      return (process.resourceUsage().maxRSS - before) / 1024;
    }

    it('honest sizes: 1 GiB declared in the central directory, refused on the declared total', async () => {
      expect(gib.length).toBeLessThan(2 << 20);
      const bomb = rawZip([{ name: sheet, data: gib, method: 8, size: 1 << 30 }]);
      let answer: Awaited<ReturnType<typeof post>> | undefined;
      expect(await peakGrowth(async () => void (answer = await post(bomb)))).toBeLessThan(100);
      expect(answer!.status).toBe(200);
      const problem = answer!.json().problems[0];
      expect(problem).toMatchObject({ severity: 'error', code: 'workbook_too_large', where: '(root)' });
      expect(problem.message.zh).toBe('学校.xlsx：工作簿解压后超过 16 MB（至少 1024 MB），不像是统计表，未读取；如确是统计表，请删除多余的工作表和空行，另存为新的 .xlsx 后再试');
      expect(problem.message.en).toMatch(/^学校\.xlsx: the workbook unpacks to more than 16 MB/);
      // Drafting it is refused the same way, with 422.
      const draft = await send(`${url}api/draft?name=a.xlsx`, { body: bomb, headers: { 'content-type': 'application/octet-stream' } });
      expect(draft.status).toBe(422);
      await stillServing();
    });

    it('lying sizes: 1 GiB declared as 1 kB, stopped as soon as it inflates past that', async () => {
      const bomb = rawZip([
        { name: '[Content_Types].xml', data: new TextEncoder().encode('<Types/>'), method: 0, size: 8 },
        { name: sheet, data: gib, method: 8, size: 1000 },
      ]);
      let answer: Awaited<ReturnType<typeof post>> | undefined;
      expect(await peakGrowth(async () => void (answer = await post(bomb)))).toBeLessThan(100);
      expect(answer!.json().problems[0]).toMatchObject({ code: 'workbook_damaged', message: { en: expect.stringContaining(`${sheet}: inflates past its declared 1000 bytes`) } });
      await stillServing();
    });

    it('many entries sharing one compressed stream (a non-recursive bomb): refused on the declared total', async () => {
      // 64 central directory entries of 1 MiB each, all pointing at the same data: 64 MiB declared from 1 kB.
      const one = deflatedZeros(1);
      const zip = rawZip([{ name: sheet, data: one, method: 8, size: 1 << 20 }]);
      const view = Buffer.from(zip);
      const central = view.subarray(view.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])), view.length - 22);
      const overlapping = Buffer.concat([view.subarray(0, view.length - 22 - central.length), ...Array<Buffer>(64).fill(central), Buffer.alloc(22)]);
      const end = overlapping.subarray(overlapping.length - 22);
      end.writeUInt32LE(0x06054b50, 0);
      end.writeUInt16LE(64, 8);
      end.writeUInt16LE(64, 10);
      end.writeUInt32LE(central.length * 64, 12);
      end.writeUInt32LE(view.length - 22 - central.length, 16);
      const answer = await post(new Uint8Array(overlapping));
      expect(answer.json().problems[0]).toMatchObject({ code: 'workbook_too_large' });
      expect(answer.json().problems[0].message.zh).toContain('至少 17 MB');
    });

    it('garbage with an .xlsx name: 422 saying it is no workbook; over --max-body: 413', async () => {
      const garbage = await post(Buffer.alloc(3 << 20, 0xa5));
      expect(garbage.json().problems[0].code).toBe('workbook_not_xlsx');
      const huge = await sendLarge(`api/validate?name=evil.xlsx`, 50 << 20, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
      expect(huge.status).toBe(413);
      await stillServing();
    });
  });

  it('slow-loris clients: cut off with 408 once their headers are late, and the server answers others meanwhile', async () => {
    const slow: Promise<string>[] = [];
    const sockets: Socket[] = [];
    for (let i = 0; i < 50; i++) {
      slow.push(
        new Promise((resolve) => {
          const socket = connect(port, '127.0.0.1');
          sockets.push(socket);
          let received = '';
          socket.setEncoding('utf8');
          socket.on('data', (data: string) => (received += data));
          socket.on('close', () => resolve(received));
          socket.on('error', () => {});
          socket.write(`POST /api/draft?format=pdf HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n`);
          // One header byte every 200 ms: never finishing, never idle.
          const drip = setInterval(() => socket.writable && socket.write('X'), 200);
          socket.on('close', () => clearInterval(drip));
        }),
      );
    }
    // While they drip, well-behaved clients are served.
    await stillServing();
    await stillServing();
    const answers = await Promise.all(slow);
    for (const answer of answers) expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(sockets.every((s) => s.destroyed)).toBe(true);
    await stillServing();
  });

  it('a slow body: cut off with 408 once the whole request is late', async () => {
    const received = await new Promise<string>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      let data = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => (data += chunk));
      socket.on('close', () => resolve(data));
      socket.on('error', () => {});
      socket.write(`POST /api/draft?format=pdf HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{`);
      const drip = setInterval(() => socket.writable && socket.write(' '), 200);
      socket.on('close', () => clearInterval(drip));
    });
    expect(received).toMatch(/^HTTP\/1\.1 408 /);
    await stillServing();
  });

  it('1,000 requests at once: each answered, the overflow with 503 and Retry-After, none lost', async () => {
    const body = exampleText('school');
    const answers = await Promise.all(
      Array.from({ length: 1000 }, () => send(`${url}api/draft?format=pdf`, { body, headers: { 'content-type': 'application/json' } })),
    );
    const statuses = answers.map((a) => a.status);
    const drafted = answers.filter((a) => a.status === 200);
    const refused = answers.filter((a) => a.status === 503);
    expect(drafted.length + refused.length).toBe(1000);
    expect(drafted.length).toBeGreaterThanOrEqual(server.pool.size + QUEUE);
    expect(refused.length).toBeGreaterThan(0);
    for (const answer of refused) {
      expect(Number(answer.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(answer.json().error.code).toBe('busy');
    }
    for (const answer of drafted) expect(answer.body.subarray(0, 5).toString()).toBe('%PDF-');
    expect(new Set(statuses)).toEqual(new Set([200, 503]));
    await stillServing();
    expect((await send(`${url}healthz`)).json().pending).toBe(0);
  });
});
