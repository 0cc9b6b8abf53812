import { decodeText, type TextEncoding } from './decode.js';
import { isWide } from './width.js';

/**
 * JSON as users save it, read strictly, with errors that say where: the
 * bytes decoded (decode.ts), a syntax error or a duplicate key given with
 * its line, column and the line itself. Shared by the CLI, a server and the
 * browser (no file system here: the caller brings the bytes or the text).
 */

/** JSON that cannot be read as one unambiguous value: a syntax error, or a key given twice in one object. */
export class JsonSyntaxError extends Error {
  override readonly name = 'JsonSyntaxError';
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly reason: string,
    /** The offending line and a caret under the column. */
    readonly excerpt: string[],
    /** For a duplicate key: the key, and the line where it first appears. */
    readonly duplicate?: { key: string; firstLine: number },
  ) {
    super(
      duplicate
        ? `JSON 键名重复 / duplicate key in JSON: ${file}:${line}:${column}: "${duplicate.key}" 在同一对象中已于第 ${duplicate.firstLine} 行出现，无法确定取哪个值 / "${duplicate.key}" already appears on line ${duplicate.firstLine} of the same object, so which value is meant is ambiguous`
        : `JSON 语法错误 / JSON syntax error: ${file}:${line}:${column}: ${reason}`,
    );
  }
}

/**
 * Parses JSON text; a UTF-8 byte order mark (Windows Notepad) is allowed.
 *
 * @throws {JsonSyntaxError} with line and column, for a syntax error or a
 *   key repeated within one object (`"amount": 4500, "amount": 45000`)
 * @example parseJson('{"a": [1, 2]}') → { a: [1, 2] }
 */
export function parseJson(text: string, file = 'input'): unknown {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (error) {
    const message = (error as Error).message;
    const found = scan(source);
    const offset = found?.kind === 'syntax' ? found.offset : Number(/position (\d+)/.exec(message)?.[1] ?? source.length);
    const { line, column } = lineColumn(source, offset);
    throw new JsonSyntaxError(file, line, column, cleanReason(message), excerpt(source, line, column));
  }
  const found = scan(source);
  if (found?.kind === 'duplicate') {
    const { line, column } = lineColumn(source, found.offset);
    const first = lineColumn(source, found.first).line;
    throw new JsonSyntaxError(file, line, column, `duplicate key "${found.key}" (first on line ${first})`, excerpt(source, line, column), { key: found.key, firstLine: first });
  }
  return value;
}

/**
 * Decodes and parses a JSON file's bytes: UTF-8 (with or without a byte
 * order mark), UTF-16 or GBK/GB18030 (see {@link decodeText}).
 *
 * @throws {TextEncodingError} when the encoding cannot be told for certain
 * @throws {JsonSyntaxError} as {@link parseJson}
 */
export function parseJsonBytes(bytes: Uint8Array, file = 'input'): { value: unknown; encoding: TextEncoding } {
  const { text, encoding } = decodeText(bytes, file);
  return { value: parseJson(text, file), encoding };
}

/** V8's reason without the position and the echoed input it appends. */
function cleanReason(message: string): string {
  return message
    .replace(/, ".*" is not valid JSON$/s, '')
    .replace(/ \(line \d+ column \d+\)$/, '')
    .replace(/ at position \d+.*$/s, '')
    .replace(/ in JSON$/, '');
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

function excerpt(text: string, line: number, column: number): string[] {
  const source = (text.split('\n')[line - 1] ?? '').replace(/\r$/, '');
  if (source.length > 160) return [];
  const gutter = `${line} | `;
  // Keep tabs so the caret lines up; CJK characters take two columns in a terminal.
  const pad = [...source.slice(0, column - 1)].map((c) => (c === '\t' ? '\t' : isWide(c) ? '  ' : ' ')).join('');
  return [`${gutter}${source}`, `${' '.repeat(gutter.length - 2)}| ${pad}^`];
}

type Found = { kind: 'syntax'; offset: number } | { kind: 'duplicate'; offset: number; first: number; key: string };

const SPACE = /[ \t\n\r]*/y;
const PLAIN = /[^"\\\u0000-\u001f]*/y;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/**
 * One strict pass over JSON text: the offset of the first syntax error, or
 * the first key repeated within an object (keys compared as decoded, so
 * "a" and "\u0061" are the same). Iterative, so any nesting JSON.parse takes
 * is scanned too.
 */
function scan(text: string): Found | undefined {
  let i = 0;
  const stack: ({ keys: Map<string, number> } | null)[] = []; // null: an array
  const space = () => {
    SPACE.lastIndex = i;
    SPACE.test(text);
    i = SPACE.lastIndex;
  };
  /** Past a string at i; false if it is not a well-formed string. */
  const string = (): boolean => {
    if (text[i] !== '"') return false;
    i++;
    for (;;) {
      PLAIN.lastIndex = i;
      PLAIN.test(text);
      i = PLAIN.lastIndex;
      const c = text[i];
      if (c === '"') return (i++, true);
      if (c !== '\\') return false; // end of text or a control character
      const e = text[i + 1];
      if (e === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return (i++, false);
        i += 6;
      } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
      else return (i++, false);
    }
  };
  let mode: 'value' | 'key' | 'after' = 'value';
  for (;;) {
    if (mode === 'after') {
      const end = i;
      space();
      const top = stack[stack.length - 1];
      if (top === undefined) return i < text.length ? { kind: 'syntax', offset: i } : undefined;
      const c = text[i];
      if (c === ',') {
        i++;
        mode = top ? 'key' : 'value';
      } else if (c === (top ? '}' : ']')) {
        i++;
        stack.pop();
      } else {
        // A missing comma shows at the next line's first token; it belongs after the value before it.
        return { kind: 'syntax', offset: text.slice(end, i).includes('\n') ? end : i };
      }
      continue;
    }
    space();
    if (mode === 'key') {
      const start = i;
      if (!string()) return { kind: 'syntax', offset: i };
      const raw = text.slice(start, i);
      const key = raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
      const keys = stack[stack.length - 1]!.keys;
      const first = keys.get(key);
      if (first !== undefined) return { kind: 'duplicate', offset: start, first, key };
      keys.set(key, start);
      space();
      if (text[i] !== ':') return { kind: 'syntax', offset: i };
      i++;
      mode = 'value';
      continue;
    }
    const c = text[i];
    if (c === '{' || c === '[') {
      i++;
      space();
      if (text[i] === (c === '{' ? '}' : ']')) {
        i++;
        mode = 'after';
      } else {
        stack.push(c === '{' ? { keys: new Map() } : null);
        mode = c === '{' ? 'key' : 'value';
      }
      continue;
    }
    if (c === '"') {
      if (!string()) return { kind: 'syntax', offset: i };
      mode = 'after';
      continue;
    }
    NUMBER.lastIndex = i;
    const word = ['true', 'false', 'null'].find((w) => text.startsWith(w, i));
    if (NUMBER.test(text)) i = NUMBER.lastIndex;
    else if (word) i += word.length;
    else return { kind: 'syntax', offset: i };
    mode = 'after';
  }
}
