/** The dash between the years of a school year: one em dash, U+2014. */
const YEAR_DASH = '\u2014';

/** The two semesters a school year is counted in. */
export type Semester = 'spring' | 'autumn';

const SEMESTER_NAMES: Record<Semester, string> = {
  spring: '春季学期',
  autumn: '秋季学期',
};

/**
 * A school year from its starting year, both years in full joined by one
 * em dash (U+2014).
 *
 * @throws {RangeError} when `startYear` is not a positive integer
 * @example formatSchoolYear(2025) → "2025—2026学年"
 */
export function formatSchoolYear(startYear: number): string {
  if (!Number.isSafeInteger(startYear) || startYear < 1) {
    throw new RangeError(`formatSchoolYear: expected a positive integer year, received ${startYear}`);
  }
  return `${startYear}${YEAR_DASH}${startYear + 1}学年`;
}

/**
 * The name of a semester.
 *
 * @throws {RangeError} for anything but 'spring' or 'autumn'
 * @example semesterName('spring') → "春季学期"
 * @example semesterName('autumn') → "秋季学期"
 */
export function semesterName(semester: Semester): string {
  if (!Object.hasOwn(SEMESTER_NAMES, semester)) {
    throw new RangeError(`semesterName: expected 'spring' or 'autumn', received ${String(semester)}`);
  }
  return SEMESTER_NAMES[semester];
}
