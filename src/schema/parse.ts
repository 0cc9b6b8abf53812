import { yearlyStatsSchema, type YearlyStats } from './stats.js';
import { toStatsIssues, type StatsIssue } from './issues.js';
import { withSuggestion } from './suggest.js';

/** Thrown by {@link parseStats}: every problem of the input, not just the first. */
export class StatsError extends Error {
  override readonly name = 'StatsError';
  readonly issues: StatsIssue[];

  constructor(issues: StatsIssue[]) {
    const head = issues.length === 1 ? '统计数据有 1 处问题 / 1 problem in the stats' : `统计数据有 ${issues.length} 处问题 / ${issues.length} problems in the stats`;
    super([head, ...issues.map((i) => `- ${i.message.zh}\n  ${i.message.en}`)].join('\n'));
    this.issues = issues;
  }
}

export type SafeParseResult = { success: true; data: YearlyStats } | { success: false; error: StatsError };

/**
 * Validates stats and applies defaults, without throwing.
 *
 * @example
 * safeParseStats({ year: 2025 }).error?.issues[0]
 * //=> { code: 'required', where: 'organisation', expected: 'object', received: '(missing)', message: { zh: 'organisation：缺少必填项', en: 'organisation: is required but missing' }, … }
 */
export function safeParseStats(input: unknown): SafeParseResult {
  const result = yearlyStatsSchema.safeParse(input, { reportInput: true });
  if (result.success) return { success: true, data: result.data };
  return { success: false, error: new StatsError(result.error.issues.flatMap(toStatsIssues).map(withSuggestion)) };
}

/**
 * Validates stats and applies defaults.
 *
 * @throws {StatsError} listing every problem (path, expected, received, zh + en message)
 */
export function parseStats(input: unknown): YearlyStats {
  const result = safeParseStats(input);
  if (!result.success) throw result.error;
  return result.data;
}
