// Direct module imports (not the Node barrel) keep the CLI's start-up light.
import { TemplateError } from '../compose/template.js';
import { StatsFileError } from '../node/stats-file.js';
import { TemplateDirError } from '../node/templates.js';
import { FontError, FontInstallError } from '../node/fonts/error.js';
import type { Warning } from '../facts/warning.js';
import type { StatsIssue } from '../schema/issues.js';
import { StatsError } from '../schema/parse.js';
import { JsonSyntaxError, TextEncodingError } from './json.js';
import { shownPath } from './paths.js';

/** Exit codes: 0 done, 1 a file or its data failed, 2 the command line was wrong; 130 and 143 stopped by SIGINT (Ctrl-C) and SIGTERM (128 + the signal's number, as shells report it). */
export const EXIT = { ok: 0, failed: 1, usage: 2, sigint: 130, sigterm: 143 } as const;

/** An error the user can fix, with a message meant for them (Chinese / English). */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    message: string,
    readonly details: string[] = [],
  ) {
    super(message);
  }
}

const FS_ERRORS: Record<string, string> = {
  ENOENT: '找不到文件或目录 / no such file or directory',
  EACCES: '没有权限 / permission denied',
  EPERM: '不允许的操作 / operation not permitted',
  EISDIR: '这是一个目录，不是文件 / is a directory, not a file',
  ENOTDIR: '路径中有一段不是目录 / a part of the path is not a directory',
  EEXIST: '文件已存在 / file already exists',
  EROFS: '只读文件系统 / read-only file system',
  ENOSPC: '磁盘空间不足 / no space left on the device',
  EMFILE: '打开的文件过多 / too many open files',
};

/**
 * An error as lines for the user. Expected errors (bad data, a broken
 * template, JSON syntax, a file that is missing or not writable) read as a
 * message; anything else is one line and a hint, or a stack trace with
 * ZONGJIE_DEBUG=1.
 */
export function describeError(error: unknown, debug = !['', '0', undefined].includes(process.env.ZONGJIE_DEBUG)): string[] {
  if (error instanceof StatsError) return statsErrorLines(error.issues);
  if (error instanceof JsonSyntaxError) return [error.message, ...error.excerpt.map((line) => `  ${line}`)];
  if (error instanceof TemplateError || error instanceof TemplateDirError || error instanceof StatsFileError || error instanceof FontError || error instanceof TextEncodingError) return [error.message];
  if (error instanceof CliError || error instanceof FontInstallError) return [error.message, ...error.details];
  // By name: the pool's module stays unloaded until a batch needs it.
  if ((error as Error | undefined)?.name === 'DraftTimeoutError') return [(error as Error).message];
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code && FS_ERRORS[code]) {
    const path = (error as NodeJS.ErrnoException).path;
    return [`${FS_ERRORS[code]}${path ? `: ${shownPath(path)}` : ''}`];
  }
  if (debug) return [String((error as Error)?.stack ?? error)];
  const message = String((error as Error)?.message ?? error).split('\n')[0];
  return [`意外错误 / unexpected error: ${message}`, '设置 ZONGJIE_DEBUG=1 可查看详情 / set ZONGJIE_DEBUG=1 for details'];
}

/** Every problem with its path, what was expected and what came, in Chinese and English. */
export function statsErrorLines(issues: readonly StatsIssue[]): string[] {
  const head = issues.length === 1 ? '统计数据有 1 处问题 / 1 problem in the stats' : `统计数据有 ${issues.length} 处问题 / ${issues.length} problems in the stats`;
  return [
    head,
    ...issues.flatMap((issue) => [
      `  - ${issue.message.zh}`,
      `    ${issue.message.en}`,
      // Spelled out when the message does not say what came ("is required but missing").
      ...(issue.message.en.includes(issue.received) ? [] : [`    应为 expected: ${issue.expected}；实为 received: ${issue.received}`]),
    ]),
  ];
}

/** Warnings as the user reads them: each with its field path, in Chinese and English. */
export function warningLines(warnings: readonly Warning[]): string[] {
  return warnings.flatMap((w) => [`⚠ ${w.message.zh}`, `  ${w.message.en}`]);
}
