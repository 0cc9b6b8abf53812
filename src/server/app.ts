import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { version } from '../../package.json';
import { TemplateError } from '../compose/template.js';
import type { Draft } from '../node/draft.js';
import { statsJsonSchema } from '../schema/json-schema.js';
import { StatsError } from '../schema/parse.js';
import type { Asset } from './assets.js';
import { describeCapabilities, type Capabilities, type SchoolInput } from './capabilities.js';
import { contentDisposition, DOWNLOAD_FORMATS, download, type DownloadFormat } from './downloads.js';
import { BusyError, DraftTimeoutError, type Drafter } from './drafter.js';
import { readInput, XLSX_TYPE, type InputResult } from './inputs.js';
import { issueProblem, warningProblem, type Problem } from './problems.js';

export interface Limits {
  /** Largest request body, in bytes (413 above it). */
  maxBodyBytes: number;
  /** Longest a client may take to send its headers (408, then the connection is closed): a slow-loris client is cut off here. */
  headersTimeoutMs: number;
  /** Longest a client may take to send its whole request. */
  requestTimeoutMs: number;
  /** A keep-alive connection idle this long is closed. */
  keepAliveTimeoutMs: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxBodyBytes: 10 * 1024 * 1024,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
};

export interface AppOptions {
  drafter: Drafter;
  /** The draft time limit, reported to clients; the drafter enforces it. */
  timeoutMs: number;
  assets: Map<string, Asset>;
  capabilities?: Capabilities;
  limits?: Partial<Limits>;
  /**
   * Whether the server listens on loopback only: then a request must name a
   * loopback host, so a web page elsewhere cannot reach it by rebinding its
   * own name to 127.0.0.1.
   */
  loopback?: boolean;
  /** Where unexpected errors are reported (never to the client). */
  log?: (message: string) => void;
}

/** The strict policy every response carries: the page's own script and style, nothing inline, nothing from elsewhere. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  // The drafted PDF is shown in the browser's own viewer from a blob: URL.
  'frame-src blob:',
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
};

/**
 * The HTTP server: the page, and the API other systems draft with. Every
 * body is read through {@link readInput}; every draft runs on the pool
 * behind `drafter`. Built, not started: `listen` is the caller's.
 */
export function buildApp(options: AppOptions): FastifyInstance {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const capabilities = options.capabilities ?? {};
  const { drafter, assets } = options;
  const log = options.log ?? (() => {});

  const app = Fastify({
    logger: false,
    bodyLimit: limits.maxBodyBytes,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    // Headers must arrive in time, checked every second (Node checks every 30 s by default).
    http: { headersTimeout: limits.headersTimeoutMs, connectionsCheckingInterval: 1000 },
    forceCloseConnections: true,
    return503OnClosing: true,
  });
  // More simultaneous connections than this are dropped at once rather than exhausting file descriptors.
  app.server.maxConnections = 4096;

  // Every body arrives as bytes, whatever its type: readInput decides what it is.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

  app.addHook('onRequest', async (request, reply) => {
    if (options.loopback && !isLoopbackHost(request.headers.host)) {
      return fail(reply, 403, 'forbidden_host', '只能通过本机地址访问', 'only reachable through a loopback address');
    }
    // A page on another site may not post to this one (a browser always says where a POST comes from).
    const origin = request.headers.origin;
    if (request.method !== 'GET' && request.method !== 'HEAD' && origin !== undefined && origin !== `http://${request.headers.host}`) {
      return fail(reply, 403, 'forbidden_origin', '不接受来自其他网站的请求', 'requests from other sites are refused');
    }
  });
  app.addHook('onSend', async (request, reply, payload) => {
    reply.headers(SECURITY_HEADERS);
    if (request.url.startsWith('/api/') || request.url === '/healthz') reply.header('cache-control', 'no-store');
    return payload;
  });

  app.setErrorHandler((error: Error & { code?: string; statusCode?: number }, request, reply) => {
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      // Answered at once. Fastify would close the connection under the client, which then sees a reset
      // (EPIPE) instead of this answer; kept open, the rest of the body is read and dropped, never held,
      // until the request deadline.
      reply.removeHeader('connection');
      const mib = Math.floor(limits.maxBodyBytes / 1024 / 1024);
      return fail(reply, 413, 'body_too_large', `文件过大（上限 ${mib} MB）`, `the body is larger than the limit of ${mib} MB`);
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return fail(reply, error.statusCode, 'bad_request', '请求无效', 'bad request');
    }
    log(`${request.method} ${request.url}: ${error.stack ?? error.message}`);
    return fail(reply, 500, 'internal', '服务器内部错误，请稍后再试', 'internal server error');
  });
  app.setNotFoundHandler((_request, reply) => fail(reply, 404, 'not_found', '没有这个地址', 'no such address'));

  for (const [route, asset] of assets) {
    app.get(route, (request, reply) => {
      reply.header('etag', asset.etag).header('cache-control', 'no-cache');
      if (request.headers['if-none-match'] === asset.etag) return reply.code(304).send();
      return reply.type(asset.type).send(asset.bytes);
    });
  }

  app.get('/healthz', async () => ({ status: 'ok', version, pending: drafter.pending, capacity: drafter.capacity }));

  app.get('/api/capabilities', async () => ({
    version,
    formats: DOWNLOAD_FORMATS,
    limits: { maxBodyBytes: limits.maxBodyBytes, draftTimeoutMs: options.timeoutMs },
    ...describeCapabilities(capabilities),
  }));

  const schema = JSON.stringify(statsJsonSchema());
  app.get('/api/schema', (_request, reply) => reply.type('application/schema+json; charset=utf-8').send(schema));

  /** Reads the body and drafts it on the pool: the draft, or the refusal to send. */
  async function draftUpload(request: FastifyRequest): Promise<Drafted | Refusal> {
    const input = await readInput(upload(request), capabilities);
    if (!input.ok) return input.status === 415 ? unsupported(input.problems) : invalid(input.problems);
    try {
      return { ok: true, input, draft: await drafter.draft(input.data) };
    } catch (error) {
      if (error instanceof StatsError) return { ...invalid(error.issues.map((issue) => issueProblem(issue, input.locate))), input: input.data };
      if (error instanceof BusyError) {
        const seconds = error.retryAfterSeconds;
        return refusal(503, 'busy', `服务器繁忙，请 ${seconds} 秒后再试`, `the server is busy: retry in ${seconds} s`, {}, { 'retry-after': String(seconds) });
      }
      if (error instanceof DraftTimeoutError) {
        const seconds = options.timeoutMs / 1000;
        return refusal(504, 'draft_timeout', `生成超时（超过 ${seconds} 秒）`, `drafting took longer than ${seconds} s`);
      }
      if (error instanceof TemplateError) {
        // The operator's template (serve -t) failed on this input: say where, as the CLI does.
        log(error.message);
        return refusal(500, 'template_error', error.message, error.message);
      }
      throw error;
    }
  }

  app.post('/api/validate', async (request, reply) => {
    const result = await draftUpload(request);
    // An input with problems is a validation that worked: 200, with the problems.
    if (!result.ok && result.status === 422) return { valid: false, problems: result.body.problems, warnings: [], ...('input' in result ? { input: result.input } : {}) };
    if (!result.ok) return send(reply, result);
    const { draft, input } = result;
    return { valid: true, title: draft.report.title, problems: [], warnings: warnings(draft, input), input: input.data };
  });

  app.post('/api/draft', async (request, reply) => {
    const format = (request.query as { format?: string }).format ?? 'pdf';
    if (!DOWNLOAD_FORMATS.includes(format as DownloadFormat)) {
      return fail(reply, 400, 'bad_format', `format 应为 ${DOWNLOAD_FORMATS.join('、')} 之一`, `format must be one of ${DOWNLOAD_FORMATS.join(', ')}`);
    }
    const result = await draftUpload(request);
    if (!result.ok) return send(reply, result);
    const file = download(result.draft, format as DownloadFormat);
    return reply
      .type(file.type)
      .header('content-disposition', contentDisposition(file.fileName))
      .header('x-zongjie-warnings', String(result.draft.warnings.length))
      .send(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength));
  });

  app.post('/api/preview', async (request, reply) => {
    const result = await draftUpload(request);
    if (!result.ok) return send(reply, 'input' in result ? { ...result, body: { ...result.body, input: result.input } } : result);
    const { draft, input } = result;
    const base = download(draft, 'pdf').fileName.replace(/\.pdf$/, '');
    return {
      title: draft.report.title,
      fileName: base,
      input: input.data,
      warnings: warnings(draft, input),
      text: new TextDecoder().decode(draft.outputs.md),
      pdf: Buffer.from(draft.outputs.pdf!).toString('base64'),
    };
  });

  if (capabilities.blankWorkbook) {
    const blank = capabilities.blankWorkbook;
    app.get('/api/workbook', async (request, reply) => {
      const kind = (request.query as { kind?: string }).kind ?? 'school';
      if (kind !== 'school' && kind !== 'bureau') return fail(reply, 400, 'bad_kind', 'kind 应为 school 或 bureau', 'kind must be school or bureau');
      const bytes = await blank(kind);
      const name = kind === 'school' ? '学校资助统计表.xlsx' : '教育局资助统计表.xlsx';
      return reply.type(XLSX_TYPE).header('content-disposition', contentDisposition(name)).send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    });
  }

  if (capabilities.aggregate) {
    const aggregate = capabilities.aggregate;
    app.post('/api/aggregate', async (request, reply) => {
      const body = await readInput({ ...upload(request), contentType: 'application/json', fileName: 'aggregate.json' }, {});
      if (!body.ok) return send(reply, body.status === 415 ? unsupported(body.problems) : invalid(body.problems));
      const parsed = aggregateRequest(body.data);
      if (typeof parsed === 'string') return fail(reply, 400, 'bad_request', `汇总请求无效：${parsed}`, `invalid aggregate request: ${parsed}`);
      const result = await aggregate(parsed.schools, { organisation: { ...parsed.organisation, kind: 'bureau' }, year: parsed.year });
      if ('problems' in result) return send(reply, invalid(result.problems));
      return { stats: result.stats, table: result.table, warnings: result.warnings.map((w) => warningProblem(w)) };
    });
  }

  return app;
}

type Drafted = { ok: true; input: Extract<InputResult, { ok: true }>; draft: Draft };
/** A reply refusing the request: its status, the error body, and headers such as Retry-After. */
type Refusal = {
  ok: false;
  status: number;
  body: { error: { code: string; message: { zh: string; en: string } }; problems?: Problem[]; input?: unknown };
  headers: Record<string, string>;
  /** The input as read, when it was read but is invalid: the page edits its text to fix it. */
  input?: unknown;
};

function refusal(status: number, code: string, zh: string, en: string, extra: { problems?: Problem[] } = {}, headers: Record<string, string> = {}): Refusal {
  return { ok: false, status, body: { error: { code, message: { zh, en } }, ...extra }, headers };
}

function invalid(problems: Problem[]): Refusal {
  const count = problems.length;
  return refusal(422, 'invalid_input', `数据有 ${count} 处问题`, `${count} problem${count === 1 ? '' : 's'} in the data`, { problems });
}

function unsupported(problems: Problem[]): Refusal {
  const { zh, en } = problems[0]!.message;
  return refusal(415, 'unsupported_type', zh, en, { problems });
}

function send(reply: FastifyReply, refused: Refusal): FastifyReply {
  return reply.code(refused.status).headers(refused.headers).type('application/json; charset=utf-8').send(refused.body);
}

/** The request's body as an upload: its bytes, the file name from `?name=`, its declared type. */
function upload(request: FastifyRequest) {
  const body = request.body;
  const bytes = body instanceof Uint8Array ? body : new Uint8Array();
  const fileName = (request.query as { name?: unknown }).name;
  const contentType = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  return { bytes, ...(typeof fileName === 'string' ? { fileName: fileName.slice(0, 255) } : {}), contentType };
}

/** The draft's warnings at their places in the file, after what the reader said of the file itself. */
function warnings(draft: Draft, input: Pick<Extract<InputResult, { ok: true }>, 'locate' | 'warnings'>): Problem[] {
  return [...(input.warnings ?? []), ...draft.warnings.map((w) => warningProblem(w, input.locate))];
}

/** An error reply: a code and a message in Chinese and English. */
function fail(reply: FastifyReply, status: number, code: string, zh: string, en: string): FastifyReply {
  return send(reply, refusal(status, code, zh, en));
}

function isLoopbackHost(host: string | undefined): boolean {
  if (!host) return false;
  const name = host.replace(/:\d+$/, '').toLowerCase();
  return name === 'localhost' || name === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(name);
}

function aggregateRequest(data: unknown): { organisation: { name: string; region?: string; parent?: string }; year: number; schools: SchoolInput[] } | string {
  const body = data as { organisation?: { name?: unknown; region?: unknown; parent?: unknown }; year?: unknown; schools?: unknown } | null;
  if (typeof body !== 'object' || body === null) return 'body';
  const name = body.organisation?.name;
  if (typeof name !== 'string' || !name.trim()) return 'organisation.name';
  if (!Number.isInteger(body.year)) return 'year';
  if (!Array.isArray(body.schools) || body.schools.length === 0) return 'schools';
  const schools: SchoolInput[] = [];
  for (const [i, school] of body.schools.entries()) {
    if (typeof school?.name !== 'string' || typeof school.stats !== 'object' || school.stats === null) return `schools[${i}]`;
    schools.push({ name: school.name, stats: school.stats });
  }
  const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
  const region = text(body.organisation?.region);
  const parent = text(body.organisation?.parent);
  return { organisation: { name: name.trim(), ...(region ? { region } : {}), ...(parent ? { parent } : {}) }, year: body.year as number, schools };
}

