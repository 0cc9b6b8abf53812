import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { receiveError } from './batch-errors.js';
import type { WorkerJob, WorkerReply } from './batch-worker.js';
import type { Draft, DraftOptions } from './draft.js';
import { loadTemplateDir } from './templates.js';

export interface BatchOptions {
  /** Worker threads (default: the machine's available parallelism). */
  workers?: number;
}

/** One input's outcome, in input order. `worker` is the thread that drafted it. */
export type BatchResult = { index: number; worker: number } & ({ ok: true; draft: Draft } | { ok: false; error: Error });

/**
 * Drafts many inputs on a pool of worker threads, each with its own font and
 * template caches, and yields the results in input order as they are ready.
 * An input that fails yields its error (the same error classes
 * `draftReport` throws) and the rest go on. Inputs are read lazily and at
 * most a few per worker are held, so a long batch runs in bounded memory.
 *
 * @example
 * for await (const result of draftBatch(statsList, { formats: ['docx', 'pdf'] })) {
 *   if (result.ok) await writeDraft(result.draft, 'out');
 *   else console.error(result.index, result.error.message);
 * }
 */
export async function* draftBatch(
  inputs: Iterable<unknown> | AsyncIterable<unknown>,
  options: DraftOptions = {},
  batch: BatchOptions = {},
): AsyncGenerator<BatchResult, void, undefined> {
  const size = Math.max(1, Math.floor(batch.workers ?? availableParallelism()));
  // A template directory is read once here, not once per input in every worker.
  const shared: DraftOptions =
    typeof options.template === 'string' && options.template !== 'school' && options.template !== 'bureau'
      ? { ...options, template: await loadTemplateDir(options.template) }
      : options;
  const source: Iterator<unknown> | AsyncIterator<unknown> =
    Symbol.asyncIterator in inputs ? (inputs as AsyncIterable<unknown>)[Symbol.asyncIterator]() : (inputs as Iterable<unknown>)[Symbol.iterator]();
  const window = size * 4; // results held ahead of the one the caller waits for

  const done = new Map<number, BatchResult>();
  let next = 0; // next index to yield
  let taken = 0; // inputs taken from the source
  let exhausted = false;
  let fatal: Error | undefined;
  let wake: () => void = () => {};
  const changed = () => wake();

  interface Slot {
    worker: Worker;
    id: number;
    job?: number;
    ready: boolean;
  }
  const slots: Slot[] = [];
  const spawn = (): Slot => {
    const { script, eval: evaluate } = workerScript();
    const worker = new Worker(script, { eval: evaluate, workerData: { options: shared } });
    const slot: Slot = { worker, id: worker.threadId, ready: false };
    worker.on('message', (message: WorkerReply | { ready: number }) => {
      if ('ready' in message) slot.ready = true;
      else {
        slot.job = undefined;
        done.set(message.index, message.ok ? { index: message.index, worker: slot.id, ok: true, draft: message.draft } : { index: message.index, worker: slot.id, ok: false, error: receiveError(message.error) });
      }
      changed();
    });
    const failed = (error: Error) => {
      if (slots.includes(slot)) slots.splice(slots.indexOf(slot), 1);
      if (!slot.ready) fatal ??= error; // a worker that cannot start will not start next time either
      if (slot.job !== undefined) done.set(slot.job, { index: slot.job, worker: slot.id, ok: false, error: new Error(`worker ${slot.id} stopped while drafting input ${slot.job}: ${error.message}`, { cause: error }) });
      slot.job = undefined;
      changed();
    };
    worker.on('error', failed);
    worker.on('exit', (code) => failed(new Error(`exited with code ${code}`)));
    slots.push(slot);
    return slot;
  };

  try {
    for (let i = 0; i < size; i++) spawn();
    for (;;) {
      if (fatal) throw fatal;
      // Hand out inputs to idle workers, keeping at most `window` results ahead of the caller.
      while (!exhausted && taken - next < window) {
        const idle = slots.find((s) => s.job === undefined) ?? (slots.length < size ? spawn() : undefined);
        if (!idle) break;
        const item = await source.next();
        if (item.done) {
          exhausted = true;
          break;
        }
        const index = taken++;
        try {
          idle.worker.postMessage({ index, input: item.value } satisfies WorkerJob);
          idle.job = index;
        } catch (error) {
          done.set(index, { index, worker: idle.id, ok: false, error: error as Error }); // not cloneable
        }
      }
      const result = done.get(next);
      if (result) {
        done.delete(next++);
        yield result;
        continue;
      }
      if (exhausted && next === taken) return;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    wake = () => {};
    await Promise.all(slots.splice(0).map((slot) => slot.worker.removeAllListeners().terminate()));
    if (!exhausted) await source.return?.();
  }
}

/**
 * How to start a worker: `batch-worker.js` (or `.cjs`) beside the built
 * bundle. From the TypeScript sources (vitest, tsx) a small bootstrap first
 * registers tsx and a loader for `.hbs` templates as text, as the build has
 * them, then imports `batch-worker.ts`.
 */
function workerScript(): { script: string | URL; eval: boolean } {
  const here = moduleUrl();
  if (!here.pathname.endsWith('.ts')) {
    return { script: new URL(here.pathname.endsWith('.cjs') ? './batch-worker.cjs' : './batch-worker.js', here), eval: false };
  }
  const worker = new URL('./batch-worker.ts', here).href;
  const script = `import(${JSON.stringify(tsxApi(here))}).then(({ register }) => {
  register();
  require('node:module').register(${JSON.stringify(HBS_AS_TEXT)});
  return import(${JSON.stringify(worker)});
});`;
  return { script, eval: true };
}

/** tsx's ES module API (its `import` export: the CommonJS one registers from the wrong directory). */
function tsxApi(from: URL): string {
  const manifest = createRequire(from).resolve('tsx/package.json');
  const exports = (JSON.parse(readFileSync(manifest, 'utf8')) as { exports: Record<string, { import: { default: string } }> }).exports;
  return new URL(exports['./esm/api']!.import.default, pathToFileURL(manifest)).href;
}

function moduleUrl(): URL {
  // ESM has import.meta.url; the CJS build (where the bundler empties import.meta) has __filename.
  const url = (import.meta as { url?: string }).url;
  return url ? new URL(url) : pathToFileURL(__filename);
}

/** A module-loader hook that imports `.hbs` files as their text (sources only; the build bundles them). */
const HBS_AS_TEXT = `data:text/javascript,${encodeURIComponent(`
import { readFile } from 'node:fs/promises';
export async function load(url, context, next) {
  if (!url.endsWith('.hbs')) return next(url, context);
  const text = await readFile(new URL(url), 'utf8');
  return { format: 'module', source: 'export default ' + JSON.stringify(text), shortCircuit: true };
}`)}`;
