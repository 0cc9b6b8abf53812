import { MultiBar, Presets } from 'cli-progress';

/** Where messages go: results on stdout, warnings and errors on stderr. */
export interface Output {
  out(text: string): void;
  err(text: string): void;
}

export const stdio: Output = {
  out: (text) => void process.stdout.write(`${text}\n`),
  err: (text) => void process.stderr.write(`${text}\n`),
};

/** A batch's progress: `start` before a file, `done` after it; `output` prints without breaking the bar. */
export interface Progress {
  output: Output;
  start(label: string): void;
  done(): void;
  stop(): void;
}

/**
 * A progress bar on stderr when it is a terminal. Its own signal handling
 * (gracefulExit) stays off: it stopped only the bar and swallowed Ctrl-C;
 * `zongjie draft` handles SIGINT and SIGTERM itself. Elsewhere (a pipe, a log,
 * CI) there is no bar: each file's own result line is the progress.
 */
export function createProgress(total: number, output: Output = stdio): Progress {
  if (!process.stderr.isTTY) return { output, start() {}, done() {}, stop() {} };

  const bars = new MultiBar(
    { stream: process.stderr, format: '{bar} {value}/{total} {file}', clearOnComplete: true, hideCursor: true },
    Presets.shades_classic,
  );
  const bar = bars.create(total, 0, { file: '' });
  // Lines bound for the same terminal go above the bar; a redirected stdout is written to directly.
  const above = (text: string) => {
    bars.log(`${text}\n`);
    bars.update();
  };
  return {
    output: { out: process.stdout.isTTY ? above : output.out, err: above },
    start(label) {
      bar.update({ file: label });
      bars.update();
    },
    done() {
      bar.increment();
      bars.update();
    },
    stop() {
      bars.update();
      bars.stop();
    },
  };
}
