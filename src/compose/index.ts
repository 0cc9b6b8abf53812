import { ORG_KINDS } from '../domain/organisations.js';
import { deriveFacts } from '../facts/index.js';
import { warning, type Warning } from '../facts/warning.js';
import { formatDate } from '../format/date.js';
import type { Block, Report } from '../model/index.js';
import { proofreadStats } from '../proofread/index.js';
import { parseStats } from '../schema/parse.js';
import type { YearlyStats } from '../schema/stats.js';
import type { YearlyStatsInput } from '../schema/types.js';
import { cleanText } from './clean.js';
import { MarkupError, parseMarkup } from './markup.js';
import { outline } from './outline.js';
import { withSharedPartials } from './partials.js';
import { fundsByStageChart } from './charts.js';
import { aidTable, projectsTable, trainingsTable } from './tables.js';
import { schoolHighlights, schoolsTable } from './schools.js';
import { BUILTIN_TEMPLATES, compileTemplate, TemplateError, type RenderTemplate, type TemplateSource } from './template.js';
import { termsForYear, type Terms } from './terms.js';
import { bare, seal, TextVault, VaultLeakError } from './vault.js';
import { buildView, periodView } from './view.js';

export { BUILTIN_TEMPLATES, TemplateError, type TemplateSource } from './template.js';
export { termsForYear, type Terms } from './terms.js';
export { SHARED_PARTIALS } from './partials.js';
export type { View } from './view.js';
export type * from './template-view.js';

export interface ComposeOptions {
  /** A built-in template name, or a template's files. Default: `bureau` for a bureau, else `school`. */
  template?: 'school' | 'bureau' | TemplateSource;
  /** Words to use instead of those the report year picks. */
  terms?: Partial<Terms>;
}

export interface ComposeResult {
  report: Report;
  warnings: Warning[];
}

const compiled = new WeakMap<TemplateSource, RenderTemplate>();

function templateFor(stats: YearlyStats, choice: ComposeOptions['template']): { source: TemplateSource; run: RenderTemplate } {
  const source = withSharedPartials(typeof choice === 'object' ? choice : BUILTIN_TEMPLATES[choice ?? ORG_KINDS[stats.organisation.kind].template]);
  let run = compiled.get(source);
  if (!run) compiled.set(source, (run = compileTemplate(source)));
  return { source, run };
}

/** The template's output as markup; a line it cannot parse (an unknown @directive) is the template's error. */
function parseTemplateOutput(template: { source: TemplateSource; run: RenderTemplate }, view: unknown, store: readonly Block[], vault: TextVault) {
  let output: string;
  try {
    output = template.run(view);
  } catch (error) {
    // Messages name the user's value, never the private-use token that stood for it.
    if (error instanceof TemplateError) {
      throw new TemplateError(error.template, error.file, error.line, vault.quote(error.reason), error.column, error.detail);
    }
    throw error;
  }
  try {
    return parseMarkup(output, store);
  } catch (error) {
    if (error instanceof MarkupError) throw new TemplateError(template.source.name, 'report.hbs', undefined, error.message);
    throw error;
  }
}

/**
 * Stats → the document model: validate, derive facts, render the template
 * to markup, parse it into blocks, drop empty sections and number headings.
 *
 * @throws {StatsError} when the stats are invalid
 * @throws {TemplateError} when the template fails, naming its file and line
 */
export function composeReport(input: YearlyStatsInput, options?: ComposeOptions): ComposeResult;
/** Untrusted data (parsed JSON, a request body): checked by the schema like any other. */
export function composeReport(input: unknown, options?: ComposeOptions): ComposeResult;
export function composeReport(input: unknown, options: ComposeOptions = {}): ComposeResult {
  const warnings: Warning[] = [];
  const stats = cleanText(parseStats(input), warnings);
  const facts = deriveFacts(stats);
  warnings.push(...facts.warnings);
  // A caller's words are user text too: cleaned like the stats.
  const terms = termsForYear(stats.year, options.terms && cleanText(options.terms, warnings, ['terms']));
  // Free text is printed as written; what a reviewer would query comes back as warnings.
  warnings.push(...proofreadStats(stats, { terms }));

  const store: Block[] = [];
  const put = (block: Block | null) => (block ? (store.push(block), `@block ${store.length - 1}`) : null);
  const tables = {
    aid: put(aidTable(stats, facts)), projects: put(projectsTable(stats, facts)), // Up to three trainings held read well in prose; more get a table of their own.
    trainings: (facts.trainings?.byStatus.done?.count ?? 0) > 3 ? put(trainingsTable(stats, facts)) : null,
    // A county's aggregate: the per-school table, and each school's highlights when listed.
    schools: put(schoolsTable(stats)),
    schoolHighlights: schoolHighlights(stats).map(put).join('\n') || null,
  };
  const charts = { fundsByStage: put(fundsByStageChart(facts)) };

  const vault = new TextVault();
  // Table markers are ours, not user text: they stay outside the vault.
  const view = bare({ ...seal(buildView(stats, facts, terms, tables, warnings, charts), vault), tables: bare(tables), charts: bare(charts) });
  const template = templateFor(stats, options.template);
  const markup = parseTemplateOutput(template, view, store, vault);

  const reveal = (text: string) => {
    try {
      return vault.reveal(text);
    } catch (error) {
      if (error instanceof VaultLeakError) throw new TemplateError(template.source.name, 'report.hbs', undefined, error.message);
      throw error;
    }
  };
  const revealBlock = (block: Block): Block => {
    switch (block.type) {
      case 'heading':
        return { ...block, text: reveal(block.text), ...(block.runIn === undefined ? {} : { runIn: reveal(block.runIn) }) };
      case 'paragraph':
        return { ...block, text: reveal(block.text) };
      case 'table':
      case 'figure':
        return block;
    }
  };
  const issuer = stats.signature?.issuer ?? stats.organisation.name;
  const title = markup.title ? reveal(markup.title) : `${issuer}${periodView(stats).label}工作总结`;
  const date = stats.signature?.date ?? `${stats.year}-12-31`;
  if (!stats.signature)
    warnings.push(warning('no_signature', 'signature', '未填写落款日期，文末不印落款', 'no signature date given: the summary has no 落款'));

  const subtitle = markup.subtitle ? reveal(markup.subtitle) : undefined;
  const report: Report = {
    type: 'report',
    meta: {
      title,
      author: issuer,
      subject: title.replace(/^.*?\d{4}年/, ''),
      keywords: [terms.work, '学生资助', String(stats.year)],
      date,
      year: stats.year,
      language: 'zh-CN',
    },
    title,
    ...(subtitle ? { subtitle } : {}),
    // The close (“总之……”, 特此报告。) follows the last section, under no heading.
    body: [...outline(markup.body.map(revealBlock)), ...markup.closing.map(revealBlock)],
    ...(stats.signature ? { signature: { issuer, date: formatDate(stats.signature.date) } } : {}),
    attachments: markup.attachments
      .map((a) => ({ title: reveal(a.title), blocks: outline(a.blocks.map(revealBlock)) }))
      .filter((a) => a.blocks.length > 0)
      .map((a, i) => ({ type: 'attachment' as const, index: i + 1, ...a })),
  };
  return { report, warnings };
}
