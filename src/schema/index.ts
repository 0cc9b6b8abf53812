export * from './enums.js';
export { parseStats, safeParseStats, StatsError, type SafeParseResult } from './parse.js';
export { statsJsonSchema } from './json-schema.js';
export { formatPath, type StatsIssue, type StatsIssueCode } from './issues.js';
export {
  yearlyStatsSchema,
  type Aid,
  type AidedGroupCount,
  type Dropout,
  type EnrolmentStage,
  type Organisation,
  type Project,
  type Training,
  type YearlyStats,
} from './stats.js';
/** Stats as you write them (hand-built in TypeScript, or a stats.json): fields with defaults optional, each documented. */
export type { YearlyStatsInput } from './types.js';
