import { availableParallelism } from 'node:os';
import type { FastifyInstance } from 'fastify';
import type { DraftOptions } from '../node/draft.js';
import { noFontError } from '../node/fonts/error.js';
import { findsBodyFont } from '../node/fonts/load.js';
import { FORMATS } from '../node/formats.js';
import { createDraftPool, type DraftPool } from '../node/pool.js';
import { buildApp, type Limits } from './app.js';
import { loadAssets } from './assets.js';
import { builtInCapabilities, type Capabilities } from './capabilities.js';
import { createDrafter } from './drafter.js';

/**
 * `zongjie serve` as a function: a draft pool, the page and the API on
 * `host:port`. Templates and fonts come from here (the command line), never
 * from a request.
 */
export interface ServeOptions {
  /** Default 127.0.0.1. Anything else makes the server reachable from the network. */
  host?: string;
  /** Default 0: any free port. */
  port?: number;
  /** Template (`school`, `bureau` or a directory's path) and fonts, as for `zongjie draft`. */
  template?: DraftOptions['template'];
  fonts?: DraftOptions['fonts'];
  /** Worker threads (default: the machine's cores). */
  workers?: number;
  /** Drafts waiting for a worker before new requests are refused with 503 (default: 16 per worker). */
  queue?: number;
  /** Longest a request waits for its draft, in milliseconds (default 60 s). */
  timeoutMs?: number;
  limits?: Partial<Limits>;
  capabilities?: Capabilities;
  log?: (message: string) => void;
}

export interface RunningServer {
  url: string;
  app: FastifyInstance;
  pool: DraftPool;
  close(): Promise<void>;
}

/**
 * @throws {FontError} when no font for the PDF can be found (every draft the
 * server makes includes one): said once, with how to get fonts, not as a 500
 * on every request.
 */
export async function startServer(options: ServeOptions = {}): Promise<RunningServer> {
  if (!(await findsBodyFont({ fonts: options.fonts ?? {} }))) throw noFontError('body');
  const host = options.host ?? '127.0.0.1';
  const workers = options.workers ?? availableParallelism();
  const timeoutMs = options.timeoutMs ?? 60_000;
  const pool = createDraftPool({
    formats: FORMATS,
    workers,
    ...(options.template !== undefined ? { template: options.template } : {}),
    ...(options.fonts ? { fonts: options.fonts } : {}),
    // A huge input stops its own worker, which is replaced; the server's heap is untouched.
    resourceLimits: { maxOldGenerationSizeMb: 1024 },
    // A draft over time has its worker stopped and replaced, so it stops holding a worker too.
    timeoutMs,
  });
  try {
    const [assets] = await Promise.all([loadAssets(), pool.ready()]);
    const drafter = createDrafter(pool, { queue: options.queue ?? 16 * pool.size, timeoutMs });
    const app = buildApp({
      drafter,
      timeoutMs,
      assets,
      capabilities: options.capabilities ?? builtInCapabilities,
      ...(options.limits ? { limits: options.limits } : {}),
      loopback: isLoopback(host),
      ...(options.log ? { log: options.log } : {}),
    });
    await app.listen({ host, port: options.port ?? 0 });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : options.port;
    const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
    return {
      url: `http://${shown}:${port}/`,
      app,
      pool,
      async close() {
        await app.close();
        await pool.close();
      },
    };
  } catch (error) {
    await pool.close();
    throw error;
  }
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}
