import { createAggregator, AggregateError, type AggregateOptions, type AggregateResult } from '../aggregate/index.js';
import { readStatsFile } from './stats-file.js';

export interface AggregateFilesOptions extends AggregateOptions {
  /** How warnings and errors name a file (default: its path as given). */
  name?: (file: string) => string;
  /** Called before each file is read, and after it with its error if it failed. */
  onFile?: (event: { file: string; index: number; total: number; error?: unknown; done: boolean }) => void;
}

/**
 * Aggregates stats files one at a time: each is validated and folded into
 * the running totals as it arrives (a few are read ahead), so memory does
 * not grow with the documents (only with what the county keeps: projects, a few
 * figures per school). A file that fails is reported and the rest are still
 * read, so every failure is known at once.
 *
 * @throws {AggregateError} listing every file that could not be read or is not valid stats
 */
export async function aggregateFiles(files: readonly string[], options: AggregateFilesOptions): Promise<AggregateResult> {
  const { name = (f: string) => f, onFile, ...aggregateOptions } = options;
  const aggregator = createAggregator(aggregateOptions);
  const failures: { source: string; error: unknown }[] = [];
  // A few files are read ahead while the current one is folded in, so the
  // disk is never waited on; at most READ_AHEAD + 1 documents are in memory.
  const pending: Promise<Read>[] = [];
  let requested = 0;
  const refill = () => {
    while (requested < files.length && pending.length < READ_AHEAD) pending.push(read(files[requested++]!, name));
  };
  refill();
  for (const [index, file] of files.entries()) {
    onFile?.({ file, index, total: files.length, done: false });
    const current = await pending.shift()!;
    refill();
    try {
      if ('error' in current) throw current.error;
      aggregator.add(current.data, name(file));
      onFile?.({ file, index, total: files.length, done: true });
    } catch (error) {
      failures.push({ source: name(file), error });
      onFile?.({ file, index, total: files.length, error, done: true });
    }
  }
  if (failures.length) {
    const n = failures.length;
    throw new AggregateError(`${n}个文件无法汇总`, `${n} file${n === 1 ? '' : 's'} could not be aggregated`, failures);
  }
  return aggregator.finish();
}

/** Files read ahead of the one being folded in. */
export const READ_AHEAD = 4;

type Read = { data: unknown } | { error: unknown };

function read(file: string, name: (file: string) => string): Promise<Read> {
  return readStatsFile(file, name(file)).then(
    ({ data }) => ({ data }),
    (error: unknown) => ({ error }),
  );
}
