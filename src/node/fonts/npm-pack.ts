import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { FontInstallError } from './error.js';
import type { FontPackage } from './defaults.js';

/**
 * A pinned package's tarball, fetched by npm itself: `npm pack <name>@<version>`.
 * npm brings what a hand-written download would lack: the registry the user
 * set in .npmrc (a mirror such as npmmirror in a Chinese office), proxies,
 * certificates, authentication, retries, and its own cache (--prefer-offline:
 * a tarball npm already has is not downloaded again; the integrity pin makes
 * that as safe as a fresh one). Run in the caller's directory so that a
 * project's .npmrc counts too. Returns the tarball's path in `dir`.
 *
 * @throws {FontInstallError} naming what went wrong (network, registry, disk, npm missing).
 */
export async function npmPack(pkg: FontPackage, dir: string, runNpm: NpmRunner = runNpmCli): Promise<string> {
  const spec = `${pkg.name}@${pkg.version}`;
  const args = ['pack', spec, '--pack-destination', dir, '--json', '--ignore-scripts', '--prefer-offline', '--no-fund', '--no-audit'];
  const { code, stdout, stderr, spawnError } = await runNpm(args);
  if (spawnError) {
    throw new FontInstallError('npm', `找不到 npm，无法下载字体 / npm was not found, so the fonts cannot be fetched: ${spawnError.message}`, [
      '  npm 随 Node.js 安装；请确认 npm 在 PATH 中 / npm comes with Node.js: check that it is on the PATH',
    ]);
  }
  if (code !== 0) throw packError(spec, stdout, stderr);
  const filename = (parseJson(stdout) as { filename?: string }[] | undefined)?.[0]?.filename;
  if (!filename) throw new FontInstallError('npm', `npm pack ${spec} 没有给出文件名 / npm pack ${spec} named no tarball`, lastLines(stdout || stderr));
  return join(dir, filename);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined; // not what --json promises (an old npm, a wrapper script): the caller says so
  }
}

export interface NpmResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** npm could not be started at all. */
  spawnError?: Error;
}

export type NpmRunner = (args: string[]) => Promise<NpmResult>;

/**
 * Runs npm: the very npm that started us when run by `npx` or an npm script
 * (npm_execpath), else `npm` from the PATH (`npm.cmd` through the shell on Windows).
 */
export function runNpmCli(args: string[]): Promise<NpmResult> {
  const execpath = process.env.npm_execpath;
  const viaNode = execpath && /npm-cli\.[cm]?js$/.test(execpath);
  const [command, commandArgs, shell] = viaNode
    ? [process.execPath, [execpath, ...args], false]
    : process.platform === 'win32'
      ? ['npm.cmd', args.map(quotedForCmd), true] // a .cmd runs only through the shell, which splits at spaces
      : ['npm', args, false];
  return new Promise((resolve) => {
    execFile(command, commandArgs, { shell, maxBuffer: 64 << 20, windowsHide: true }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      // ENOENT when spawning: no npm (an exit code or a full buffer is npm's own failure).
      const spawnError = error && (error as NodeJS.ErrnoException).syscall?.startsWith('spawn') ? error : undefined;
      resolve({ code, stdout, stderr, ...(spawnError ? { spawnError } : {}) });
    });
  });
}

/** An argument for cmd.exe: quoted when it has a space or a character cmd reads (a temporary directory under C:\Users\Li Ming). */
function quotedForCmd(arg: string): string {
  return /[\s"&|<>^%]/.test(arg) ? `"${arg.replace(/"/g, '""')}"` : arg;
}

/** npm's error codes, by what the user can do about them. */
const NETWORK = /^(ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET|ECONNREFUSED|ENETUNREACH|EHOSTUNREACH|ENOTCACHED|ERR_SOCKET_TIMEOUT|EPROTO|FETCH_ERROR|E5\d\d|.*CERT.*|.*SSL.*)$/;
const REGISTRY = /^(E404|E401|E403|E402|ETARGET|ENOVERSIONS|E400)$/;
const DISK = /^(ENOSPC|EACCES|EPERM|EROFS|EDQUOT|EMFILE)$/;

/**
 * npm's failure as a FontInstallError. With --json, npm 7 and later print
 * `{ error: { code, summary, detail } }` on stdout; older ones only say
 * `npm ERR! code …` on stderr.
 */
export function packError(spec: string, stdout: string, stderr: string): FontInstallError {
  const reported = (parseJson(stdout) as { error?: { code?: string; summary?: string; detail?: string } } | undefined)?.error;
  const code = reported?.code ?? /npm (?:error|ERR!) code (\S+)/.exec(stderr)?.[1] ?? '';
  const details = reported ? [reported.summary, reported.detail].filter((line): line is string => Boolean(line)).map((line) => `  ${line}`) : lastLines(stderr);
  if (NETWORK.test(code)) {
    return new FontInstallError(
      'network',
      `无法从 npm 仓库下载 ${spec}（网络错误 ${code}），请检查网络、代理（npm config get proxy）和 .npmrc 中的 registry（可用国内镜像）/ ` +
        `could not download ${spec} from the npm registry (network error ${code}): check the network, the proxy (npm config get proxy) and the registry in .npmrc (a mirror will do)`,
      details,
    );
  }
  if (REGISTRY.test(code)) {
    return new FontInstallError(
      'registry',
      `npm 仓库没有提供 ${spec}（${code}），请检查 .npmrc 中的 registry 是否完整镜像了 npm / ` +
        `the npm registry did not serve ${spec} (${code}): check that the registry in .npmrc mirrors npm in full`,
      details,
    );
  }
  if (code === 'EINTEGRITY') {
    return new FontInstallError('integrity', `npm 下载的 ${spec} 校验不符（EINTEGRITY），未写入任何文件 / npm found ${spec} damaged (EINTEGRITY); nothing was written`, details);
  }
  if (DISK.test(code)) {
    return new FontInstallError('disk', `npm 无法写入（${code}：磁盘已满或没有权限）/ npm could not write (${code}: disk full or no permission)`, details);
  }
  return new FontInstallError('npm', `npm pack ${spec} 失败${code ? `（${code}）` : ''} / npm pack ${spec} failed${code ? ` (${code})` : ''}`, details);
}

/** The end of npm's output, indented: enough to see its own error, not its whole log. */
function lastLines(text: string, count = 6): string[] {
  return text
    .split('\n')
    .map((line) => line.trimEnd())
    .filter(Boolean)
    .slice(-count)
    .map((line) => `  ${line}`);
}
