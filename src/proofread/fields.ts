import { formatPath } from '../schema/issues.js';
import type { YearlyStats } from '../schema/stats.js';

/** One string of the stats that may be printed: its path and text. */
export interface TextField {
  where: string;
  /** The top-level field: "plans", "measures", "organisation" … */
  field: string;
  text: string;
  /** Running text (opening, measures' text, problems …), where a repeat is a mistake; names and titles repeat by nature. */
  prose: boolean;
}

/**
 * Strings that are not the user's words, or that no built-in template
 * prints: the schema address, ISO dates (checked by facts against the year)
 * and the region (an address for the record, often written 某某省某某市).
 */
const SKIP = new Set(['$schema', 'date', 'region']);

/** Top-level fields of running text; `text`, `note` and `arrangement` are running text wherever they sit. */
const PROSE_FIELDS = new Set(['opening', 'highlights', 'problems', 'plans', 'closing']);
const PROSE_KEYS = new Set(['text', 'note', 'arrangement']);

/**
 * Every string of the stats a template may print, in the order of the file.
 * The walk is generic, so a free-text field added to the schema is read
 * without a change here; enum codes pass through it but no check fires on
 * a camelCase identifier.
 */
export function textFields(stats: YearlyStats): TextField[] {
  const out: TextField[] = [];
  const walk = (value: unknown, path: (string | number)[], key: string | undefined) => {
    if (typeof value === 'string') {
      const field = String(path[0]);
      out.push({ where: formatPath(path), field, text: value, prose: PROSE_FIELDS.has(field) || (key !== undefined && PROSE_KEYS.has(key)) });
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, [...path, i], key));
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) if (!SKIP.has(k)) walk(v, [...path, k], k);
    }
  };
  walk(stats, [], undefined);
  return out;
}
