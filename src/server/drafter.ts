import type { Draft } from '../node/draft.js';
import type { DraftPool } from '../node/pool.js';

/**
 * The server's door to the draft pool: at most `workers + queue` drafts are
 * admitted at once (the rest are refused at once with {@link BusyError},
 * which the server answers 503 with Retry-After), and each request waits at
 * most `timeoutMs` for its draft ({@link DraftTimeoutError}, answered 504),
 * so an input or template that runs long fails alone.
 *
 * The clock runs from admission, queue included. A draft over time stays
 * counted as admitted until the pool lets it go, so the queue limit
 * reflects the work really pending; `zongjie serve` gives the pool the same
 * limit (`timeoutMs` on `createDraftPool`), which stops and replaces that
 * worker once the draft has run that long on it (its clock starts when a
 * worker takes the draft, so this one always answers first).
 */
export interface Drafter {
  draft(input: unknown): Promise<Draft>;
  /** Drafts admitted and not yet ended (running or queued in the pool). */
  readonly pending: number;
  readonly capacity: number;
}

export class BusyError extends Error {
  override readonly name = 'BusyError';
  constructor(readonly retryAfterSeconds: number) {
    super(`server busy: retry after ${retryAfterSeconds} s`);
  }
}

export class DraftTimeoutError extends Error {
  override readonly name = 'DraftTimeoutError';
  constructor(readonly timeoutMs: number) {
    super(`the draft took longer than ${timeoutMs} ms`);
  }
}

export interface DrafterOptions {
  /** Drafts waiting for a worker beyond those running, before new ones are refused. */
  queue: number;
  /** Longest a request waits for its draft, queue included. */
  timeoutMs: number;
}

export function createDrafter(pool: Pick<DraftPool, 'draft' | 'size'>, { queue, timeoutMs }: DrafterOptions): Drafter {
  const capacity = pool.size + queue;
  let pending = 0;
  /** Recent draft durations, to tell a refused client when to come back. */
  let average = 0;

  return {
    get pending() {
      return pending;
    },
    capacity,
    draft(input) {
      if (pending >= capacity) {
        // The backlog's expected drain time, at least a second.
        return Promise.reject(new BusyError(Math.max(1, Math.ceil(((pending / pool.size) * average) / 1000))));
      }
      pending++;
      const started = performance.now();
      const drafted = pool.draft(input).finally(() => {
        pending--;
        const took = performance.now() - started;
        average = average === 0 ? took : average * 0.8 + took * 0.2;
      });
      let timer: ReturnType<typeof setTimeout> | undefined;
      const expired = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new DraftTimeoutError(timeoutMs)), timeoutMs);
      });
      drafted.catch(() => {}); // settled after a timeout: nobody waits for it any more
      return Promise.race([drafted, expired]).finally(() => clearTimeout(timer));
    },
  };
}
