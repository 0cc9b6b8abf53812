/**
 * Whether a composed report says only what its data says. The body's text
 * (paragraphs, run-in text, headings) is read sentence by sentence; the
 * user's own strings are taken out, and every number left — what the
 * templates printed — must be a number of the input or of the derived facts
 * (a sum, a change, a rate), as formatted (万元 rounded to two decimals),
 * and never 0. Tables are not read: a 0 may stand in a cell.
 */
import type { Facts, Report, YearlyStats } from '../../src/index.js';

/** The text blocks of the body: what the office reads as the summary. */
export function bodyTexts(report: Report): string[] {
  return report.body.flatMap((b) => (b.type === 'paragraph' ? [b.text] : b.type === 'heading' ? [b.text, ...(b.runIn ? [b.runIn] : [])] : []));
}

/** Sentences, split after 。；！？ (a sentence keeps its end). */
export function sentences(text: string): string[] {
  return text.match(/[^。；！？]+[。；！？]?/g)?.map((s) => s.trim()).filter(Boolean) ?? [];
}

/** Every string of a value, longest first: what the user typed. */
export function userStrings(value: unknown): string[] {
  const out = new Set<string>();
  const walk = (v: unknown) => {
    if (typeof v === 'string') {
      if (v.trim()) for (const line of v.split('\n')) if (line.trim()) out.add(line.trim());
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(value);
  return [...out].sort((a, b) => b.length - a.length);
}

/**
 * `text` with every user string cut out (replaced by a separator, so numbers
 * on either side stay apart). A string that starts or ends with a digit is
 * cut only where no digit touches it there: "1." is no part of "1521.01万元".
 */
export function withoutUserText(text: string, strings: readonly string[]): string {
  let out = text;
  for (const s of strings) {
    if (s.length === 0) continue;
    const before = /^[0-9.]/.test(s) ? '(?<![0-9.])' : '';
    const after = /[0-9.]$/.test(s) ? '(?![0-9])' : '';
    out = out.replace(new RegExp(`${before}${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${after}`, 'g'), ' | ');
  }
  return out;
}

/** A number as printed, with its value in plain units (万 and 亿 multiplied out) and the rounding it allows. */
export interface PrintedNumber {
  printed: string;
  value: number;
  /** Half the last printed digit's step, in plain units. */
  tolerance: number;
  percent: boolean;
}

const SMALL: Record<string, number> = { 一: 1, 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
const ROUND: Record<string, number> = { 百: 100, 千: 1000, 万: 10_000 };

/** The numbers a generated sentence states: Arabic figures (with 万/亿), 近百 and small counts in words (三所). */
export function printedNumbers(text: string): PrintedNumber[] {
  const out: PrintedNumber[] = [];
  // 930多万, 8000余, 12万余: 余 and 多 may stand before or after 万, 亿 and 万亿.
  for (const m of text.matchAll(/(\d+(?:\.\d+)?)[余多]?(万亿|万|亿)?[余多]?(%)?/g)) {
    const digits = m[1]!;
    const scale = m[2] === '万亿' ? 1e12 : m[2] === '万' ? 1e4 : m[2] === '亿' ? 1e8 : 1;
    const decimals = digits.includes('.') ? digits.split('.')[1]!.length : 0;
    const percent = m[3] === '%';
    // A computed percentage is rounded to two decimals and its zeros dropped: 99.995% prints 100%.
    const tolerance = percent ? 0.005 + 1e-9 : scale === 1 && decimals === 0 ? 0 : (0.5 * scale) / 10 ** decimals + 1e-9;
    out.push({ printed: m[0], value: Number(digits) * scale, tolerance, percent });
  }
  for (const m of text.matchAll(/([一两二三四五六七八九十])(?:所|名)(?:学校|幼儿园|教师)/g)) out.push({ printed: m[0], value: SMALL[m[1]!]!, tolerance: 0, percent: false });
  for (const m of text.matchAll(/近([百千万])/g)) out.push({ printed: m[0], value: ROUND[m[1]!]!, tolerance: 0, percent: false });
  return out;
}

/** Every number of a value, walking objects and arrays; `fen` fields (and *Fen) also in 元. */
function numbersIn(value: unknown, out: number[]): void {
  const walk = (v: unknown, money: boolean) => {
    if (typeof v === 'number') {
      out.push(v);
      if (money) out.push(v / 100);
    } else if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) out.push(...v.split('-').map(Number));
    else if (Array.isArray(v)) v.forEach((x) => walk(x, money));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, money || /fen$/i.test(k));
  };
  walk(value, false);
}

/**
 * The numbers a sentence may state: those of the stats and of the facts,
 * the differences and rates of the year-over-year changes, coverage rates,
 * and the year after the report year (a school year's end).
 */
export function backedNumbers(stats: YearlyStats, facts: Facts): { values: number[]; percents: number[] } {
  const values: number[] = [];
  numbersIn(stats, values);
  numbersIn({ ...facts, warnings: [] }, values);
  values.push(stats.year + 1);
  const percents = stats.rates.map((r) => r.value.value);
  for (const [key, change] of Object.entries(facts.change)) {
    if (!change) continue;
    const diff = Math.abs(change.current - change.previous);
    values.push(diff, /fen$/i.test(key) ? diff / 100 : diff);
    if (change.previous > 0) percents.push((diff / change.previous) * 100);
  }
  for (const c of facts.coverage) percents.push((c.aided / c.eligible) * 100);
  return { values, percents };
}

/** The problems with a report's generated text: numbers not backed by the data, and zeros. */
export function unbacked(report: Report, stats: YearlyStats, facts: Facts, extraUserText: unknown = undefined): string[] {
  const strings = userStrings([stats, extraUserText]);
  const { values, percents } = backedNumbers(stats, facts);
  const problems: string[] = [];
  for (const text of bodyTexts(report)) {
    // The user's text first (it may span sentences), then each generated sentence.
    for (const sentence of sentences(withoutUserText(text, strings))) {
      for (const n of printedNumbers(sentence)) {
        // A rate of 0% is a statement the office made; a count or an amount of 0 is not.
        if (n.value === 0 && !n.percent) problems.push(`0 printed: “${n.printed}” in “${sentence}”`);
        else if (!(n.percent ? percents : values).some((v) => Math.abs(v - n.value) <= n.tolerance + 1e-9 * Math.abs(v))) problems.push(`not in the data: “${n.printed}” in “${sentence}”`);
      }
    }
  }
  return problems;
}

/**
 * Claims no field states: printed only where the user's own text says them.
 * (The list: stock phrases the templates once printed for everyone.)
 */
export const STOCK_CLAIMS = [
  '一生一档',
  '家喻户晓',
  '城镇骨干教师',
  '残疾儿童少年',
  '截留',
  '挪用',
  '交流学生在校表现',
  '课业辅导',
  '心理疏导',
  '投入使用',
  '动态清零',
  '一人一案',
  '预留编制',
  '冠名班',
  '扶志向',
  '逐一走访',
  '函告',
  '按时足额',
  '学习积极性',
  '无一名学生因贫',
  '应助尽助',
];

/** Stock claims in the generated text (the user's own strings taken out). */
export function stockClaims(report: Report, stats: YearlyStats): string[] {
  const strings = userStrings(stats);
  return bodyTexts(report).flatMap((text) => {
    const generated = withoutUserText(text, strings);
    return STOCK_CLAIMS.filter((claim) => generated.includes(claim)).map((claim) => `${claim} in “${text}”`);
  });
}
