import type { Warning } from '../facts/warning.js';
import type { ReportPeriod } from '../schema/enums.js';
import type { Terms } from '../compose/terms.js';

/** What one check says about one field; the field path is added when findings become warnings. */
export interface Finding {
  code: Warning['code'];
  zh: string;
  en: string;
}

/** What a check knows besides the text: the report it belongs to and the field it sits in. */
export interface ProofreadContext {
  year: number;
  period: ReportPeriod;
  /** The words of the report's period (termsForYear, with the caller's overrides). */
  terms: Terms;
  /** The top-level field: "plans", "measures" … */
  field: string;
}

/** A check of one field's text. Pure: it reads, never changes, the user's words. */
export type TextCheck = (text: string, context: ProofreadContext) => Finding[];

/** Where something was found: its start and length in the text. */
export interface Hit {
  index: number;
  length: number;
}

/** Characters of context quoted on each side of a hit. */
const CONTEXT = 10;

/**
 * The hit with a little text on each side, on one line, for a message.
 *
 * @example quote('全县识别贫困人口46602人，1xx90户。', { index: 16, length: 2 }) //=> '…人口46602人，1xx90户。'
 */
export function quote(text: string, hit: Hit): string {
  let start = Math.max(0, hit.index - CONTEXT);
  let end = Math.min(text.length, hit.index + hit.length + CONTEXT);
  // Never cut a character of the astral planes in half.
  if (start > 0 && isLowSurrogate(text.charCodeAt(start))) start--;
  if (end < text.length && isLowSurrogate(text.charCodeAt(end))) end++;
  const body = text.slice(start, end).replace(/\r\n?|\n/g, '↵');
  return `${start > 0 ? '…' : ''}${body}${end < text.length ? '…' : ''}`;
}

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** Every match of a global regex, as hits. */
export function hitsOf(text: string, pattern: RegExp): Hit[] {
  return [...text.matchAll(pattern)].map((m) => ({ index: m.index, length: m[0].length }));
}

/**
 * One finding for all hits of one kind in a field: the first quoted, the
 * others counted, so a pasted page with a hundred half-width commas gives one
 * warning, not a hundred.
 */
export function summarise(code: Warning['code'], text: string, hits: Hit[], zh: string, en: string): Finding[] {
  if (hits.length === 0) return [];
  const first = quote(text, hits[0]!);
  const more = hits.length > 1;
  return [
    {
      code,
      zh: `${zh}：“${first}”${more ? `（共${hits.length}处）` : ''}`,
      en: `${en}: “${first}”${more ? ` (${hits.length} places)` : ''}`,
    },
  ];
}

/** A Han character (CJK ideograph of any block). */
export const HAN = '\\p{Script=Han}';
/** Full-width and CJK punctuation, including the curly quotes Chinese text uses. */
export const CJK_PUNCT = '[\\u3001-\\u303F\\uFF01-\\uFF0F\\uFF1A-\\uFF20\\uFF3B-\\uFF40\\uFF5B-\\uFF65“”‘’…—]';
