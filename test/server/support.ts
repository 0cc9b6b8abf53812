/**
 * A real `zongjie serve` for the tests: the fastify app on 127.0.0.1, a
 * worker pool drafting, answers read as a client reads them (fetch, or raw
 * sockets where the client itself is the point).
 */
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { startServer, type RunningServer, type ServeOptions } from '../../src/server/index.js';

export const EXAMPLES = new URL('../../examples/', import.meta.url);
export const exampleText = (name: 'school' | 'bureau') => readFileSync(new URL(`${name}.json`, EXAMPLES), 'utf8');
export const example = (name: 'school' | 'bureau') => JSON.parse(exampleText(name)) as Record<string, any>;

/** The school example with one aid row whose amount is not students × standard: valid, with a warning. */
export function schoolWithWarning(): Record<string, any> {
  const stats = example('school');
  stats.aid[2] = { ...stats.aid[2], amount: 4600 };
  return stats;
}

export async function startTestServer(options: ServeOptions = {}): Promise<RunningServer> {
  return startServer({ port: 0, workers: 2, ...options });
}

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  json(): any;
}

/** One request on its own connection (node:http, no pooling): the status, headers and body as they came. */
export function send(url: string, init: { method?: string; body?: string | Uint8Array; headers?: Record<string, string> } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: init.method ?? (init.body === undefined ? 'GET' : 'POST'), headers: init.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({ status: res.statusCode!, headers: res.headers, body, json: () => JSON.parse(body.toString('utf8')) });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

export const postJson = (url: string, value: unknown, headers: Record<string, string> = {}) =>
  send(url, { body: typeof value === 'string' ? value : JSON.stringify(value), headers: { 'content-type': 'application/json', ...headers } });

/** The file name a Content-Disposition header gives a browser: `filename*` (RFC 8187) first. */
export function dispositionName(header: string | string[] | undefined): string | undefined {
  const value = String(header ?? '');
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(value);
  return extended ? decodeURIComponent(extended[1]!) : /filename="([^"]*)"/.exec(value)?.[1];
}
