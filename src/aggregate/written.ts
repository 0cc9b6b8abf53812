import type { Approx } from '../schema/enums.js';
import type { Rough } from '../schema/rough.js';

/** A figure as a stats file writes it: a plain number when exact, `{ value, approx }` when an estimate. */
export type Written = number | { value: number; approx: Approx };

/** A parsed type with its figures as written. */
export type WrittenOf<T> = T extends Rough ? Written : T extends readonly (infer U)[] ? WrittenOf<U>[] : T extends object ? { [K in keyof T]: WrittenOf<T[K]> } : T;

/**
 * Parsed stats back in the form a stats file writes them: the schema parses
 * every figure that may be an estimate to `{ value, approx? }`; an exact one
 * is written back as the plain number, undefined keys are left out.
 *
 * @example written({ teachers: { value: 24 }, names: ['潘勇'], x: undefined }) → { teachers: 24, names: ['潘勇'] }
 */
export function written<T>(value: T): WrittenOf<T> {
  return writtenValue(value) as WrittenOf<T>;
}

function writtenValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(writtenValue);
  if (value === null || typeof value !== 'object') return value;
  const keys = Object.keys(value).filter((k) => (value as Record<string, unknown>)[k] !== undefined);
  const o = value as Record<string, unknown>;
  if (keys.length === 1 && keys[0] === 'value' && typeof o.value === 'number') return o.value;
  return Object.fromEntries(keys.map((k) => [k, writtenValue(o[k])]));
}
