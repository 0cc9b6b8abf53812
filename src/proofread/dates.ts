import { formatSchoolYear } from '../format/schoolYear.js';
import { summarise, type Hit, type ProofreadContext, type TextCheck } from './finding.js';

/** 2025年3月5日, 2025年3月5号. */
const CHINESE = /(?<!\d)((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]/g;
/** 2025-03-05, 2025/3/5, 2025.3.5. */
const NUMERIC = /(?<![\d./-])((?:19|20)\d\d)([-/.])(\d{1,2})\2(\d{1,2})(?![\d]|[./-]\d)/g;
/** 3月28日, the year implied: not after 年 or a digit. */
const IMPLIED = /(?<![\d年]\s*)(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]/g;

interface Found extends Hit {
  year: number | undefined;
  month: number;
  day: number;
}

function datesIn(text: string): Found[] {
  const at = (m: RegExpMatchArray, year: string | undefined, month: string, day: string): Found => ({
    index: m.index!,
    length: m[0].length,
    year: year === undefined ? undefined : Number(year),
    month: Number(month),
    day: Number(day),
  });
  return [
    ...[...text.matchAll(CHINESE)].map((m) => at(m, m[1], m[2]!, m[3]!)),
    ...[...text.matchAll(NUMERIC)].map((m) => at(m, m[1], m[3]!, m[4]!)),
    ...[...text.matchAll(IMPLIED)].map((m) => at(m, undefined, m[1]!, m[2]!)),
  ].sort((a, b) => a.index - b.index);
}

const exists = (year: number, month: number, day: number) => {
  const d = new Date(Date.UTC(year, month - 1, day));
  return month >= 1 && month <= 12 && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
};

/**
 * The calendar years a report's dates fall in: its year, or both years of a
 * school year. January of the next year is accepted too, where a summary is
 * often signed and dated.
 */
function window({ year, period }: ProofreadContext) {
  const last = period === 'schoolYear' ? year + 1 : year;
  return {
    label: period === 'schoolYear' ? formatSchoolYear(year) : `${year}年`,
    labelEn: period === 'schoolYear' ? `the ${year}–${year + 1} school year` : String(year),
    inside: (y: number, month: number) => (y >= year && y <= last) || (y === last + 1 && month === 1),
    after: (y: number) => y > last,
    /** The year a date without one means: in a school year, autumn months are the first year. */
    implied: (month: number) => (period === 'schoolYear' && month < 8 ? year + 1 : year),
  };
}

/**
 * Dates in free text outside the report's period (last year's summary
 * copied over), and dates that do not exist (2月30日). A date with the year
 * implied (3月28日) is read as the report's. In `plans` a later date is what
 * a plan is about, so only an earlier one counts there.
 *
 * @example dates('于2024年3月5日召开会议', { year: 2025, … }) // 日期不在报告期（2025年）内
 */
export const dates: TextCheck = (text, context) => {
  const w = window(context);
  const outside: Hit[] = [];
  const missing: Hit[] = [];
  for (const d of datesIn(text)) {
    if (!exists(d.year ?? w.implied(d.month), d.month, d.day)) missing.push(d);
    else if (d.year !== undefined && !w.inside(d.year, d.month) && !(context.field === 'plans' && w.after(d.year))) outside.push(d);
  }
  return [
    ...summarise('date_outside_year', text, outside, `日期不在报告期（${w.label}）内`, `a date outside the report period (${w.labelEn})`),
    ...summarise('date_invalid', text, missing, '日期不存在', 'a date that does not exist'),
  ];
};
