/**
 * What went wrong in a template, said for its author: the field or helper
 * by its full name, where (line and column), and the name probably meant.
 * Handlebars says `"amount" not defined in undefined - 3:2` for a misspelt
 * `aid.totl.amount`, `Parse error on line 118:` for an unclosed block, and
 * "You specified knownHelpersOnly…" for an unknown helper.
 */

/** A place in a template file, 1-based. */
export interface Place {
  line: number;
  column: number;
}

export interface Diagnosis {
  reason: string;
  place?: Place;
  field?: string;
  helper?: string;
  suggestion?: string;
}

type Node = { type?: string; loc?: { start: { line: number; column: number } }; [key: string]: unknown };
type PathNode = Node & { original: string; parts: string[]; data?: boolean; depth?: number };

/** Every node of a parsed template, depth first (statements, params, hash pairs, sub-expressions). */
export function allNodes(ast: unknown): Node[] {
  const out: Node[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const n = node as Node;
    if (typeof n.type !== 'string') return;
    out.push(n);
    for (const key of ['body', 'program', 'inverse', 'path', 'params', 'hash', 'pairs', 'value', 'name']) walk(n[key]);
  };
  walk(ast);
  return out;
}

const placeOf = (node: Node): Place | undefined => (node.loc ? { line: node.loc.start.line, column: node.loc.start.column + 1 } : undefined);

/** The closest name, if one is close enough to be a slip of the keyboard. */
export function closest(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of new Set(candidates)) {
    if (candidate === name) continue;
    const d = candidate.toLowerCase() === name.toLowerCase() ? 0.5 : distance(name, candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return bestDistance <= Math.max(1, Math.floor(name.length / 3)) ? best : undefined;
}

/** Levenshtein distance, with a swap of two neighbours counted as one. */
function distance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
    }
  }
  return rows[a.length]![b.length]!;
}

const didYouMean = (suggestion: string | undefined) => (suggestion ? `; did you mean "${suggestion}"?` : '');

function keysOf(value: unknown): string[] {
  return value && typeof value === 'object' ? Object.keys(value) : [];
}

/** Every object in the view, for paths relative to an {{#each}} or {{#with}} (arrays by their items). */
function objectsOf(view: unknown): object[] {
  const out: object[] = [];
  const seen = new Set<unknown>();
  const walk = (value: unknown, depth: number): void => {
    if (!value || typeof value !== 'object' || seen.has(value) || depth > 8) return;
    seen.add(value);
    if (!Array.isArray(value)) out.push(value);
    for (const child of Array.isArray(value) ? value.slice(0, 3) : Object.values(value)) walk(child, depth + 1);
  };
  walk(view, 0);
  return out;
}

/**
 * A field path that failed at run time, resolved against the view: which
 * segment is unknown (or empty for this data), and the sibling name meant.
 */
export function diagnoseField(path: PathNode, view: unknown): Diagnosis {
  const parts = path.parts;
  // Relative to the root, else to the first object of the view (an {{#each}} item, say) that has the first segment.
  const from = keysOf(view).includes(parts[0]!) ? view : objectsOf(view).find((o) => parts[0]! in o);
  const place = placeOf(path);
  if (from === undefined) {
    const suggestion = closest(parts[0]!, [...keysOf(view), ...objectsOf(view).flatMap(keysOf)]);
    return { reason: `unknown field "${path.original}"${didYouMean(suggestion)}`, field: path.original, ...(place ? { place } : {}), ...(suggestion ? { suggestion } : {}) };
  }
  let value: unknown = from;
  for (let i = 0; i < parts.length; i++) {
    const so = parts.slice(0, i).join('.');
    if (value === null || value === undefined) {
      return {
        reason: `"${so}" is empty for these stats (the section has no data), so "${path.original}" has no value; wrap it in {{#if ${so}}}…{{/if}}`,
        field: path.original,
        ...(place ? { place } : {}),
      };
    }
    if (typeof value !== 'object' || !Object.prototype.hasOwnProperty.call(value, parts[i]!)) {
      const suggestion = closest(parts[i]!, keysOf(value));
      const meant = suggestion ? [...parts.slice(0, i), suggestion].join('.') : undefined;
      const within = so ? ` (${so} has ${keysOf(value).slice(0, 12).join(', ') || 'no fields'})` : '';
      return { reason: `unknown field "${path.original}": no "${parts[i]}"${within}${didYouMean(meant)}`, field: path.original, ...(place ? { place } : {}), ...(meant ? { suggestion: meant } : {}) };
    }
    value = (value as Record<string, unknown>)[parts[i]!];
  }
  return { reason: `field "${path.original}" cannot be used here`, field: path.original, ...(place ? { place } : {}) };
}

/** The path expression at a place Handlebars reports (its loc is the path's first character). */
export function pathAt(ast: unknown, line: number, column0: number): PathNode | undefined {
  return allNodes(ast).find(
    (n): n is PathNode => n.type === 'PathExpression' && n.loc?.start.line === line && n.loc.start.column === column0,
  );
}

/** The paths whose segments include `name`, first first: for errors that come without a place. */
export function pathsNaming(ast: unknown, name: string): PathNode[] {
  return allNodes(ast).filter((n): n is PathNode => n.type === 'PathExpression' && Array.isArray(n.parts) && (n.parts as string[]).includes(name));
}

/** An unknown helper, with the helper probably meant and the list of those there are. */
export function diagnoseHelper(name: string, helpers: readonly string[], place?: Place): Diagnosis {
  const suggestion = closest(name, helpers);
  return {
    reason: `unknown helper "${name}"${didYouMean(suggestion)} (helpers: ${helpers.join(', ')})`,
    helper: name,
    ...(place ? { place } : {}),
    ...(suggestion ? { suggestion } : {}),
  };
}

const BLOCK_OPEN = /\{\{~?\s*#\*?\s*([\w-]+)|\{\{~?\s*\/\s*([\w-]+)/g;

/**
 * A parse error said plainly, at the lexer's place: an unclosed block names
 * the block and where it opened; anything else says what came and what
 * could have.
 */
export function diagnoseParse(message: string, text: string, lexed?: { first_line: number; first_column: number }): Diagnosis {
  const got = /got '([^']+)'/.exec(message)?.[1];
  const expected = /Expecting (.+), got/.exec(message)?.[1];
  if (got === 'EOF' && /OPEN_ENDBLOCK/.test(expected ?? '')) {
    const open: { name: string; place: Place }[] = [];
    for (const m of text.matchAll(BLOCK_OPEN)) {
      const before = text.slice(0, m.index);
      const place = { line: before.split('\n').length, column: m.index - before.lastIndexOf('\n') };
      if (m[1]) open.push({ name: m[1], place });
      else if (open[open.length - 1]?.name === m[2]) open.pop();
    }
    const block = open[open.length - 1];
    if (block) return { reason: `{{#${block.name}}} is never closed: add {{/${block.name}}}`, place: block.place, helper: block.name };
  }
  const place = lexed ? { line: lexed.first_line, column: lexed.first_column + 1 } : undefined;
  const what =
    got === 'INVALID'
      ? 'a {{…}} that is not closed with }} or holds a character Handlebars does not take'
      : got === 'EOF'
        ? 'the end of the file inside a {{…}}'
        : `"${got ?? '?'}"${expected ? ` where ${expected.replace(/'/g, '').split(', ').slice(0, 6).join(', ')} could come` : ''}`;
  return { reason: `syntax error: ${what}`, ...(place ? { place } : {}) };
}
