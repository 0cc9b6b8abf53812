import { stat } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { safeParseStats, writeFileAtomic, type YearlyStatsInput } from '../../node/index.js';
import { CliError, EXIT } from '../errors.js';
import { stdio, type Output } from '../output.js';
import { shownPath } from '../paths.js';
import { noticeLines, readStatsFile } from '../stats-file.js';

export interface ConvertOptions {
  kind?: 'school' | 'bureau';
  force?: boolean;
}

type Format = 'json' | 'xlsx';

function formatOf(file: string, role: 'from' | 'to'): Format {
  const ext = extname(file).toLowerCase();
  if (ext === '.json') return 'json';
  if (ext === '.xlsx' || (role === 'from' && ext === '.xls')) return 'xlsx';
  throw new CliError(`${shownPath(file)}: 应为 .json 或 .xlsx 文件 / expected a .json or .xlsx file`);
}

/**
 * `zongjie convert`: stats from JSON to a workbook or back. The input is
 * validated first (a workbook's problems named by cell), so what is written
 * reads back to the same stats; an existing output is replaced only with --force.
 */
export async function convertCommand(from: string, to: string, options: ConvertOptions = {}, output: Output = stdio): Promise<number> {
  const [source, target] = [formatOf(from, 'from'), formatOf(to, 'to')];
  if (source === target) throw new CliError(`两个文件格式相同，无需转换 / both files are ${target}: nothing to convert`);
  const path = resolve(to);
  const existing = await stat(path).catch(() => undefined);
  if (existing?.isDirectory()) throw new CliError(`这是一个目录 / is a directory: ${shownPath(path)}`);
  if (existing && !options.force) throw new CliError(`文件已存在，未覆盖 / file exists, not overwritten: ${shownPath(path)}`, ['  加 --force 覆盖 / add --force to overwrite']);

  const { data, notices } = await readStatsFile(from, shownPath(from));
  const parsed = safeParseStats(data);
  if (!parsed.success) throw parsed.error;
  for (const line of noticeLines(notices)) output.err(line);
  if (target === 'xlsx') {
    const { $schema: _, ...input } = data as Record<string, unknown>;
    const { writeWorkbook } = await import('../../workbook/index.js');
    await writeFileAtomic(path, await writeWorkbook(input as unknown as YearlyStatsInput, { ...(options.kind ? { kind: options.kind } : {}) }));
  } else {
    await writeFileAtomic(path, `${JSON.stringify(data, null, 2)}\n`);
  }
  output.out(`✓ ${shownPath(from)} → ${shownPath(path)}`);
  return EXIT.ok;
}
