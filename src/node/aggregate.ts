import { createAggregator, AggregateError, type AggregateOptions, type AggregateResult } from '../aggregate/index.js';
import { readStatsFile } from './stats-file.js';

export interface AggregateFilesOptions extends AggregateOptions {
  /** How warnings and errors name a file (default: its path as given). */
  name?: (file: string) => string;
  /** Called before each file is read, and after it with its error if it failed. */
  onFile?: (event: { file: string; index: number; total: number; error?: unknown; done: boolean }) => void;
}

/**
 * Aggregates stats files one at a time: each is read, validated and folded
 * into the running totals before the next is read, so memory does not grow
 * with the documents (only with what the county keeps: projects, a few
 * figures per school). A file that fails is reported and the rest are still
 * read, so every failure is known at once.
 *
 * @throws {AggregateError} listing every file that could not be read or is not valid stats
 */
export async function aggregateFiles(files: readonly string[], options: AggregateFilesOptions): Promise<AggregateResult> {
  const { name = (f: string) => f, onFile, ...aggregateOptions } = options;
  const aggregator = createAggregator(aggregateOptions);
  const failures: { source: string; error: unknown }[] = [];
  // The next file is read while this one is folded in: at most two documents in memory.
  let next = files.length ? read(files[0]!, name) : undefined;
  for (const [index, file] of files.entries()) {
    onFile?.({ file, index, total: files.length, done: false });
    const current = await next!;
    next = index + 1 < files.length ? read(files[index + 1]!, name) : undefined;
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

function read(file: string, name: (file: string) => string): Promise<{ data: unknown } | { error: unknown }> {
  return readStatsFile(file, name(file)).then(
    (data) => ({ data }),
    (error: unknown) => ({ error }),
  );
}
