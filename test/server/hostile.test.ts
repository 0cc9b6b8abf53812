/**
 * Hostile requests against a running server on 127.0.0.1: each gets its
 * status code, and the server goes on serving everyone else. Limits are set
 * low here (a one-second header deadline, a small queue) so the tests need
 * not wait out the defaults; the mechanisms are the ones `serve` runs with.
 */
import { connect, type Socket } from 'node:net';
import { Agent, request as httpRequest } from 'node:http';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server/index.js';
import { example, exampleText, postJson, send, startTestServer } from './support.js';

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
    // Bytes that are not text at all.
    const binary = await send(`${url}api/draft?format=pdf`, { body: new Uint8Array([0xff, 0xfe, 0x00, 0x7b, 0x80, 0x81]), headers: { 'content-type': 'application/json' } });
    expect(binary.status).toBe(422);
    expect(binary.json().problems[0].code).toBe('encoding');
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

  it('garbage and a zip bomb with an .xlsx name are refused cleanly (415 until workbooks are read; then 422)', async () => {
    // 200 MB of zeros that deflate to a few hundred kB: what an "xlsx" zip bomb looks like on the wire.
    const bomb = zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(200 << 20) }, { level: 9 });
    expect(bomb.length).toBeLessThan(1 << 20);
    const garbage = Buffer.alloc(3 << 20, 0xa5);
    for (const body of [bomb, garbage]) {
      const answer = await send(`${url}api/validate?name=${encodeURIComponent('学校.xlsx')}`, { body, headers: { 'content-type': 'application/octet-stream' } });
      expect([415, 422]).toContain(answer.status);
      expect(answer.json().error.message.zh).toBeTruthy();
    }
    const huge = await sendLarge(`api/validate?name=evil.xlsx`, 50 << 20, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    expect(huge.status).toBe(413);
    await stillServing();
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
