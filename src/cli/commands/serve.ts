import { spawn, spawnSync } from 'node:child_process';
import { access } from 'node:fs/promises';
import type { FontOptions } from '../../node/index.js';
import { startServer } from '../../server/index.js';
import { CliError, EXIT } from '../errors.js';
import { fontPaths } from '../options.js';
import { stdio, type Output } from '../output.js';
import { shownPath } from '../paths.js';

export interface ServeCommandOptions {
  host: string;
  port: number;
  open?: boolean;
  template?: string;
  font?: FontOptions;
  workers?: number;
  queue?: number;
  timeout: number;
  maxBody: number;
}

/**
 * `zongjie serve`: the page and the HTTP API until Ctrl+C (or SIGTERM).
 * Resolves with the exit code once the server has stopped.
 */
export async function serveCommand(options: ServeCommandOptions, output: Output = stdio, stop: Promise<unknown> = signalled()): Promise<number> {
  for (const path of fontPaths(options.font ?? {})) {
    await access(path).catch(() => {
      throw new CliError(`找不到字体文件 / font file not found: ${shownPath(path)}`);
    });
  }
  const server = await startServer({
    host: options.host,
    port: options.port,
    ...(options.template !== undefined ? { template: options.template } : {}),
    ...(options.font ? { fonts: options.font } : {}),
    ...(options.workers !== undefined ? { workers: options.workers } : {}),
    ...(options.queue !== undefined ? { queue: options.queue } : {}),
    timeoutMs: options.timeout * 1000,
    limits: { maxBodyBytes: Math.round(options.maxBody * 1024 * 1024) },
    log: (message) => output.err(`✗ ${message}`),
  }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE') {
      throw new CliError(`端口 ${options.port} 已被占用 / port ${options.port} is in use`, ['  换一个端口：--port 8081，或 --port 0 任选空闲端口 / pick another with --port, or --port 0 for any free one']);
    }
    if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') throw new CliError(`本机没有地址 ${options.host} / no such address on this machine: ${options.host}`);
    throw error;
  });

  output.out(`zongjie serve: ${server.url}`);
  output.out('在浏览器中打开上面的地址；按 Ctrl+C 停止 / open the address in a browser; Ctrl+C stops the server');
  if (!/^(127\.|localhost$|::1$)/.test(options.host)) {
    output.err(`⚠ 监听 ${options.host}：网络上的其他电脑也能访问 / listening on ${options.host}: other computers on the network can reach it`);
  }
  if (options.open) openBrowser(server.url, output);

  await stop;
  output.err('正在停止 / stopping …');
  await server.close();
  return EXIT.ok;
}

/** Resolves on the first Ctrl+C or SIGTERM. */
function signalled(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const on = (signal: NodeJS.Signals) => {
      process.off('SIGINT', on).off('SIGTERM', on);
      resolve(signal);
    };
    process.on('SIGINT', on).on('SIGTERM', on);
  });
}

/** Opens the URL in the desktop's browser where there is one; says so where there is none (a server, SSH). */
function openBrowser(url: string, output: Output): void {
  const [command, ...args] =
    process.platform === 'win32' ? ['cmd', '/c', 'start', '""', url] : process.platform === 'darwin' ? ['open', url] : ['xdg-open', url];
  const hasXdgOpen = spawnSync('which', ['xdg-open'], { stdio: 'ignore' }).status === 0;
  if (process.platform === 'linux' && (!hasXdgOpen || !(process.env.DISPLAY || process.env.WAYLAND_DISPLAY))) {
    output.err('没有可打开的浏览器，请手动打开上面的地址 / no browser to open here: open the address by hand');
    return;
  }
  const child = spawn(command!, args, { stdio: 'ignore', detached: true, windowsVerbatimArguments: true });
  child.on('error', () => output.err('无法打开浏览器，请手动打开上面的地址 / could not open a browser: open the address by hand'));
  child.unref();
}
