import { termsForYear, type Terms } from '../compose/terms.js';
import { warning, type Warning } from '../facts/warning.js';
import type { YearlyStats } from '../schema/stats.js';
import { dates } from './dates.js';
import { doubled } from './doubled.js';
import { enumeration } from './enumeration.js';
import { textFields } from './fields.js';
import type { ProofreadContext, TextCheck } from './finding.js';
import { garbled } from './garbled.js';
import { halfWidth } from './halfwidth.js';
import { pairs } from './pairs.js';
import { percent } from './percent.js';
import { periodTerms } from './periodTerms.js';
import { placeholders } from './placeholders.js';
import { repeats } from './repeats.js';

export type { Finding, ProofreadContext, TextCheck } from './finding.js';

/** The checks of one field's text, in the order their warnings are listed. */
export const TEXT_CHECKS: readonly TextCheck[] = [placeholders, garbled, periodTerms, dates, percent, halfWidth, enumeration, pairs, doubled];

export interface ProofreadOptions {
  /** Words to accept instead of those the report year picks, as given to composeReport. */
  terms?: Partial<Terms>;
}

/**
 * Reads what the user typed the way a careful reviewer would: placeholders
 * left in, repeated sentences, words of another policy period, half-width
 * or unpaired punctuation, dates outside the report's period. Returns
 * warnings with the field's path; never changes a word — free text is
 * printed exactly as written.
 *
 * @param stats parsed stats (`parseStats`)
 * @example proofreadStats(parseStats({ …, year: 2023, problems: ['全县建档立卡学生xx人。'] }))
 *   // problems[0]：占位符“xx”未替换：“全县建档立卡学生xx人。”
 *   // problems[0]：“建档立卡”是2020年及以前的说法，2023年的报告用“脱贫家庭学生（原建档立卡）”：…
 */
export function proofreadStats(stats: YearlyStats, options: ProofreadOptions = {}): Warning[] {
  const terms = termsForYear(stats.year, options.terms);
  const fields = textFields(stats);
  const found = new Map<string, Warning[]>(fields.map((f) => [f.where, []]));
  for (const f of fields) {
    const context: ProofreadContext = { year: stats.year, period: stats.period, terms, field: f.field };
    for (const check of TEXT_CHECKS) for (const x of check(f.text, context)) found.get(f.where)!.push(warning(x.code, f.where, x.zh, x.en));
  }
  for (const { where, finding: x } of repeats(fields.filter((f) => f.prose))) found.get(where)!.push(warning(x.code, where, x.zh, x.en));
  // Listed field by field, in the order of the file.
  return [...found.values()].flat();
}
