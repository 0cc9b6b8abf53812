/**
 * A draftBatch worker thread (src/node/batch.ts): drafts the inputs it is
 * sent, one at a time, with its own font and template caches. Built as its
 * own entry (dist/batch-worker.js and .cjs) next to the bundles that start it.
 */
import { parentPort, threadId, workerData } from 'node:worker_threads';
import { sendError } from './batch-errors.js';
import { draftReport, type DraftOptions } from './draft.js';
import { loadFonts } from './fonts/index.js';

export interface WorkerJob {
  index: number;
  input: unknown;
}

export type WorkerReply =
  | { index: number; ok: true; draft: Awaited<ReturnType<typeof draftReport>> }
  | { index: number; ok: false; error: ReturnType<typeof sendError> };

const port = parentPort;
if (!port) throw new Error('batch-worker: run by draftBatch as a worker thread');
const options = (workerData as { options: DraftOptions }).options;

// Fonts load while the first input is on its way.
if ((options.formats ?? ['pdf']).includes('pdf')) loadFonts({ fonts: options.fonts }).catch(() => {}); // reported per input

port.on('message', async ({ index, input }: WorkerJob) => {
  try {
    const draft = await draftReport(input, options);
    const transfer = Object.values(draft.outputs).map(own);
    draft.outputs = Object.fromEntries(Object.entries(draft.outputs).map(([format], i) => [format, transfer[i]!]));
    port.postMessage({ index, ok: true, draft } satisfies WorkerReply, transfer.map((bytes) => bytes.buffer));
  } catch (error) {
    port.postMessage({ index, ok: false, error: sendError(error) } satisfies WorkerReply);
  }
});
port.postMessage({ ready: threadId });

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
