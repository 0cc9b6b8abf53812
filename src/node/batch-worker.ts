/**
 * A draft pool's worker thread (src/node/pool.ts): drafts the inputs it is
 * sent, one at a time, with its own font and template caches. Built as its
 * own entry (dist/batch-worker.js and .cjs) next to the bundles that start it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { sendError } from './batch-errors.js';
import { FORMATS, draftReport, type DraftOptions, type Format } from './draft.js';
import { loadFonts } from './fonts/index.js';

export interface WorkerJob {
  input: unknown;
  /** Other formats than the pool's for this input (`[]`: compose only). */
  formats?: Format[];
}

export type WorkerReply =
  | { ok: true; draft: Awaited<ReturnType<typeof draftReport>> }
  | { ok: false; error: ReturnType<typeof sendError> };

/** `started`: modules imported; `warm`: fonts loaded too (or failed, which each PDF then reports). */
export type WorkerStatus = { status: 'started' | 'warm' };

const port = parentPort;
if (!port) throw new Error('batch-worker: run by createDraftPool as a worker thread');
const options = (workerData as { options: DraftOptions }).options;

port.on('message', async ({ input, formats }: WorkerJob) => {
  try {
    const draft = await draftReport(input, formats ? { ...options, formats } : options);
    const transfer = Object.values(draft.outputs).map(own);
    draft.outputs = Object.fromEntries(Object.entries(draft.outputs).map(([format], i) => [format, transfer[i]!]));
    port.postMessage({ ok: true, draft } satisfies WorkerReply, transfer.map((bytes) => bytes.buffer));
  } catch (error) {
    port.postMessage({ ok: false, error: sendError(error) } satisfies WorkerReply);
  }
});
port.postMessage({ status: 'started' } satisfies WorkerStatus);

// Fonts load while the first input is on its way.
const fonts = (options.formats ?? FORMATS).includes('pdf') ? loadFonts({ fonts: options.fonts }) : Promise.resolve();
fonts.then(
  () => port.postMessage({ status: 'warm' } satisfies WorkerStatus),
  () => port.postMessage({ status: 'warm' } satisfies WorkerStatus),
);

/**
 * Bytes that own their whole buffer, so it can be moved rather than copied.
 * (A Buffer may be a view on a shared pool, which must never be transferred.)
 */
function own(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer) {
    return bytes as Uint8Array<ArrayBuffer>;
  }
  return new Uint8Array(bytes);
}
