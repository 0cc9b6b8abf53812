import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';

/**
 * The page's files, read once when the server starts from `page/` beside
 * this module (src/server/page, or dist/page in the package) and served from
 * memory: a request's path only looks a name up in this fixed table.
 */
export interface Asset {
  type: string;
  bytes: Buffer;
  etag: string;
}

const FILES: Record<string, string> = {
  '/': 'index.html',
  '/app.js': 'app.js',
  '/style.css': 'style.css',
  '/favicon.svg': 'favicon.svg',
};

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  svg: 'image/svg+xml',
};

export async function loadAssets(dir: URL = new URL('./page/', import.meta.url)): Promise<Map<string, Asset>> {
  const assets = new Map<string, Asset>();
  for (const [route, name] of Object.entries(FILES)) {
    const bytes = await readFile(new URL(name, dir));
    const etag = `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 16)}"`;
    assets.set(route, { type: TYPES[name.split('.').pop()!]!, bytes, etag });
  }
  return assets;
}
