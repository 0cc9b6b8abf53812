import { formatPath } from '../schema/issues.js';
import { PROGRAMME_LABELS, SEMESTER_LABELS, STAGE_LABELS } from '../schema/enums.js';
import type { YearlyStats } from '../schema/stats.js';
import { toFen } from '../format/money.js';
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
    for (const [field, stated, sum, unit, noun] of checks) {
      if (stated !== undefined && stated !== sum)
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

/** More students aided in a stage and semester than are enrolled in it. */
function aidedVsEnrolled(stats: YearlyStats, enrolment: EnrolmentFacts | undefined): Warning[] {
  if (!enrolment) return [];
  const out: Warning[] = [];
  stats.aid.forEach((a, i) => {
    if (a.students === undefined || a.backPay || a.period === 'year' || a.programme === 'studentLoan' || a.programme === 'yulu') return;
    const enrolled = enrolledIn(enrolment, a.stage);
    if (enrolled !== undefined && a.students > enrolled)
      out.push(
        warning(
          'aided_exceeds_enrolled',
          at('aid', i, 'students'),
          `${SEMESTER_LABELS[a.period]}${STAGE_LABELS[a.stage]}${PROGRAMME_LABELS[a.programme]}受助${a.students}人，多于该学段在校学生${enrolled}人`,
          `${a.students} aided in ${a.stage}, ${a.period}, more than the ${enrolled} enrolled`,
        ),
      );
  });
  return out;
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
          `${p.school}项目各来源资金合计${sources / 100}元，与总投资${stated / 100}元不符`,
          `the sources add up to ${sources / 100} yuan, the investment is ${stated / 100} yuan`,
        ),
      );
  });
  return out;
}

/** Dates outside the report year (a signature may fall early in the next year). */
function dates(stats: YearlyStats): Warning[] {
  const out: Warning[] = [];
  const yearOf = (d: string) => Number(d.slice(0, 4));
  const check = (date: string | undefined, where: string, allowNext = false) => {
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

function dropout(stats: YearlyStats): Warning[] {
  const d = stats.dropout;
  if (!d) return [];
  if (d.found === undefined) return [];
  // TODO(issue 11): reasons with an action overlap returned/homeTaught.
  const accounted = (d.returned ?? 0) + (d.homeTaught ?? 0) + d.reasons.reduce((n, r) => n + r.students, 0);
  if (accounted <= d.found) return [];
  return [
    warning(
      'dropout_does_not_add_up',
      at('dropout'),
      `劝返、送教和其他原因合计${accounted}人，多于排查出的${d.found}人`,
      `returned, home-taught and other reasons add up to ${accounted}, more than the ${d.found} found`,
    ),
  ];
}

/** Amounts that differ from students × standard. */
function standards(stats: YearlyStats): Warning[] {
  const out: Warning[] = [];
  stats.aid.forEach((a, i) => {
    if (a.standard === undefined || a.students === undefined || a.amount === undefined) return;
    const expected = toFen(a.standard) * a.students;
    const actual = toFen(a.amount);
    if (expected !== actual)
      out.push(
        warning(
          'amount_differs_from_standard',
          at('aid', i, 'amount'),
          `${a.students}人 × ${a.standard}元 = ${expected / 100}元，填报金额为${a.amount}元`,
          `${a.students} × ${a.standard} yuan = ${expected / 100} yuan, but the amount is ${a.amount} yuan`,
        ),
      );
  });
  return out;
}

/** Every consistency warning of valid stats, in field order. */
export function checkStats(stats: YearlyStats, enrolment: EnrolmentFacts | undefined): Warning[] {
  return [...statedTotals(stats, enrolment), ...aidedVsEnrolled(stats, enrolment), ...standards(stats), ...funding(stats), ...dropout(stats), ...dates(stats)];
}
