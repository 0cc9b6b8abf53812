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
  type YearlyStatsInput,
} from './stats.js';
