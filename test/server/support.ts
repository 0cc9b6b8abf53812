/**
 * A real `zongjie serve` for the tests: the fastify app on 127.0.0.1, a
 * worker pool drafting, answers read as a client reads them (fetch, or raw
 * sockets where the client itself is the point).
 */
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { constants, deflateRawSync } from 'node:zlib';
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

/** A school of the county example (examples/county/schools), as a file of that name would hold it. */
export const countySchool = (name: 'changshan' | 'shahe' | 'shiqiao' | 'yizhong' | 'kindergarten') =>
  JSON.parse(readFileSync(new URL(`county/schools/${name}.json`, EXAMPLES), 'utf8')) as Record<string, any>;

/** Aid students (人次) and 元 as a stats file states them, free textbooks apart: what a summary's first aid sentence adds up. */
export function paidAid(...schools: Record<string, any>[]): { students: number; fen: number } {
  const paid = schools.flatMap((s) => s.aid as { programme: string; students?: number; amount?: number }[]).filter((a) => a.programme !== 'freeTextbooks');
  return { students: paid.reduce((n, a) => n + (a.students ?? 0), 0), fen: paid.reduce((n, a) => n + Math.round((a.amount ?? 0) * 100), 0) };
}

/**
 * A zip whose entries' data, method and declared size the caller chooses —
 * what a hostile client can send, which no zip library writes on purpose
 * (CRCs are left 0: a reader that checks them refuses the file anyway).
 */
export function rawZip(entries: { name: string; data: Uint8Array; method: 0 | 8; size: number; zip64?: boolean }[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data, method, size, zip64 } of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    // Zip64: both sizes 0xFFFFFFFF in the directory, the real ones in extra field 0x0001 (uncompressed first).
    const extra = Buffer.alloc(zip64 ? 20 : 0);
    if (zip64) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(16, 2);
      extra.writeBigUInt64LE(BigInt(size), 4);
      extra.writeBigUInt64LE(BigInt(data.length), 12);
    }
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(zip64 ? 0xffffffff : data.length, 18);
    local.writeUInt32LE(zip64 ? 0xffffffff : size, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(zip64 ? 0xffffffff : data.length, 20);
    central.writeUInt32LE(zip64 ? 0xffffffff : size, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt16LE(extra.length, 30);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, Buffer.from(data));
    centrals.push(central, nameBytes, extra);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

/**
 * A raw deflate stream of `mib` MiB of zeros, about 1 kB per MiB, built
 * without ever holding the zeros: one MiB deflated with a sync flush (a
 * byte-aligned block that does not end the stream), repeated, then an empty
 * final block.
 */
export function deflatedZeros(mib: number): Uint8Array {
  const block = deflateRawSync(Buffer.alloc(1 << 20), { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  return new Uint8Array(Buffer.concat([...Array<Buffer>(mib).fill(block), Buffer.from([0x03, 0x00])]));
}
