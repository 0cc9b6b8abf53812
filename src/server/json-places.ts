import { formatPath } from '../schema/issues.js';
import { parseWhere, type Locate } from './problems.js';

/**
 * Where each value of a JSON text is, by field path: a problem at
 * "aid[2].amount" is then shown at its line and column in the file the user
 * edits. A field that is missing is shown at the object that lacks it; a
 * place that is not in the file at all ("pdf.body") has none.
 * The text must be valid JSON (it has been parsed already); the places are
 * found on the first call only.
 */
export function jsonPlaces(text: string): Locate {
  let places: Map<string, number> | undefined;
  let lineStarts: number[] | undefined;
  return (where) => {
    const path = parseWhere(where);
    if (!path) return undefined;
    places ??= valueOffsets(text);
    const offset = places.get(formatPath(path)) ?? (path.length > 0 ? places.get(formatPath(path.slice(0, -1))) : undefined);
    if (offset === undefined) return undefined;
    lineStarts ??= [0, ...[...text.matchAll(/\n/g)].map((m) => m.index! + 1)];
    const line = lastAtMost(lineStarts, offset);
    return { kind: 'json', line: line + 1, column: offset - lineStarts[line]! + 1 };
  };
}

/** The offset where each value starts, by its path as `formatPath` writes it. */
function valueOffsets(text: string): Map<string, number> {
  const offsets = new Map<string, number>();
  const path: (string | number)[] = [];
  const open: ('object' | 'array')[] = [];
  let key = false;
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; ) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === ':') i++;
    else if (c === ',') {
      i++;
      if (open[open.length - 1] === 'array') path[path.length - 1] = (path[path.length - 1] as number) + 1;
      else key = true;
    } else if (c === '}' || c === ']') {
      i++;
      open.pop();
      path.pop();
    } else if (key) {
      const end = stringEnd(text, i);
      path[path.length - 1] = JSON.parse(text.slice(i, end)) as string;
      key = false;
      i = end;
    } else {
      offsets.set(formatPath(path), i);
      if (c === '{' || c === '[') {
        open.push(c === '{' ? 'object' : 'array');
        path.push(c === '{' ? '' : 0);
        key = c === '{';
        i++;
      } else if (c === '"') i = stringEnd(text, i);
      else while (i < text.length && !',}] \t\n\r'.includes(text[i]!)) i++;
    }
  }
  return offsets;
}

/** The offset just after the string that starts at `start`. */
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  while (text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
  return i + 1;
}

/** The index of the last element ≤ value in an ascending array. */
function lastAtMost(sorted: number[], value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (sorted[mid]! <= value) low = mid;
    else high = mid - 1;
  }
  return low;
}
