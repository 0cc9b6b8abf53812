import { readdir, readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { TemplateSource } from '../compose/index.js';

/**
 * Reads a template directory: `report.hbs` and `partials/*.hbs`, the same
 * structure as the built-in templates under templates/.
 *
 * @throws {Error} naming the directory when it has no report.hbs
 */
export async function loadTemplateDir(dir: string): Promise<TemplateSource> {
  const root = resolve(dir);
  const files: Record<string, string> = {};
  try {
    files['report.hbs'] = await readFile(join(root, 'report.hbs'), 'utf8');
  } catch {
    throw new Error(`模板目录缺少 report.hbs / the template directory has no report.hbs: ${root}`);
  }
  const partials = await readdir(join(root, 'partials')).catch(() => [] as string[]);
  for (const name of partials.sort()) {
    if (name.endsWith('.hbs')) files[`partials/${name}`] = await readFile(join(root, 'partials', name), 'utf8');
  }
  return { name: basename(root), files };
}
