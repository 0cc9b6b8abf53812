/**
 * The CLI tests run the real built binary, `node dist/cli.js`, as a user
 * would. `ensureBuilt()` builds once when dist/ is missing or older than the
 * sources; test files run in parallel processes, so a lock makes the others
 * wait for the one that builds instead of cleaning dist/ under each other.
 */
import { execFile, execFileSync } from 'node:child_process';
// @ts-expect-error a plain .mjs script without types
import { isFresh } from '../../scripts/build-if-stale.mjs';
import { mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import { tempDir } from '../support/tools.js';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const CLI = join(ROOT, 'dist', 'cli.js');
export const EXAMPLES = join(ROOT, 'examples');

const LOCK = join(tmpdir(), `zongjie-build-${Buffer.from(ROOT).toString('hex').slice(-32)}.lock`);

/** Builds dist/ with tsup unless it is up to date. Call in `beforeAll`. */
export async function ensureBuilt(): Promise<void> {
  const deadline = Date.now() + 300_000;
  for (;;) {
    if (isFresh()) return;
    try {
      mkdirSync(LOCK);
    } catch {
      // Another test file is building; a lock older than five minutes is left over from a crash.
      const lock = statSync(LOCK, { throwIfNoEntry: false });
      if (lock && Date.now() - lock.mtimeMs > 300_000) rmdirSync(LOCK);
      if (Date.now() > deadline) throw new Error(`waited too long for the build lock ${LOCK}`);
      await new Promise((r) => setTimeout(r, 500));
      continue;
    }
    try {
      if (!isFresh()) execFileSync('npx', ['tsup', '--silent'], { cwd: ROOT, stdio: 'pipe', timeout: 240_000 });
      return;
    } finally {
      rmdirSync(LOCK);
    }
  }
}

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout and stderr together, for "the user sees it" checks. */
  all: string;
}

/** Runs `node dist/cli.js …args` (stdio are pipes, so never a TTY). */
export function zongjie(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Run> {
  return run(process.execPath, [CLI, ...args], options);
}

/** Runs a command and collects its output and exit code; never rejects on a non-zero exit. */
export function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeout?: number } = {}): Promise<Run> {
  const env = { ...process.env, ...options.env };
  if (!options.env || !('ZONGJIE_DEBUG' in options.env)) delete env.ZONGJIE_DEBUG;
  return new Promise((done) => {
    execFile(
      command,
      args,
      { cwd: options.cwd ?? ROOT, env, encoding: 'utf8', maxBuffer: 64 << 20, timeout: options.timeout ?? 120_000 },
      (error, stdout, stderr) => {
        // A signal (the timeout) is -1, never mistaken for an exit code the CLI chose.
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        done({ code, stdout, stderr, all: `${stdout}\n${stderr}` });
      },
    );
  });
}

/** No stack trace: no "    at fn (file:line)" frames. */
export const STACK_FRAME = /^\s+at .+[:(]\d+/m;

/** Every file in a directory, dotfiles (temporary files) included. */
export function listDir(dir: string): string[] {
  return readdirSync(dir).sort();
}

/**
 * A test file's scratch space: `fresh()` gives each test an empty directory
 * of its own under one temporary root, removed after the file's tests.
 */
export function freshDirs(prefix: string): { fresh(): string } {
  const { dir: root, remove } = tempDir(prefix);
  afterAll(remove);
  let n = 0;
  return {
    fresh() {
      const dir = join(root, String(++n));
      mkdirSync(dir);
      return dir;
    },
  };
}
