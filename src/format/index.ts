/**
 * Chinese number, date and heading formatting for summaries (GB/T 15835,
 * GB/T 15834, GB/T 9704). The one place where numbers become text;
 * templates reach these functions as Handlebars helpers and never do
 * arithmetic themselves. Pure, no I/O, browser-safe.
 */
export { FEN_PER_YUAN, MAX_AMOUNT_YUAN, fenOf, sumYuan, toFen, yuanText } from './money';
export { formatAmount, formatFen } from './amount';
export type { AmountUnit, FormatAmountOptions } from './amount';
export { formatCount } from './count';
export type { FormatCountOptions } from './count';
export { formatPercent, formatRatio } from './percent';
export type { FormatPercentOptions } from './percent';
export { formatAmountChange, formatChange } from './change';
export { chineseNumeral } from './numeral';
export { headingNumber } from './heading';
export { smallCount } from './smallCount';
export { formatDate, formatMonth, formatYear, isWithinYear } from './date';
export type { DateInput } from './date';
export { formatSchoolYear, semesterName } from './schoolYear';
export type { Semester } from './schoolYear';
export { RANGE_JOINER, formatPercentRange, formatRange } from './range';
export { joinList } from './list';
export type { JoinListOptions } from './list';
export { formatArea } from './area';
export { formatQuantity, formatRoughAmount, formatRoughCount, formatRoughPercent, formatRoughQuantity } from './rough';
export type { ApproxWord, RoughValue } from './rough';
