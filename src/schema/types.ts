import type { z } from 'zod';
import type { yearlyStatsSchema } from './stats.js';
import type { YearlyStatsInput } from './types.generated.js';

/**
 * The generated input type (types.generated.ts, with every field's
 * description as JSDoc) is the schema's input type exactly: tsc fails on
 * this line when they drift apart. Run `npm run gen:types` to bring it back.
 */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const generatedTypeMatchesSchema: Same<YearlyStatsInput, z.input<typeof yearlyStatsSchema>> = true;

export type { YearlyStatsInput };
