/**
 * From the schools to the county: many schools' stats added up into one
 * county's stats, exactly, with the checks across files and last year's
 * figures. Pure and browser-safe: stats come in as objects, a file's name
 * only as the name warnings give it.
 */
export { aggregateStats, createAggregator, AggregateError, type AggregateOptions, type AggregateResult, type AggregateTotals, type Aggregator, type SchoolInput } from './aggregate.js';
export { compareYears, type YearChange } from './change.js';
export type { ProjectSubtotal, ProjectTotals } from './projects.js';
export type { Figure } from './total.js';
export type { AggregateWarning } from './warning.js';
