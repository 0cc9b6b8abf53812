import { termsForYear, type Terms } from '../compose/terms.js';
import type { AidedGroup } from '../schema/enums.js';
import { summarise, type Finding, type TextCheck } from './finding.js';

/**
 * The words whose period matters. Which period each belongs to is not
 * written here: it is read from termsForYear, the words a report of each
 * year prints, so the two cannot drift apart.
 */
const WATCHED = ['建档立卡', '脱贫家庭', '监测对象', '防止返贫致贫对象', '边缘户'] as const;

/** The years the schema accepts, each asked for its words once. */
const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;

const strings = (terms: Terms) => [terms.work, terms.policyLine, terms.goal, ...Object.values(terms.groups)];

/**
 * How a period uses a word: not at all (null), freely (''), or only after a
 * character, as 2021–2025 write 建档立卡 only as “（原建档立卡）” ('原').
 */
function leadIns(terms: Terms, word: string): Set<string> | null {
  const found = new Set<string>();
  for (const s of strings(terms)) {
    for (let i = s.indexOf(word); i >= 0; i = s.indexOf(word, i + 1)) found.add(i === 0 ? '' : s[i - 1]!);
  }
  return found.size ? found : null;
}

const accepts = (leads: Set<string> | null, before: string) => leads !== null && (leads.has('') || leads.has(before));

/** Each year's words and each terms' lead-ins, worked out once: a thousand fields ask the same questions. */
const byYear = new Map<number, Terms>();
const defaultTerms = (year: number) => byYear.get(year) ?? byYear.set(year, termsForYear(year)).get(year)!;
const leadInsOf = new WeakMap<Terms, Map<string, Set<string> | null>>();
function cachedLeadIns(terms: Terms, word: string) {
  let words = leadInsOf.get(terms);
  if (!words) leadInsOf.set(terms, (words = new Map()));
  if (!words.has(word)) words.set(word, leadIns(terms, word));
  return words.get(word)!;
}

/** The years whose words accept the word after this character, e.g. “2020年及以前”. */
function yearsOf(word: string, before: string): { zh: string; en: string } | null {
  const years: number[] = [];
  for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) if (accepts(cachedLeadIns(defaultTerms(y), word), before)) years.push(y);
  if (years.length === 0) return null;
  const [first, last] = [years[0]!, years[years.length - 1]!];
  if (first === FIRST_YEAR) return { zh: `${last}年及以前`, en: `up to ${last}` };
  if (last === LAST_YEAR) return { zh: `${first}年及以后`, en: `from ${first}` };
  return { zh: `${first}—${last}年`, en: `${first}–${last}` };
}

/** This report's name for the group the word names in the years that use it. */
function currentName(word: string, terms: Terms): string | undefined {
  for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) {
    const groups = defaultTerms(y).groups;
    const key = (Object.keys(groups) as AidedGroup[]).find((k) => groups[k].includes(word) && groups[k] !== terms.groups[k]);
    if (key) return terms.groups[key];
  }
  return undefined;
}

/**
 * A word of another policy period typed in free text: 建档立卡 in a 2023
 * report (2021–2025 say 脱贫家庭学生（原建档立卡）), 监测对象 in 2019,
 * 防止返贫致贫对象 before 2026. The report's own terms decide, with the
 * caller's overrides: a word they use is never flagged.
 *
 * @example periodTerms('全县建档立卡学生4005人', { year: 2023, … }) // “建档立卡”是2020年及以前的说法…
 */
export const periodTerms: TextCheck = (text, { year, terms }) => {
  const out: Finding[] = [];
  for (const word of WATCHED) {
    if (!text.includes(word)) continue;
    const leads = cachedLeadIns(terms, word);
    const hits = [];
    for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + word.length)) {
      if (!accepts(leads, text[i - 1] ?? '')) hits.push({ index: i, length: word.length });
    }
    if (hits.length === 0) continue;
    const when = yearsOf(word, text[hits[0]!.index - 1] ?? '');
    const now = currentName(word, terms);
    out.push(
      ...summarise(
        'term_of_other_period',
        text,
        hits,
        `“${word}”${when ? `是${when.zh}的说法` : '不是本年度的说法'}，${year}年的报告${now ? `用“${now}”` : '不用此词'}`,
        `“${word}” ${when ? `is the wording of reports ${when.en}` : 'is not this period’s wording'}; a ${year} report ${now ? `says “${now}”` : 'does not use it'}`,
      ),
    );
  }
  return out;
};
