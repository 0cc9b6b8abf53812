import { isWide } from './width.js';

/**
 * JSON parsing that says where it broke: line, column and the line itself.
 * V8's messages give a position only for some errors ("…is not valid JSON"
 * has none), so the offset comes from a small scanner run after a failure.
 */

export class JsonSyntaxError extends Error {
  override readonly name = 'JsonSyntaxError';
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly reason: string,
    /** The offending line and a caret under the column. */
    readonly excerpt: string[],
  ) {
    super(`JSON 语法错误 / JSON syntax error: ${file}:${line}:${column}: ${reason}`);
  }
}

/** Parses `text` read from `file`; a UTF-8 byte order mark (Windows Notepad) is allowed. */
export function parseJson(text: string, file: string): unknown {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return JSON.parse(source);
  } catch (error) {
    const message = (error as Error).message;
    const offset = errorOffset(source) ?? Number(/position (\d+)/.exec(message)?.[1] ?? source.length);
    const { line, column } = lineColumn(source, offset);
    throw new JsonSyntaxError(file, line, column, cleanReason(message), excerpt(source, line, column));
  }
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

/** The offset of the first syntax error in `text`, by a strict JSON scan; undefined if none is found. */
function errorOffset(text: string): number | undefined {
  let i = 0;
  const fail = (): never => {
    throw new Stop(i);
  };
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const expect = (char: string) => (text[i] === char ? i++ : fail());
  // A missing comma is found at the next line's first token; it belongs after the value before it.
  const separator = (close: string) => {
    const end = i;
    space();
    if (text[i] === close || text[i] === ',') return;
    if (text.slice(end, i).includes('\n')) i = end;
    fail();
  };
  const string = () => {
    expect('"');
    for (;;) {
      if (i >= text.length) fail();
      const c = text[i]!;
      if (c === '"') return void i++;
      if (c < ' ') fail();
      if (c === '\\') {
        i++;
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail();
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? 'x')) fail();
      }
      i++;
    }
  };
  const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  const value = (): void => {
    space();
    const c = text[i];
    if (c === '{') {
      i++;
      space();
      if (text[i] === '}') return void i++;
      for (;;) {
        space();
        string();
        space();
        expect(':');
        value();
        separator('}');
        if (text[i++] === '}') return;
      }
    }
    if (c === '[') {
      i++;
      space();
      if (text[i] === ']') return void i++;
      for (;;) {
        value();
        separator(']');
        if (text[i++] === ']') return;
      }
    }
    if (c === '"') return string();
    NUMBER.lastIndex = i;
    if (NUMBER.test(text)) return void (i = NUMBER.lastIndex);
    const word = ['true', 'false', 'null'].find((w) => text.startsWith(w, i));
    if (word) return void (i += word.length);
    fail();
  };
  try {
    value();
    space();
    return i < text.length ? i : undefined;
  } catch (stop) {
    if (stop instanceof Stop) return stop.offset;
    return undefined; // e.g. nesting too deep for the scanner: fall back to V8's position
  }
}

class Stop {
  constructor(readonly offset: number) {}
}
