import { programmeName, programmeRule } from '../domain/programmes.js';
import { formatPath } from '../schema/issues.js';
import { AID_PERIOD_LABELS, PROJECT_KIND_LABELS, REPORT_PERIOD_LABELS, SEMESTER_LABELS, STAGE_LABELS } from '../schema/enums.js';
import type { Project, YearlyStats } from '../schema/stats.js';
import { toFen, yuanText } from '../format/money.js';
import { enrolledIn, type EnrolmentFacts } from './enrolment.js';
import { fundingFen } from './projects.js';
import { warning, type Warning } from './warning.js';

const at = (...path: (string | number)[]) => formatPath(path);

/** Parts that do not add up to a stated total. */
function statedTotals(stats: YearlyStats, enrolment: EnrolmentFacts | undefined): Warning[] {
  const out: Warning[] = [];
  stats.aidedGroups.forEach((g, i) => {
    if (g.students === undefined || g.byStage === undefined) return;
    const sum = Object.values(g.byStage).reduce<number>((n, v) => n + (v ?? 0), 0);
    if (sum !== g.students)
      out.push(
        warning(
          'parts_do_not_add_up',
          at('aidedGroups', i, 'students'),
          `填报合计${g.students}人，各学段相加为${sum}人，相差${Math.abs(g.students - sum)}人；总结按各学段之和${sum}人印出`,
          `the stated total is ${g.students} but the stages add up to ${sum}; the summary prints the sum, ${sum}`,
        ),
      );
  });
  if (enrolment && stats.enrolment) {
    const checks = [
      ['totalStudents', stats.enrolment.totalStudents, enrolment.students, '人', 'students'],
      ['totalSchools', stats.enrolment.totalSchools, enrolment.schools, '所', 'schools'],
    ] as const;
    const known = { totalStudents: enrolment.known.students, totalSchools: enrolment.known.schools };
    for (const [field, stated, sum, unit, noun] of checks) {
      if (stated !== undefined && known[field] && stated !== sum)
        out.push(
          warning(
            'parts_do_not_add_up',
            at('enrolment', field),
            `填报合计${stated}${unit}，各学段相加为${sum}${unit}`,
            `the stated total is ${stated} ${noun} but the stages add up to ${sum}`,
          ),
        );
    }
  }
  return out;
}

/**
 * More students aided in a stage and semester than are enrolled in it, for
 * the programmes paid within the organisation's schools (src/domain).
 */
function aidedVsEnrolled(stats: YearlyStats, enrolment: EnrolmentFacts | undefined): Warning[] {
  if (!enrolment) return [];
  const out: Warning[] = [];
  stats.aid.forEach((a, i) => {
    if (a.students === undefined || a.backPay || a.period === 'year' || !programmeRule(a.programme).withinEnrolment) return;
    const enrolled = enrolledIn(enrolment, a.stage);
    if (enrolled !== undefined && a.students > enrolled)
      out.push(
        warning(
          'aided_exceeds_enrolled',
          at('aid', i, 'students'),
          `${SEMESTER_LABELS[a.period]}${STAGE_LABELS[a.stage]}${programmeName(a.programme, a.stage, a.name)}受助${a.students}人，多于该学段在校学生${enrolled}人`,
          `${a.students} aided in ${a.stage}, ${a.period}, more than the ${enrolled} enrolled`,
        ),
      );
  });
  return out;
}

/** A row's groups that add up to more or fewer students than the row states. */
function groupShares(stats: YearlyStats): Warning[] {
  const out: Warning[] = [];
  stats.aid.forEach((a, i) => {
    if (!a.byGroup || a.students === undefined) return;
    const sum = Object.values(a.byGroup).reduce<number>((n, v) => n + (v ?? 0), 0);
    if (sum !== a.students)
      out.push(
        warning(
          'parts_do_not_add_up',
          at('aid', i, 'byGroup'),
          `各群体合计${sum}人，与受助学生${a.students}人不符`,
          `the groups add up to ${sum}, the row states ${a.students} students`,
        ),
      );
  });
  return out;
}

/**
 * Aid rows outside the period the report covers: an autumn payment in a
 * spring report, a yearly one in a semester's. A school year (2025—2026)
 * holds both semesters.
 */
function period(stats: YearlyStats): Warning[] {
  if (stats.period === 'year' || stats.period === 'schoolYear') return [];
  const out: Warning[] = [];
  stats.aid.forEach((a, i) => {
    if (a.backPay || a.period === stats.period) return;
    out.push(
      warning(
        'outside_period',
        at('aid', i, 'period'),
        `本条为${AID_PERIOD_LABELS[a.period]}，报告只涵盖${REPORT_PERIOD_LABELS[stats.period]}`,
        `the row is for ${a.period}, the report covers only ${stats.period}`,
      ),
    );
  });
  return out;
}

/** How a project is named in a message. */
function projectName(p: Project): string {
  return p.school ?? p.schools?.join('、') ?? p.name ?? p.programme ?? PROJECT_KIND_LABELS[p.kind];
}

/** Funding sources that do not add up to the stated investment. */
function funding(stats: YearlyStats): Warning[] {
  const out: Warning[] = [];
  stats.projects.forEach((p, i) => {
    if (p.investment === undefined || p.funding === undefined) return;
    const sources = fundingFen(p);
    if (p.investment.approx) return;
    const stated = toFen(p.investment.value);
    if (sources !== stated)
      out.push(
        warning(
          'funding_does_not_add_up',
          at('projects', i, 'funding'),
          `${projectName(p)}项目各来源资金合计${yuanText(sources)}，与总投资${yuanText(stated)}不符`,
          `the sources add up to ${yuanText(sources)}, the investment is ${yuanText(stated)}`,
        ),
      );
  });
  return out;
}

/** Dates outside the report year (a school year reaches into the next; a signature may fall early in the next year). */
function dates(stats: YearlyStats): Warning[] {
  const out: Warning[] = [];
  const yearOf = (d: string) => Number(d.slice(0, 4));
  const next = stats.period === 'schoolYear';
  const check = (date: string | undefined, where: string, allowNext = next) => {
    if (!date) return;
    const y = yearOf(date);
    if (y === stats.year || (allowNext && y === stats.year + 1)) return;
    out.push(warning('date_outside_year', where, `日期${date}不在报告年度${stats.year}年内`, `${date} is outside the report year ${stats.year}`));
  };
  stats.trainings.forEach((t, i) => check(t.date, at('trainings', i, 'date')));
  stats.projects.forEach((p, i) => check(p.date, at('projects', i, 'date')));
  check(stats.signature?.date, at('signature', 'date'), true);
  return out;
}

/**
 * Children accounted for beyond those found: returned and home-taught (the
 * fields, or the reasons handled so, whichever is larger — a reason may
 * break the field down) plus the other reasons.
 */
function dropout(stats: YearlyStats): Warning[] {
  const d = stats.dropout;
  if (!d || d.found === undefined) return [];
  const byAction = (action: string) => d.reasons.filter((r) => r.action === action).reduce((n, r) => n + r.students, 0);
  const other = d.reasons.filter((r) => r.action !== 'returned' && r.action !== 'homeTaught').reduce((n, r) => n + r.students, 0);
  const accounted = Math.max(d.returned ?? 0, byAction('returned')) + Math.max(d.homeTaught ?? 0, byAction('homeTaught')) + other;
  if (accounted <= d.found) return [];
  return [
    warning(
      'dropout_does_not_add_up',
      at('dropout'),
      `劝返、送教和其他情况合计${accounted}人，多于排查出的${d.found}人`,
      `returned, home-taught and other cases add up to ${accounted}, more than the ${d.found} found`,
    ),
  ];
}

/**
 * Amounts that differ from students × standard, where the standard is
 * counted per the row's period (per semester for a semester's payment, per
 * year for a year's); a daily or monthly standard is not checked.
 */
function standards(stats: YearlyStats): Warning[] {
  const out: Warning[] = [];
  stats.aid.forEach((a, i) => {
    if (a.standard === undefined || a.students === undefined || a.amount === undefined) return;
    const unit = a.standardUnit ?? (a.period === 'year' ? 'year' : 'semester');
    if (unit !== (a.period === 'year' ? 'year' : 'semester')) return;
    const standard = toFen(a.standard);
    const expected = standard * a.students;
    const actual = toFen(a.amount);
    if (expected !== actual)
      out.push(
        warning(
          'amount_differs_from_standard',
          at('aid', i, 'amount'),
          `${a.students}人 × ${yuanText(standard)} = ${yuanText(expected)}，填报金额为${yuanText(actual)}`,
          `${a.students} × ${yuanText(standard)} = ${yuanText(expected)}, but the amount is ${yuanText(actual)}`,
        ),
      );
  });
  return out;
}

/** Every consistency warning of valid stats, in field order. */
export function checkStats(stats: YearlyStats, enrolment: EnrolmentFacts | undefined): Warning[] {
  return [...statedTotals(stats, enrolment), ...aidedVsEnrolled(stats, enrolment), ...groupShares(stats), ...period(stats), ...standards(stats), ...funding(stats), ...dropout(stats), ...dates(stats)];
}
