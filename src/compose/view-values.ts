import type { Rough } from '../schema/rough.js';
import { groupNounAt } from '../domain/organisations.js';
import { toFen } from '../format/money.js';
import type { AidedGroup } from '../schema/enums.js';
import type { RoughMoney, RoughNumber, UserSentence } from './template-view.js';
import type { Terms } from './terms.js';

/**
 * How figures and user text reach the view: a figure absent or 0 is null, a
 * sum is given only where every part is known, an estimate keeps its word.
 */

/** A figure worth printing: given and not 0. */
export const some = (n: number | undefined): number | null => (n === undefined || n === 0 ? null : n);
/** A sum worth printing: known for every part, and not 0. */
export const known = (n: number, isKnown: boolean): number | null => (isKnown && n !== 0 ? n : null);
export const rough = (r: Rough | undefined): RoughNumber | null => (r === undefined || r.value === 0 ? null : { value: r.value, approx: r.approx ?? null });
export const roughMoney = (r: Rough | undefined): RoughMoney | null => (r === undefined || r.value === 0 ? null : { fen: toFen(r.value), approx: r.approx ?? null });

/** Sentence-ending punctuation (a closing quote or bracket may follow it). */
const ENDS_SENTENCE = /[。！？…；][”’）)」』]*$/;
/** User text as a sentence: printed as written, with a 。 after it where it does not end one itself. */
export const sentence = (text: string): UserSentence => ({ text, stop: ENDS_SENTENCE.test(text) ? '' : '。' });

/** A free-text field's paragraphs: each line break the user typed starts a new one. */
export function paragraphsOf(text: string): string[] {
  return text
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * User words printed right before a figure (a programme's name or verb, a
 * group, an item, a rate, a reason): one ending in a digit is quoted, or
 * "爱心助学金2" and 4500元 would read as 爱心助学金24500元.
 */
export function beforeFigure(name: string): string {
  return /[0-9０-９.．]$/.test(name) ? `“${name}”` : name;
}

/** A group's name in the report year's terms, said of the persons at a stage. */
export function groupName(group: AidedGroup, person: string, terms: Terms): string {
  return groupNounAt(terms.groups[group], person);
}

