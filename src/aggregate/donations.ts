import type { Donations, YearlyStatsInput } from '../schema/stats.js';
import { NameList } from './names.js';
import { written } from './written.js';
import { settle } from './settle.js';
import { Total } from './total.js';
import { aggregateWarning, type AggregateWarning } from './warning.js';

type DonationsOut = NonNullable<YearlyStatsInput['donations']>;

/** The schema's limit on donors. */
const MAX_DONORS = 1000;

/**
 * 社会捐资助学: amounts (in 分) and students summed over the files that
 * report donations, each only where every one gives it, rough where any
 * part is; donors listed once each. A figure "since" a year covers every
 * year from the earliest any part counts from. The fund's name is kept
 * where every part names the same fund.
 */
export function donationsFold() {
  const amount = new Total('fen');
  const grants = new Total('fen');
  const students = new Total();
  const donors = new NameList();
  const funds = new Set<string | undefined>();
  const since = new Set<number | undefined>();
  let parts = 0;
  return {
    add(d: Donations | undefined, source: string): void {
      if (!d) return;
      parts++;
      amount.add(d.amount, source);
      grants.add(d.grants, source);
      students.add(d.students, source);
      donors.add(d.donors);
      funds.add(d.fund);
      since.add(d.since);
    },

    finish(bureau: Donations | undefined, bureauFile: string | undefined, warnings: AggregateWarning[]): DonationsOut | undefined {
      if (parts === 0) return bureau && written(bureau);
      const field = (f: string, unit: string) => ({ where: `donations.${f}`, unit, bureau: bureauFile, warnings });
      const out: Record<string, unknown> = {
        amount: settle(amount, bureau?.amount, field('amount', '元')),
        grants: settle(grants, bureau?.grants, field('grants', '元')),
        students: settle(students, bureau?.students, field('students', '人次')),
        donors: donors.finish(bureau?.donors, MAX_DONORS, 'donations.donors', warnings),
        fund: bureau?.fund ?? (funds.size === 1 ? [...funds][0] : undefined),
        since: sinceOf(since, bureau?.since, warnings),
      };
      for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
      const states = out.amount !== undefined || out.students !== undefined || (out.donors as string[]).length > 0 || out.fund !== undefined;
      return states ? (out as DonationsOut) : undefined;
    },
  };
}

/** The earliest year counted from; a warning when parts count from different years. */
function sinceOf(years: Set<number | undefined>, own: number | undefined, warnings: AggregateWarning[]): number | undefined {
  if (own !== undefined) return own;
  const given = [...years].filter((y): y is number => y !== undefined);
  if (given.length === 0) return undefined;
  if (years.size > 1)
    warnings.push(
      aggregateWarning(
        'since_differs',
        'donations.since',
        [],
        `各校捐资助学的起算年份不同（${[...years].map((y) => (y === undefined ? '当年' : `${y}年以来`)).join('、')}）；合计按最早的${Math.min(...given)}年以来印出`,
        `the schools count donations from different years (${[...years].map((y) => y ?? 'this year').join(', ')}); the sum is given since the earliest, ${Math.min(...given)}`,
      ),
    );
  return Math.min(...given);
}
