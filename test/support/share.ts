/**
 * How much of a summary comes from data: the body's characters (headings
 * and paragraphs; no title, signature or attachment; whitespace not
 * counted) split three ways —
 * - typed: the clerk's free text as it stands in the body (opening,
 *   measures, highlights, problems, plans, closing, notes, the pairing
 *   arrangement, the targeted-enrolment note, heading overrides);
 * - frame: the template's own headings and the lead-in “现将有关情况总结如下：”;
 * - data: everything else, the sentences built from fields.
 * docs/truthfulness.md gives the method and the figures for the seeds.
 */
import type { Report } from '../../src/index.js';

/** The free-text strings of a stats object (before or after parsing; any schema version). */
export function typedStrings(stats: Record<string, unknown>): string[] {
  const out: string[] = [];
  const push = (v: unknown) => {
    if (typeof v === 'string') out.push(...v.split('\n').map((s) => s.trim()).filter(Boolean));
    else if (Array.isArray(v)) v.forEach(push);
  };
  push(stats.opening);
  push(stats.highlights);
  push(stats.problems);
  push(stats.plans);
  push(stats.closing);
  for (const m of (stats.measures as { title?: string; text?: string }[] | undefined) ?? []) {
    push(m.title);
    push(m.text);
  }
  for (const a of (stats.aid as { note?: string }[] | undefined) ?? []) push(a.note);
  push((stats.pairing as { arrangement?: string } | undefined)?.arrangement);
  push((stats.targetedEnrolment as { note?: string } | undefined)?.note);
  push(Object.values((stats.headings as Record<string, string> | undefined) ?? {}));
  return [...new Set(out)].sort((a, b) => b.length - a.length);
}

const LEAD_IN = /现将有关情况(?:总结|报告|汇报)如下：/g;
const chars = (s: string) => s.replace(/\s/g, '').length;

/** Shares in percent with one decimal: data, typed and frame add up to about 100. */
export function textShares(report: Report, stats: Record<string, unknown>): { data: number; typed: number; frame: number; characters: number } {
  const typed = typedStrings(stats);
  let total = 0;
  let free = 0;
  let frame = 0;
  const take = (text: string, heading: boolean) => {
    total += chars(text);
    let rest = text;
    for (const t of typed) {
      const parts = rest.split(t);
      free += (parts.length - 1) * chars(t);
      rest = parts.join('\n');
    }
    if (heading) frame += chars(rest);
    else frame += chars((rest.match(LEAD_IN) ?? []).join(''));
  };
  for (const b of report.body) {
    if (b.type === 'heading') {
      take(b.text, true);
      if (b.runIn) take(b.runIn, false);
    } else if (b.type === 'paragraph') take(b.text, false);
  }
  const pct = (n: number) => Math.round((n / total) * 1000) / 10;
  return { data: pct(total - free - frame), typed: pct(free), frame: pct(frame), characters: total };
}

/** `figure` stands in `text` whole: no digit or decimal point right before or after it. */
export function hasFigure(text: string, figure: string): boolean {
  const escaped = figure.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![0-9.])${escaped}(?![0-9])`).test(text);
}

/**
 * Which of a seed's figures the draft prints from data: present in the body,
 * the title (unless typed), the signature's date or an attachment's table,
 * once the clerk's typed text is taken out (the rest, if present at all,
 * stand only in what the clerk typed).
 */
export function figuresFromData(report: Report, stats: Record<string, unknown>, figures: readonly string[]): string[] {
  const typed = typedStrings(stats);
  const blocks = [...report.body, ...report.attachments.flatMap((a) => a.blocks)];
  const texts = [
    ...(stats.title ? [] : [report.title]),
    report.signature?.date ?? '',
    ...blocks.flatMap((b) =>
      b.type === 'paragraph' ? [b.text] : b.type === 'heading' ? [b.text, b.runIn ?? ''] : b.type === 'table' ? [...b.rows, b.footer ?? []].map((r) => r.map((c) => (typeof c === 'string' ? c : c.text)).join(' ')) : [],
    ),
  ];
  const generated = texts.map((text) => typed.reduce((rest, t) => rest.split(t).join('\n'), text)).join('\n');
  return figures.filter((f) => hasFigure(generated, f));
}
