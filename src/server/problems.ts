import type { Warning } from '../facts/warning.js';
import type { StatsIssue } from '../schema/issues.js';
import { statsJsonSchema } from '../schema/json-schema.js';

/**
 * Problems and warnings as the API returns them: one shape for a schema
 * problem, a consistency warning and a file that cannot be read, each with
 * where it is — the field path, and the place in the file (a JSON line, or a
 * workbook cell) — and what the field takes.
 */
export interface Problem {
  severity: 'error' | 'warning';
  code: string;
  /** The field path, as in stats issues: "aid[3].amount"; "(root)" for the whole input. */
  where: string;
  /** The place in the uploaded file, when known. */
  location?: Location;
  expected?: string;
  received?: string;
  message: { zh: string; en: string };
  /** What the field takes (its description in the JSON Schema), to help fix it. */
  field?: string;
  /** The uploaded files it is about (a check across a bureau's school files). */
  files?: string[];
}

/**
 * A place in an uploaded file: a line of a JSON file, or a cell of a
 * workbook — as precise as the workbook allows (a field whose row is not
 * in the file has its sheet and column header only).
 */
export type Location =
  | { kind: 'json'; line: number; column: number }
  | { kind: 'cell'; sheet: string; row?: number; column?: string; ref?: string; header?: string };

export type Locate = (where: string) => Location | undefined;

export function issueProblem(issue: StatsIssue, locate?: Locate): Problem {
  return withPlace(
    { severity: 'error', code: issue.code, where: issue.where, expected: issue.expected, received: issue.received, message: issue.message },
    issue.path,
    locate,
  );
}

/** A warning from drafting, or one from adding up a bureau's schools (which names its `files`). */
export function warningProblem(warning: Pick<Warning, 'where' | 'message'> & { code: string; files?: readonly string[] }, locate?: Locate): Problem {
  const where = warning.where || '(root)';
  const files = warning.files?.length ? { files: [...warning.files] } : {};
  return withPlace({ severity: 'warning', code: warning.code, where, message: warning.message, ...files }, parseWhere(where), locate);
}

/** A problem with the whole file (its syntax, its encoding, its type), at a line of it when known. */
export function fileProblem(code: string, zh: string, en: string, location?: Location): Problem {
  return { severity: 'error', code, where: '(root)', ...(location ? { location } : {}), message: { zh, en } };
}

function withPlace(problem: Problem, path: readonly (string | number)[] | undefined, locate?: Locate): Problem {
  const location = locate?.(problem.where);
  const field = path ? fieldDescription(path) : undefined;
  return { ...problem, ...(location ? { location } : {}), ...(field ? { field } : {}) };
}

/** "aid[3].amount" → ["aid", 3, "amount"]; undefined for a place that is not a field path ("pdf.body" is, harmlessly). */
export function parseWhere(where: string): (string | number)[] | undefined {
  if (where === '(root)') return [];
  const path: (string | number)[] = [];
  const token = /(?:^|\.)([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;
  let at = 0;
  while (at < where.length) {
    token.lastIndex = at;
    const match = token.exec(where);
    if (!match) return undefined;
    path.push(match[1] ?? (match[2] !== undefined ? Number(match[2]) : (JSON.parse(match[3]!) as string)));
    at = token.lastIndex;
  }
  return path;
}

type Schema = { [key: string]: unknown };
let schema: Schema | undefined;

/**
 * The description the JSON Schema gives the field at `path` (the nearest
 * described field above it, for a path into a list item), or undefined.
 */
export function fieldDescription(path: readonly (string | number)[]): string | undefined {
  schema ??= statsJsonSchema() as Schema;
  let node: Schema | undefined = schema;
  let description: string | undefined;
  for (const segment of path) {
    node = typeof segment === 'number' ? child(node, (s) => s.items as Schema | undefined) : child(node, (s) => (s.properties as Record<string, Schema> | undefined)?.[segment]);
    if (!node) break;
    description = typeof node.description === 'string' ? node.description : description;
  }
  return path.length > 0 ? description : undefined;
}

/** A child schema, looking through `$ref`, `anyOf` and `oneOf` (the first branch that has it). */
function child(node: Schema | undefined, step: (s: Schema) => Schema | undefined): Schema | undefined {
  if (!node) return undefined;
  const resolved = resolve(node);
  const direct = step(resolved);
  if (direct) return resolve(direct);
  for (const key of ['anyOf', 'oneOf', 'allOf']) {
    for (const branch of (resolved[key] as Schema[] | undefined) ?? []) {
      const found = child(branch, step);
      if (found) return found;
    }
  }
  return undefined;
}

function resolve(node: Schema): Schema {
  const ref = node.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return node;
  const target = ref
    .slice(2)
    .split('/')
    .reduce<unknown>((at, key) => (at as Schema | undefined)?.[key], schema);
  return target ? { ...(target as Schema), ...(node.description ? { description: node.description } : {}) } : node;
}
