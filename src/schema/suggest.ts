import { ENUM_LABELS, enumKey } from './enums.js';
import { statsJsonSchema } from './json-schema.js';
import type { StatsIssue } from './issues.js';

type Node = { properties?: Record<string, Node>; items?: Node; propertyNames?: { enum?: string[] } };

let root: Node | undefined;

function nodeAt(path: readonly (string | number)[]): Node | undefined {
  let node: Node | undefined = (root ??= statsJsonSchema() as Node);
  for (const seg of path) node = typeof seg === 'number' ? node?.items : node?.properties?.[seg];
  return node;
}

/** The field names the schema allows at a JSON path, or none. */
function fieldsAt(path: readonly (string | number)[]): string[] {
  return Object.keys(nodeAt(path)?.properties ?? {});
}

/** Edit distance counting a swap of neighbours as one edit ("nmae" → "name"), for names a few keystrokes apart. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i]!;
      row[j] = Math.min(d[i - 1]![j]! + 1, row[j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/** The allowed field closest to `key`: same letters in another case, or at most two edits away. */
export function closestField(path: readonly (string | number)[], key: string): string | undefined {
  let best: { name: string; d: number } | undefined;
  for (const name of fieldsAt(path)) {
    const d = name.toLowerCase() === key.toLowerCase() ? 0 : distance(name, key);
    if (d <= Math.min(2, Math.floor(name.length / 3)) && (!best || d < best.d)) best = { name, d };
  }
  return best?.name;
}

/**
 * An unknown field's issue, with the field the user probably meant:
 * "pairing.homevisits: unknown field \"homevisits\" — did you mean \"homeVisits\"?"
 */
export function withSuggestion(issue: StatsIssue): StatsIssue {
  if (issue.code !== 'unknown_field') return issue;
  const key = String(issue.path[issue.path.length - 1]);
  const keys = nodeAt(issue.path.slice(0, -1))?.propertyNames?.enum;
  const labels = keys && ENUM_LABELS.get(enumKey(keys));
  if (labels) {
    // A record keyed by a vocabulary (byStage, byGroup, headings): the key is an enumerated value.
    const meant = closestLabel(key, labels);
    const zh = Object.values(labels).join('、');
    const en = Object.entries(labels).map(([code, label]) => `${label} (${code})`).join(', ');
    return {
      ...issue,
      expected: `one of ${en}`,
      message: {
        zh: `${issue.where}：未知的键“${key}”，应为 ${zh} 之一${meant ? `；是否应为“${meant}”？` : ''}`,
        en: `${issue.where}: unknown key "${key}", expected one of ${en}${meant ? ` — did you mean "${meant}"?` : ''}`,
      },
    };
  }
  const meant = closestField(issue.path.slice(0, -1), key);
  if (!meant) return issue;
  return {
    ...issue,
    expected: `"${meant}"`,
    message: { zh: `${issue.where}：未知字段“${key}”，是否应为“${meant}”？`, en: `${issue.where}: unknown field "${key}" — did you mean "${meant}"?` },
  };
}

/**
 * The label (or, for Latin input, the code) a mistyped enumerated value
 * probably meant: 营养计划 → 营养改善计划, 春季 → 春季学期, Nutrition → nutrition.
 * Undefined when nothing is close enough to be a fair guess.
 */
export function closestLabel(input: unknown, labels: Readonly<Record<string, string>>): string | undefined {
  if (typeof input !== 'string') return undefined;
  const typed = input.normalize('NFKC').replace(/\s+/g, '');
  if (!typed) return undefined;
  const latin = /^[\x20-\x7e]+$/.test(typed);
  let best: { value: string; d: number } | undefined;
  for (const [code, label] of Object.entries(labels)) {
    const value = latin ? code : label;
        const d =
      value.toLowerCase() === typed.toLowerCase()
        ? 0
        : value.includes(typed) || typed.includes(value)
          ? Math.abs(value.length - typed.length)
          : distance(value, typed);
    const limit = latin ? Math.min(2, Math.floor(value.length / 3)) : Math.max(1, Math.floor(value.length / 2));
    if (d <= limit && (!best || d < best.d)) best = { value, d };
  }
  return best?.value;
}
