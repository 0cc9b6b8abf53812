import { availableParallelism } from 'node:os';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { receiveError } from './batch-errors.js';
import type { WorkerJob, WorkerReply, WorkerStatus } from './batch-worker.js';
import type { Draft, DraftOptions } from './draft.js';
import type { Format } from './formats.js';
import { loadTemplateDir } from './templates.js';
import { workerScript } from './worker-script.js';

export interface DraftPoolOptions extends DraftOptions {
  /** Worker threads, a whole number from 1 to 256 (default: the machine's available parallelism). */
  workers?: number;
  /**
   * Longest a draft may take on its worker, in milliseconds (default: no
   * limit). A draft over time fails alone with a {@link DraftTimeoutError};
   * its worker is stopped and replaced.
   */
  timeoutMs?: number;
  /**
   * Node's heap limits for each worker. A worker that exceeds them (a huge
   * input, say) stops: its draft fails and a new worker takes its place,
   * while the host process is untouched.
   */
  resourceLimits?: ResourceLimits;
}

/** A draft that took longer than the pool's `timeoutMs`: its worker was stopped and replaced. */
export class DraftTimeoutError extends Error {
  override readonly name = 'DraftTimeoutError';
  constructor(readonly timeoutMs: number) {
    super(`生成超时（超过 ${timeoutMs / 1000} 秒），已停止 / the draft took longer than ${timeoutMs / 1000} s and was stopped`);
  }
}

/** Most worker threads a pool starts: far above any machine's cores, far below what exhausts memory. */
const MAX_WORKERS = 256;

/** Per call: other formats than the pool's (`[]` composes only, for the report and its warnings). */
export interface JobOptions {
  formats?: readonly Format[];
}

/** One input's outcome, in input order. `worker` is the thread that drafted it. */
export type BatchResult = { index: number; worker: number } & ({ ok: true; draft: Draft } | { ok: false; error: Error });

/**
 * Worker threads that stay started between drafts: each has its modules
 * imported, fonts loaded and code warmed up, so a service pays the start-up
 * (about a second a worker) once instead of for every batch.
 */
export interface DraftPool extends AsyncDisposable {
  /** How many worker threads the pool keeps. */
  readonly size: number;
  /** Drafts one input on the next free worker; rejects with the error `draftReport` would throw. */
  draft(input: unknown, options?: JobOptions): Promise<Draft>;
  /**
   * Drafts many inputs, yielding results in input order as they are ready.
   * An input that fails yields its error and the rest go on. Inputs are read
   * lazily, a few per worker ahead of the caller, so a long batch runs in
   * bounded memory.
   */
  batch(inputs: Iterable<unknown> | AsyncIterable<unknown>, options?: JobOptions): AsyncGenerator<BatchResult, void, undefined>;
  /** Resolves when every worker has imported its modules and loaded its fonts. */
  ready(): Promise<void>;
  /** Stops the workers; drafts still waiting reject. */
  close(): Promise<void>;
}

/** What became of one input; `worker` is 0 when no worker took it. */
type Outcome = { worker: number } & ({ ok: true; draft: Draft } | { ok: false; error: Error });

interface Job {
  input: unknown;
  formats?: readonly Format[];
  settle(outcome: Outcome): void;
}

interface Slot {
  worker: Worker;
  id: number;
  job?: Job;
  /** The running job's time limit. */
  timer?: ReturnType<typeof setTimeout>;
  started: boolean;
  warm: Promise<void>;
}

/**
 * Starts a pool of worker threads that draft reports with the given options.
 * Idle workers do not keep the process alive; `close()` stops them.
 *
 * @example
 * const pool = createDraftPool({ formats: ['docx', 'pdf'] }); // once, when the service starts
 * const draft = await pool.draft(stats); // in a request handler: no start-up, no blocked event loop
 * await pool.close(); // or `await using pool = …` where supported
 */
export function createDraftPool(options: DraftPoolOptions = {}): DraftPool {
  const { workers, resourceLimits, timeoutMs, ...draftOptions } = options;
  const size = workers ?? availableParallelism();
  // NaN (an unset environment variable) would start no worker and leave every draft waiting; Infinity spawns until V8 aborts.
  if (!Number.isInteger(size) || size < 1 || size > MAX_WORKERS) {
    throw new RangeError(`createDraftPool: workers must be a whole number from 1 to ${MAX_WORKERS}, received ${String(workers)}`);
  }
  if (timeoutMs !== undefined && !(timeoutMs > 0 && timeoutMs <= 2 ** 31 - 1)) {
    throw new RangeError(`createDraftPool: timeoutMs must be a positive number of milliseconds, received ${String(timeoutMs)}`);
  }
  const queue: Job[] = [];
  const slots: Slot[] = [];
  let closed = false;
  /** Why no worker can start (a broken install, an unreadable template directory): every draft fails with it. */
  let fatal: Error | undefined;

  // A template directory is read once here, not once per input in every worker.
  const shared: Promise<DraftOptions> =
    typeof draftOptions.template === 'string' && draftOptions.template !== 'school' && draftOptions.template !== 'bureau'
      ? loadTemplateDir(draftOptions.template).then((template) => ({ ...draftOptions, template }))
      : Promise.resolve(draftOptions);
  const spawned = shared.then(
    (options) => {
      if (!closed) for (let i = 0; i < size; i++) spawn(options);
    },
    (error: Error) => fail(error),
  );

  function spawn(options: DraftOptions): void {
    const { script, eval: evaluate } = workerScript();
    const worker = new Worker(script, { eval: evaluate, workerData: { options }, ...(resourceLimits ? { resourceLimits } : {}) });
    let warmed!: () => void;
    const slot: Slot = { worker, id: worker.threadId, started: false, warm: new Promise((resolve) => (warmed = resolve)) };
    worker.on('message', (message: WorkerReply | WorkerStatus) => {
      if ('status' in message) {
        // The clock of a job sent while the worker was starting runs from now: start-up is not the draft's time.
        if (!slot.started && slot.job) startClock(slot, slot.job);
        slot.started = true;
        if (message.status === 'warm') warmed();
        return;
      }
      const job = slot.job;
      slot.job = undefined;
      clearTimeout(slot.timer);
      worker.unref();
      job?.settle(message.ok ? { worker: slot.id, ok: true, draft: message.draft } : { worker: slot.id, ok: false, error: receiveError(message.error) });
      pump();
    });
    const stopped = (error: Error) => {
      if (!slots.includes(slot)) return;
      slots.splice(slots.indexOf(slot), 1);
      warmed();
      clearTimeout(slot.timer);
      slot.job?.settle({ worker: slot.id, ok: false, error: new Error(`worker ${slot.id} stopped while drafting: ${error.message}`, { cause: error }) });
      slot.job = undefined;
      if (closed) return;
      // A worker that could not start will not start next time either; one that crashed later is replaced.
      if (!slot.started) fail(error);
      else {
        spawn(options);
        pump();
      }
    };
    worker.on('error', stopped);
    worker.on('exit', (code) => stopped(new Error(`exited with code ${code}`)));
    worker.unref(); // referenced only while it drafts (after the listeners: adding one refers it again)
    slots.push(slot);
    pump();
  }

  function fail(error: Error): void {
    fatal ??= error;
    for (const job of queue.splice(0)) job.settle({ worker: 0, ok: false, error });
  }

  function pump(): void {
    for (const slot of slots) {
      if (queue.length === 0) return;
      if (slot.job) continue;
      const job = queue.shift()!;
      slot.job = job;
      slot.worker.ref();
      try {
        slot.worker.postMessage({ input: job.input, ...(job.formats ? { formats: [...job.formats] } : {}) } satisfies WorkerJob);
        if (slot.started) startClock(slot, job);
      } catch (error) {
        slot.job = undefined; // not cloneable (a function, a symbol): this input fails, the worker is fine
        slot.worker.unref();
        job.settle({ worker: slot.id, ok: false, error: error as Error });
      }
    }
  }

  function startClock(slot: Slot, job: Job): void {
    if (timeoutMs !== undefined) slot.timer = setTimeout(() => expire(slot, job), timeoutMs);
  }

  /** A draft over time: it fails alone, and its worker (busy, perhaps for good) is stopped and replaced. */
  function expire(slot: Slot, job: Job): void {
    if (slot.job !== job || !slots.includes(slot)) return;
    slots.splice(slots.indexOf(slot), 1);
    slot.job = undefined;
    job.settle({ worker: slot.id, ok: false, error: new DraftTimeoutError(timeoutMs!) });
    void slot.worker.removeAllListeners().terminate();
    if (closed) return;
    void shared.then((options) => {
      if (!closed) spawn(options);
    });
  }

  /** Queues an input; the promise never rejects, it settles with the outcome. */
  function run(input: unknown, formats?: readonly Format[]): Promise<Outcome> {
    if (fatal) return Promise.resolve({ worker: 0, ok: false, error: fatal });
    if (closed) return Promise.resolve({ worker: 0, ok: false, error: new Error('createDraftPool: the pool is closed') });
    return new Promise((settle) => {
      queue.push({ input, settle, ...(formats ? { formats } : {}) });
      pump();
    });
  }

  async function* batch(inputs: Iterable<unknown> | AsyncIterable<unknown>, job: JobOptions = {}): AsyncGenerator<BatchResult, void, undefined> {
    const source: Iterator<unknown> | AsyncIterator<unknown> =
      Symbol.asyncIterator in inputs ? (inputs as AsyncIterable<unknown>)[Symbol.asyncIterator]() : (inputs as Iterable<unknown>)[Symbol.iterator]();
    const ahead = size * 4; // results held ahead of the one the caller waits for
    const pending: Promise<BatchResult>[] = [];
    let taken = 0;
    let exhausted = false;
    const closedError = () => new Error('createDraftPool: the pool is closed');
    if (closed) throw closedError();
    try {
      for (;;) {
        // Closed under the batch: end it once, not with an error per input of an endless source.
        if (closed) throw closedError();
        while (!exhausted && pending.length < ahead) {
          const item = await source.next();
          if (item.done) exhausted = true;
          else {
            const index = taken++;
            pending.push(run(item.value, job.formats).then((outcome): BatchResult => ({ index, ...outcome })));
          }
        }
        const next = pending.shift();
        if (!next) return;
        const result = await next;
        if (!result.ok && result.error === fatal) throw fatal;
        if (closed) throw closedError();
        yield result;
      }
    } finally {
      if (!exhausted) await source.return?.();
    }
  }

  async function close(): Promise<void> {
    closed = true;
    for (const job of queue.splice(0)) job.settle({ worker: 0, ok: false, error: new Error('createDraftPool: the pool was closed before this input was drafted') });
    await spawned;
    await Promise.all(
      slots.splice(0).map((slot) => {
        clearTimeout(slot.timer);
        slot.job?.settle({ worker: slot.id, ok: false, error: new Error('createDraftPool: the pool was closed while this input was drafted') });
        return slot.worker.removeAllListeners().terminate();
      }),
    );
  }

  return {
    size,
    async draft(input, job = {}) {
      const outcome = await run(input, job.formats);
      if (!outcome.ok) throw outcome.error;
      return outcome.draft;
    },
    batch,
    async ready() {
      await spawned;
      if (fatal) throw fatal;
      // Idle workers are unreferenced: hold them while waiting, or the process could end under the caller.
      const starting = [...slots];
      for (const slot of starting) slot.worker.ref();
      try {
        await Promise.all(starting.map((slot) => slot.warm));
      } finally {
        for (const slot of starting) if (!slot.job) slot.worker.unref();
      }
      if (fatal) throw fatal;
    },
    close,
    [Symbol.asyncDispose]: close,
  };
}
