import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { basename, join, relative, resolve, sep } from 'node:path';
import { BUILTIN_TEMPLATES, type TemplateSource } from '../compose/index.js';

const BUILTIN = Object.keys(BUILTIN_TEMPLATES).join('、');
const BUILTIN_EN = Object.keys(BUILTIN_TEMPLATES).join(', ');

/** A template directory that cannot be used: missing, not a directory, without report.hbs, or linking outside itself. */
export class TemplateDirError extends Error {
  override readonly name = 'TemplateDirError';
}

/**
 * Reads a template directory: `report.hbs` and `partials/*.hbs`, the same
 * structure as the built-in templates under templates/. Every file must lie
 * inside the directory: a symbolic link that leads out of it (to
 * /etc/passwd, say, or another user's files) is refused.
 *
 * @throws {TemplateDirError} naming the directory when it does not exist (listing the
 *   built-in template names), has no report.hbs, or links outside itself
 */
export async function loadTemplateDir(dir: string): Promise<TemplateSource> {
  const root = resolve(dir);
  const info = await stat(root).catch(() => undefined);
  if (!info) {
    throw new TemplateDirError(
      `模板目录不存在 / the template directory does not exist: ${root}\n` +
        `  内置模板 / built-in templates: ${BUILTIN} / ${BUILTIN_EN} (-t school)`,
    );
  }
  if (!info.isDirectory()) throw new TemplateDirError(`模板应为目录，这是一个文件 / a template is a directory, this is a file: ${root}`);
  const real = await realpath(root);
  const files: Record<string, string> = {};
  const read = async (name: string) => {
    const path = join(root, name);
    const target = await realpath(path);
    const rel = relative(real, target);
    if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || resolve(real, rel) !== target) {
      throw new TemplateDirError(`模板文件链接到模板目录之外，已拒绝 / a template file links outside the template directory, refused: ${name} → ${target}`);
    }
    return readFile(target, 'utf8');
  };
  try {
    files['report.hbs'] = await read('report.hbs');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw new TemplateDirError(`模板目录缺少 report.hbs / the template directory has no report.hbs: ${root}`);
  }
  const partials = await readdir(join(root, 'partials')).catch(() => [] as string[]);
  for (const name of partials.sort()) {
    if (name.endsWith('.hbs')) files[`partials/${name}`] = await read(join('partials', name));
  }
  return { name: basename(root), files };
}
