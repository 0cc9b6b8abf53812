/**
 * Pure properties of schema → facts → compose → Markdown, over random valid
 * stats (FUZZ_RUNS, default 200): composing never fails, every figure the
 * templates print is there and formatted by the one rule, tables agree with
 * the prose to the 分, and user text never changes the structure.
 */
import { cellText } from '../../src/model/index.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { composeReport, deriveFacts, formatCount, formatFen, parseStats, renderMarkdown, toFen, type Facts, type Report, type Table } from '../../src/index.js';
import { projectInvestmentFen } from '../../src/facts/projects.js';
import { bodyTexts, stockClaims, unbacked } from '../support/backing.js';
import { runs, statsInput } from './arbitraries.js';

const RUNS = runs(200);

/** `figure` stands in `text` as a whole number: no digit or decimal point right before it. */
function hasFigure(text: string, figure: string): boolean {
  return new RegExp(`(?<![0-9.])${figure.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).test(text);
}

/** The headline figures the built-in templates print wherever they are known: aid money and 人次, loans, goods. */
function expectedFigures(facts: Facts): string[] {
  const out: string[] = [];
  const { grants, loans, inKind } = facts.aid;
  if (facts.aid.stages.length === 0) return out;
  if (grants.rows && grants.known.fen && grants.fen > 0) out.push(formatFen(grants.fen));
  if (grants.rows && grants.known.students && grants.students > 0) out.push(formatCount(grants.students, '人次'));
  if (loans.rows && loans.known.fen && loans.fen > 0) out.push(formatFen(loans.fen));
  if (inKind.rows && inKind.known.copies && inKind.copies > 0) out.push(formatCount(inKind.copies, '册'));
  return out;
}

// Independent references in BigInt: a table cell is the exact decimal, rounded half-up once.
const pad2 = (n: bigint) => n.toString().padStart(2, '0');
const yuanRef = (fen: number) => (fen % 100 === 0 ? String(fen / 100) : `${BigInt(fen) / 100n}.${pad2(BigInt(fen) % 100n)}`);
function wanRef(fen: number): string {
  const hundredths = (BigInt(fen) + 5000n) / 10000n;
  return `${hundredths / 100n}.${pad2(hundredths % 100n)}`;
}

function tables(report: Report): Table[] {
  return [...report.body, ...report.attachments.flatMap((a) => a.blocks)].filter((b): b is Table => b.type === 'table');
}

describe('composeReport on random valid stats', () => {
  it('always succeeds and prints every headline figure formatted by the one rule', () => {
    fc.assert(
      fc.property(statsInput, (input) => {
        const stats = parseStats(input);
        const facts = deriveFacts(stats);
        const { report, warnings } = composeReport(input);
        const md = renderMarkdown(report);
        for (const figure of expectedFigures(facts)) expect(hasFigure(md, figure), `${figure} in the Markdown`).toBe(true);
        for (const w of warnings) expect(w.message.zh).toBeTypeOf('string');
        // No HTML entity reaches a document unless the user typed it.
        const typed = JSON.stringify(input);
        for (const entity of md.match(/&(?:amp|lt|gt|quot|#\d+);/g) ?? []) expect(typed).toContain(entity);
      }),
      { numRuns: RUNS },
    );
  });

  it('states in every generated sentence only numbers of the input or of the derived facts, and no 0 count or amount', () => {
    fc.assert(
      fc.property(statsInput, (input) => {
        const stats = parseStats(input);
        const facts = deriveFacts(stats);
        const { report } = composeReport(input);
        expect(unbacked(report, stats, facts)).toEqual([]);
        expect(stockClaims(report, stats)).toEqual([]);
        // A semester's or a school year's report never says 全年 of itself (a yearly payment in it is warned of, and says 全年).
        if (stats.period !== 'year' && !stats.aid.some((a) => a.period === 'year')) expect(bodyTexts(report).join('\n')).not.toContain('全年');
      }),
      { numRuns: RUNS },
    );
  });

  it('gives tables that agree with the facts to the 分: aid rows and total in 元, projects in 万元', () => {
    fc.assert(
      fc.property(statsInput, (input) => {
        const stats = parseStats(input);
        const facts = deriveFacts(stats);
        const { report } = composeReport(input);
        for (const table of tables(report)) {
          const title = table.columns.map((c) => c.title).join(' ');
          if (title === '学段 资助项目 学期 人数 金额') {
            expect(table.rows.map((r) => cellText(r[4]!))).toEqual(
              facts.aid.stages.flatMap((s) => s.programmes.flatMap((p) => p.records.map((i) => (stats.aid[i]!.amount === undefined ? '' : yuanRef(toFen(stats.aid[i]!.amount!)))))),
            );
            expect(cellText(table.footer![4]!)).toBe(yuanRef(facts.aid.total.fen));
            expect(cellText(table.footer![3]!)).toBe(String(facts.aid.total.students));
            // Typed: the value each number was printed from, exact in 分.
            expect(table.footer![4]).toMatchObject({ type: 'amount', fen: facts.aid.total.fen, unit: '元' });
            expect(table.footer![3]).toMatchObject({ type: 'count', value: facts.aid.total.students });
          }
          if (title.startsWith('序号 学校 项目')) {
            const fen = (p: (typeof stats.projects)[number]) => (p.investment?.approx ? toFen(p.investment.value) : projectInvestmentFen(p));
            expect(table.rows.map((r) => cellText(r[4]!).replace(/^[约近]|[余多]$/, ''))).toEqual(stats.projects.map((p) => (fen(p) === undefined ? '' : wanRef(fen(p)!))));
            if (facts.projects!.investmentFen !== undefined) {
              expect(cellText(table.footer![4]!)).toBe(wanRef(facts.projects!.investmentFen));
              expect(table.footer![4]).toMatchObject({ type: 'amount', fen: facts.projects!.investmentFen, unit: '万元' });
            }
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('keeps user text as data: each problem, plan and highlight line is one paragraph, each measure one heading', () => {
    fc.assert(
      fc.property(statsInput, (input) => {
        const stats = parseStats(input);
        const { report } = composeReport(input);
        const paragraphs = report.body.flatMap((b) => (b.type === 'paragraph' ? [b.text] : b.type === 'heading' && b.runIn ? [b.runIn] : []));
        const lines = (texts: string[]) => texts.flatMap((t) => t.split('\n').map((s) => s.trim()).filter(Boolean));
        for (const text of lines([...stats.problems, ...stats.plans, ...stats.highlights, ...stats.measures.flatMap((m) => (!('section' in m) ? [m.text] : []))])) {
          expect(paragraphs, text).toContain(text);
        }
        const headings = report.body.flatMap((b) => (b.type === 'heading' ? [b.text] : []));
        for (const m of stats.measures) if (!('section' in m)) expect(headings).toContain(m.title);
        // The only attachments are the tables the data asks for.
        expect(report.attachments.length).toBeLessThanOrEqual(3);
        expect(report.title).toBe(stats.title ?? report.title);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('money end to end', () => {
  /** formatFen by a BigInt reference: 元 below 1万, 万元 below 1亿, 亿元 below 1万亿, else 万亿元; two decimals, half-up, zeros dropped. */
  function formatFenRef(fen: number): string {
    const f = BigInt(fen);
    if (f === 0n) return '0元';
    const trimmed = (h: bigint) => {
      const frac = h % 100n === 0n ? '' : `.${pad2(h % 100n).replace(/0$/, '')}`;
      return `${h / 100n}${frac}`;
    };
    if (f < 1_000_000n) return `${trimmed(f)}元`;
    let h = (f + 5_000n) / 10_000n;
    if (f < 10_000_000_000n && h < 1_000_000n) return `${trimmed(h)}万元`;
    h = (f + 50_000_000n) / 100_000_000n;
    if (f < 100_000_000_000_000n && h < 1_000_000n) return `${trimmed(h)}亿元`;
    h = (f + 500_000_000_000n) / 1_000_000_000_000n;
    return `${trimmed(h)}万亿元`;
  }

  it('formats any amount in 分 up to 2^53 exactly', () => {
    const fen = fc.oneof(fc.nat({ max: 2_000_000 }), fc.nat({ max: 1e12 }), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.constantFrom(999_999, 1_000_000, 99_999_999_99, 9_999_999_999, 10_000_000_000, 99_999_995_000));
    fc.assert(fc.property(fen, (f) => {
        expect(formatFen(f)).toBe(formatFenRef(f));
      }), { numRuns: RUNS * 5 });
  });

  it('takes any amount of at most two decimals up to 1e12 元 to the exact 分', () => {
    const fen = fc.oneof(fc.nat({ max: 1e6 }), fc.integer({ min: 0, max: 1e14 }));
    fc.assert(
      fc.property(fen, (f) => {
        const stats = parseStats({ year: 2025, organisation: { name: '某县教育局', kind: 'bureau' }, donations: { amount: f / 100 } });
        expect(toFen(stats.donations!.amount!.value)).toBe(f);
      }),
      { numRuns: RUNS },
    );
  });
});
