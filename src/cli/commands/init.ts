import { stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { writeFileAtomic } from '../../node/index.js';
import { CliError, EXIT } from '../errors.js';
import { stdio, type Output } from '../output.js';
import { shownPath } from '../paths.js';
import { starterStats, type StarterKind } from '../starter.js';

export interface InitOptions {
  kind?: StarterKind;
  force?: boolean;
  year?: number;
}

const SCHEMA_IN_PACKAGE = join('node_modules', 'zongjie', 'dist', 'stats.schema.json');

/** `zongjie init`: a starter stats.json to edit, or a workbook to fill in (`.xlsx`), refusing to overwrite a file unless forced. */
export async function initCommand(file = 'stats.json', options: InitOptions = {}, output: Output = stdio): Promise<number> {
  const path = resolve(file);
  const existing = await stat(path).catch(() => undefined);
  if (existing?.isDirectory()) throw new CliError(`这是一个目录 / is a directory: ${shownPath(path)}`);
  if (existing && !options.force) {
    throw new CliError(`文件已存在，未覆盖 / file exists, not overwritten: ${shownPath(path)}`, ['  加 --force 覆盖 / add --force to overwrite']);
  }
  const kind = options.kind ?? 'school';
  const year = options.year ?? new Date().getFullYear();
  if (/\.xlsx?$/i.test(path)) {
    // The extension picks the format: a workbook to fill in, the starter figures in it.
    if (/\.xls$/i.test(path)) throw new CliError(`只能生成 .xlsx 工作簿 / only .xlsx workbooks are written: ${shownPath(path)}`);
    const { $schema: _, ...stats } = starterStats(kind, year, '');
    const { writeWorkbook } = await import('../../workbook/index.js');
    await writeFileAtomic(path, await writeWorkbook(stats, { kind }));
  } else {
    const stats = starterStats(kind, year, await schemaReference(dirname(path)));
    await writeFileAtomic(path, `${JSON.stringify(stats, null, 2)}\n`);
  }

  const shown = shownPath(path);
  output.out(`✓ 已创建 / created ${shown}（${kind === 'bureau' ? '教育局 / bureau' : '学校 / school'}）`);
  output.out('  请按本单位实际填写后生成 / fill in your own figures, then:');
  output.out(`    zongjie validate ${quote(shown)}`);
  output.out(`    zongjie draft ${quote(shown)} -o out`);
  return EXIT.ok;
}

/**
 * The `$schema` for a file in `dir`: the installed package's schema, found
 * in the nearest node_modules above it, else where `npm i zongjie` in the
 * current directory will put it. Relative, so the file can move with its project.
 */
async function schemaReference(dir: string): Promise<string> {
  let target = resolve(SCHEMA_IN_PACKAGE);
  for (let at = dir; ; at = dirname(at)) {
    const candidate = join(at, SCHEMA_IN_PACKAGE);
    if (await stat(candidate).then(() => true, () => false)) {
      target = candidate;
      break;
    }
    if (dirname(at) === at) break;
  }
  const rel = relative(dir, target).split(sep).join('/');
  return rel.startsWith('../') ? rel : `./${rel}`;
}

const quote = (path: string) => (/^[\w./\\:-]+$/.test(path) ? path : `"${path}"`);
