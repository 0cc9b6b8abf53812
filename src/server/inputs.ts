import { decodeText, TextEncodingError } from '../input/decode.js';
import { JsonSyntaxError, parseJson } from '../input/json.js';
import type { Capabilities } from './capabilities.js';
import { jsonPlaces } from './json-places.js';
import { fileProblem, type Locate, type Problem } from './problems.js';

/**
 * An upload's bytes and file name → stats input, or the problems that stop
 * it, each with its place. The one door every body comes in by: the API's
 * routes and the page's uploads both read through here, so a workbook reader
 * plugged into the capabilities is at once accepted everywhere.
 *
 * The file name only picks the format and names the file in messages; it
 * never reaches the file system.
 */
export type InputResult =
  | { ok: true; kind: InputKind; data: unknown; locate?: Locate; warnings?: Problem[] }
  | { ok: false; status: 415 | 422; problems: Problem[] };

export type InputKind = 'json' | 'xlsx';

export interface Upload {
  bytes: Uint8Array;
  /** The name the file had on the user's machine ("石桥小学.xlsx"), if given. */
  fileName?: string;
  /** The request's Content-Type, without parameters, lower case. */
  contentType?: string;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const JSON_TYPES = new Set(['application/json', 'text/json', 'application/schema-instance+json']);
/** Types that say nothing about the format: the name or the bytes decide. */
const OPAQUE_TYPES = new Set(['', 'application/octet-stream', 'text/plain']);
/** How deep a stats input can nest (it needs five levels); deeper is refused before it goes anywhere. */
const MAX_DEPTH = 32;

export async function readInput(upload: Upload, capabilities: Capabilities): Promise<InputResult> {
  const kind = inputKind(upload);
  const name = upload.fileName || (kind === 'xlsx' ? 'workbook.xlsx' : 'stats.json');
  if (kind === 'xlsx') {
    if (!capabilities.readWorkbook) return unsupported('XLSX 工作簿暂不支持，请上传 stats.json', 'XLSX workbooks are not supported yet: upload a stats.json');
    const result = await capabilities.readWorkbook(upload.bytes, name);
    if (!result.ok) return { ok: false, status: 422, problems: result.problems };
    return { ok: true, kind, data: result.data, ...(result.locate ? { locate: result.locate } : {}), ...(result.warnings?.length ? { warnings: result.warnings } : {}) };
  }
  if (kind === 'json') return readJson(upload.bytes, name);
  if (kind === 'xls')
    return unsupported('不支持旧版 .xls 文件，请在 Excel 或 WPS 中“另存为” .xlsx', 'old .xls files are not supported: save the file as .xlsx in Excel or WPS');
  return unsupported(`不支持的文件类型（${upload.contentType || upload.fileName}），请上传 stats.json`, `unsupported file type (${upload.contentType || upload.fileName}): upload a stats.json`);
}

/**
 * A JSON file read as the CLI reads it: the core's `parseJsonBytes` in its
 * two steps (UTF-8, UTF-16 or GBK decoded, or refused with the line; a
 * syntax error or a key given twice refused with its line and column), the
 * decoded text kept so every later problem is shown at its line.
 */
function readJson(bytes: Uint8Array, name: string): InputResult {
  let text: string;
  let data: unknown;
  try {
    text = decodeText(bytes, name).text;
    data = parseJson(text, name);
  } catch (error) {
    if (error instanceof TextEncodingError) return invalid(encodingProblem(error, name));
    if (error instanceof JsonSyntaxError) return invalid(syntaxProblem(error, name));
    throw error;
  }
  if (depth(data) > MAX_DEPTH) return invalid(fileProblem('too_deep', `${name} 嵌套层数过多，不是统计数据`, `${name} nests too deeply to be stats`));
  return { ok: true, kind: 'json', data, locate: jsonPlaces(text) };
}

function encodingProblem({ line, column, reason }: TextEncodingError, name: string): Problem {
  const at = line === undefined ? { zh: '', en: '' } : { zh: ` 第 ${line} 行${column === undefined ? '' : `第 ${column} 列`}`, en: ` line ${line}${column === undefined ? '' : `, column ${column}`}` };
  return fileProblem(
    'encoding',
    `${name}${at.zh}：文件编码无法识别，${reason.zh}`,
    `${name}${at.en}: cannot read the text encoding: ${reason.en}`,
    line === undefined ? undefined : { kind: 'json', line, column: column ?? 1 },
  );
}

function syntaxProblem({ line, column, reason, duplicate }: JsonSyntaxError, name: string): Problem {
  const location = { kind: 'json' as const, line, column };
  if (duplicate) {
    const { key, firstLine } = duplicate;
    return fileProblem(
      'json_duplicate_key',
      `${name} 第 ${line} 行第 ${column} 列：键名“${key}”在同一对象中已于第 ${firstLine} 行出现，无法确定取哪个值`,
      `${name} line ${line}, column ${column}: the key "${key}" already appears on line ${firstLine} of the same object, so which value is meant is ambiguous`,
      location,
    );
  }
  return fileProblem('json_syntax', `${name} 第 ${line} 行第 ${column} 列：JSON 语法错误（${reason}）`, `${name} line ${line}, column ${column}: JSON syntax error (${reason})`, location);
}

/** What the upload is: by its declared type, then its name, then its first bytes (an XLSX is a zip). */
export function inputKind({ bytes, fileName = '', contentType = '' }: Upload): InputKind | 'xls' | undefined {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (contentType === XLSX_TYPE || extension === 'xlsx') return 'xlsx';
  if (contentType === 'application/vnd.ms-excel' || extension === 'xls' || extension === 'et') return 'xls';
  if (JSON_TYPES.has(contentType) || extension === 'json') return 'json';
  if (!OPAQUE_TYPES.has(contentType)) return undefined;
  if (extension) return undefined;
  return bytes[0] === 0x50 && bytes[1] === 0x4b ? 'xlsx' : 'json';
}

/** Nesting depth, counted without recursion (a hostile input could be a million levels deep). */
function depth(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [node, level] = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    deepest = Math.max(deepest, level);
    if (deepest > MAX_DEPTH) return deepest;
    for (const item of Object.values(node)) stack.push([item, level + 1]);
  }
  return deepest;
}

const invalid = (problem: Problem): InputResult => ({ ok: false, status: 422, problems: [problem] });
const unsupported = (zh: string, en: string): InputResult => ({ ok: false, status: 415, problems: [fileProblem('unsupported_type', zh, en)] });
