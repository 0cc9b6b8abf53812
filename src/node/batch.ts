import type { DraftOptions } from './draft.js';
import { createDraftPool, type BatchResult, type DraftPoolOptions } from './pool.js';

export type { BatchResult };

export interface BatchOptions {
  /** Worker threads, 1 to 256 (default: the machine's available parallelism). */
  workers?: number;
  /** Longest one draft may take, in milliseconds (default: no limit); see {@link DraftPoolOptions.timeoutMs}. */
  timeoutMs?: number;
}

/**
 * Drafts many inputs on a pool of worker threads started for this batch and
 * stopped after it, yielding the results in input order as they are ready.
 * An input that fails yields its error (the same error classes
 * `draftReport` throws) and the rest go on. Inputs are read lazily and at
 * most a few per worker are held, so a long batch runs in bounded memory.
 * A service drafting batch after batch keeps a {@link createDraftPool} instead.
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
  const pool = createDraftPool({
    ...options,
    ...(batch.workers !== undefined ? { workers: batch.workers } : {}),
    ...(batch.timeoutMs !== undefined ? { timeoutMs: batch.timeoutMs } : {}),
  });
  try {
    yield* pool.batch(inputs);
  } finally {
    await pool.close();
  }
}
