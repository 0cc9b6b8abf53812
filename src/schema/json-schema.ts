import { z } from 'zod';
import { yearlyStatsSchema } from './stats.js';

/**
 * The JSON Schema (draft 2020-12) of a stats.json, for editors: point a file's
 * `$schema` at it and every field autocompletes with its Chinese description.
 * Describes the input, so fields with defaults are optional.
 */
export function statsJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(yearlyStatsSchema, { io: 'input', unrepresentable: 'any' }),
    title: 'zongjie YearlyStats',
  };
}
