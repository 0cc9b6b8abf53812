/**
 * `zongjie serve` from the built CLI, as a user starts it: the URL printed,
 * the page and API answering there, Ctrl+C stopping it cleanly.
 */
import { spawn } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI, ensureBuilt, ROOT, STACK_FRAME, zongjie } from './support.js';

beforeAll(ensureBuilt);

describe('zongjie serve', () => {
  it('prints the URL on 127.0.0.1, serves the page and the API there, and stops on Ctrl+C with exit 0', async () => {
    const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--workers', '1'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk;
        const found = /zongjie serve: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout);
        if (found) resolve(found[1]!);
      });
      child.on('exit', (code) => reject(new Error(`exited ${code}: ${stderr}`)));
    });
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('学生资助工作总结');
    const schema = await fetch(`${url}api/schema`);
    expect((await schema.json()).title).toBe('zongjie YearlyStats');
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(stderr).toContain('正在停止 / stopping');
    expect(stderr).not.toMatch(STACK_FRAME);
  });

  it('a bad port is a usage error; a template directory that is not one fails before listening', async () => {
    const port = await zongjie(['serve', '--port', 'http']);
    expect(port.code).toBe(2);
    expect(port.stderr).toContain('--port 应为 0–65535 的整数');
    const template = await zongjie(['serve', '--port', '0', '-t', 'no-such-template-dir']);
    expect(template.code).toBe(1);
    expect(template.stderr).toContain('模板目录不存在');
    expect(template.stderr).not.toContain('意外错误');
    expect(template.all).not.toMatch(STACK_FRAME);
  });
});
