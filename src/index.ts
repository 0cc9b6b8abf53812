/**
 * zongjie: yearly education-aid statistics → standardized Chinese work
 * summaries. The core: browser-safe, no file system; fonts arrive as bytes.
 *
 *   parseStats → deriveFacts → composeReport → renderDocx / renderPdf / renderMarkdown
 */
export * from './schema/index.js';
export {
  PROGRAMMES,
  ORG_KINDS,
  SECTIONS,
  programmeRule,
  programmeName,
  programmeVerb,
  voiceOf,
  divisionOf,
  type ProgrammeKind,
  type ProgrammeRule,
  type OrgKindRule,
  type SectionRule,
  type Voice,
} from './domain/index.js';
export * from './input/index.js';
export { deriveFacts, type Facts, type Warning } from './facts/index.js';
export type {
  AidFacts,
  BackPayFact,
  Change,
  Coverage,
  EnrolmentFacts,
  GroupFacts,
  GroupShare,
  PaymentFacts,
  ProgrammeFacts,
  ProjectFacts,
  ProjectGroup,
  ProjectSet,
  StageAidFacts,
  Tally,
  TrainingFacts,
  TrainingTally,
} from './facts/index.js';
export {
  FEN_PER_YUAN,
  MAX_AMOUNT_YUAN,
  fenOf,
  toFen,
  yuanText,
  sumYuan,
  formatAmount,
  formatFen,
  formatCount,
  formatPercent,
  formatRatio,
  formatChange,
  formatAmountChange,
  chineseNumeral,
  headingNumber,
  smallCount,
  formatDate,
  formatMonth,
  formatYear,
  isWithinYear,
  formatSchoolYear,
  semesterName,
  RANGE_JOINER,
  formatRange,
  formatPercentRange,
  joinList,
  formatArea,
  formatQuantity,
  formatRoughAmount,
  formatRoughCount,
  formatRoughPercent,
  formatRoughQuantity,
  type AmountUnit,
  type FormatAmountOptions,
  type FormatCountOptions,
  type FormatPercentOptions,
  type DateInput,
  type JoinListOptions,
} from './format/index.js';
export {
  aggregateStats,
  createAggregator,
  compareYears,
  AggregateError,
  type AggregateOptions,
  type AggregateResult,
  type AggregateTotals,
  type AggregateWarning,
  type Aggregator,
  type SchoolInput,
  type YearChange,
} from './aggregate/index.js';
export {
  composeReport,
  BUILTIN_TEMPLATES,
  SHARED_PARTIALS,
  TemplateError,
  termsForYear,
  type ComposeOptions,
  type ComposeResult,
  type TemplateSource,
  type TemplateView,
  type Terms,
} from './compose/index.js';
export { proofreadStats, type ProofreadOptions } from './proofread/index.js';
export * from './model/index.js';
export * from './layout/profile.js';
export { planReport, columnShares, CLOSING_KEEPS_LINES } from './layout/plan/index.js';
export type { LayoutPlan, PlacedBlock, PlacedKind, TitleBlock, TextBlock, TableBlock, FigureBlock, PlacedRow, PlacedCell, TextStyle, Align, Run, Keep, Spacing, ChartDrawer, PlanOptions } from './layout/plan/index.js';
export { renderMarkdown } from './render/markdown/index.js';
export { renderLines, renderText, planLines } from './render/text/index.js';
export { renderDocx, renderDocxPlan, type RenderDocxOptions, type Rasterize } from './render/docx/index.js';
export { renderPdf, renderPdfWithWarnings, MissingGlyphError, type RenderPdfOptions, type FontFace, type FontSet, type PdfResult, type PdfWarning } from './render/pdf/index.js';
