/**
 * Hostile text in every free-text field of the schema: controls, lone
 * surrogates, U+FFFE, bidi overrides, a byte-order mark, emoji, non-BMP CJK,
 * Markdown, Handlebars and HTML/XML syntax, a 10,000-character paragraph and
 * 1,000 problems. Each outcome is one of two: a validation error naming the
 * field, or documents in which the text appears exactly — the characters no
 * document carries removed, with a `text_cleaned` warning naming the field.
 */
import { cellText } from '../../src/model/index.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { composeReport, renderDocx, renderMarkdown, safeParseStats, StatsError, type Report, type Warning } from '../../src/index.js';
import { renderPdfWithWarnings, type FontSet } from '../../src/render/pdf/index.js';
import { readDocx } from '../support/docx-text.js';
import { defaultFonts, hasDefaultFonts } from '../support/pdf-fonts.js';
import { pdfRawText, qpdfCheck } from '../support/pdf-tools.js';
import { FULL_STATS, schemaFields, withValue, type SchemaField } from '../support/schema-fields.js';
import { modelText, pdfTextMismatch, squeeze, unescapeMarkdown } from '../support/same-text.js';
import { requireCommands } from '../support/tools.js';

/** Free-text fields that hold paragraphs: a line break the user typed starts a new one. */
const PARAGRAPH_FIELDS = /^(opening|measures\[0\]\.text|highlights\[0\]|problems\[0\]|plans\[0\])$/;

const TEXT_FIELDS = schemaFields().filter((f) => f.kind === 'text');

/** Hostile samples: what goes in, and what must come out (undefined: the same). */
const SAMPLES: { name: string; text: string; printed?: string; cleaned?: boolean }[] = [
  { name: 'C0 and C1 controls, DEL', text: 'A\u0000B\u0007C\u001BD\u007FE\u0085F\u000BG', printed: 'ABCDEFG', cleaned: true },
  { name: 'lone surrogates, U+FFFE, U+FFFF', text: '甲\uD800乙\uDC00丙\uFFFE丁\uFFFF', printed: '甲乙丙丁', cleaned: true },
  { name: 'bidi overrides, isolates and marks', text: '\u202Eevil\u202C\u2066x\u2069\u200F', printed: 'evilx', cleaned: true },
  { name: 'byte-order mark', text: '名\uFEFF称', printed: '名称', cleaned: true },
  { name: 'emoji, a ZWJ family and a flag', text: '赞😀👨‍👩‍👧🇨🇳' },
  { name: 'non-BMP CJK', text: '𠮷野家𪚥' },
  { name: 'Markdown', text: '# **粗** _斜_ `c` [链](x)' },
  { name: 'Markdown list, quote and table', text: '- > | a | b |' },
  { name: 'Handlebars', text: '{{org.name}}{{> p}}{{{x}}}' },
  { name: 'HTML and XML', text: '<b>&amp;</b>]]><!--' },
  { name: 'entities and quotes', text: `"'&lt;&#x41;&#0;` },
  { name: 'markup directives', text: '@attachment @block 0' },
  { name: 'tab and combining accent', text: 'e\u0301\tf' },
];

/** A sample tagged at its end, so the field it went into can be told where it is printed. */
function tagged(text: string, tag: string): string {
  return `${text}【${tag}】`;
}

/** Every string a report prints, in one list. */
function reportStrings(report: Report): string[] {
  const blocks = [...report.body, ...report.attachments.flatMap((a) => a.blocks)];
  return [
    report.title,
    report.subtitle ?? '',
    ...(report.signature ? [report.signature.issuer, report.signature.date] : []),
    ...report.attachments.map((a) => a.title),
    ...blocks.flatMap((b) => (b.type === 'heading' ? [b.text + (b.runIn ?? '')] : b.type === 'paragraph' ? [b.text] : b.type === 'table' ? [b.caption ?? '', ...b.rows.flat().map(cellText), ...(b.footer ?? []).map(cellText)] : [b.caption])),
  ];
}

/** What a field's text must look like where printed: its lines for paragraph fields, else itself. */
function expectedLines(field: SchemaField, printed: string): string[] {
  return PARAGRAPH_FIELDS.test(field.where) ? printed.split('\n').map((s) => s.trim()).filter(Boolean) : [printed];
}

describe('hostile text, field by field', () => {
  it('is found in every free-text field of the schema', () => {
    expect(TEXT_FIELDS.map((f) => f.where)).toEqual(
      expect.arrayContaining(['organisation.name', 'title', 'aid[0].note', 'projects[0].school', 'measures[0].text', 'problems[0]', 'signature.issuer', 'donations.donors[0]']),
    );
    expect(TEXT_FIELDS.length).toBeGreaterThanOrEqual(25);
  });

  it('gives a validation error naming the field, or prints the text exactly with a warning for what was removed', () => {
    for (const sample of SAMPLES) {
      for (const field of TEXT_FIELDS) {
        const value = tagged(sample.text, 'T');
        const printed = `${sample.printed ?? sample.text}【T】`;
        let result: ReturnType<typeof composeReport>;
        try {
          result = composeReport(withValue(FULL_STATS, field.path, value));
        } catch (error) {
          // The only acceptable failure: a StatsError about this field.
          expect(error, `${sample.name} in ${field.where}`).toBeInstanceOf(StatsError);
          expect((error as StatsError).issues.map((i) => i.where)).toEqual([field.where]);
          continue;
        }
        const cleaned = result.warnings.filter((w) => w.code === 'text_cleaned');
        expect(cleaned.map((w) => w.where), `${sample.name} in ${field.where}`).toEqual(sample.cleaned ? [field.where] : []);
        const strings = reportStrings(result.report);
        if (!strings.some((s) => s.includes('【T】'))) continue; // a field this template does not print
        for (const line of expectedLines(field, printed)) {
          expect(strings.some((s) => s.includes(line)), `"${line}" (${sample.name}) from ${field.where}`).toBe(true);
        }
      }
    }
  });

  it('rejects text made only of what no document carries, naming the field', () => {
    for (const field of TEXT_FIELDS) {
      const result = safeParseStats(withValue(FULL_STATS, field.path, '\u0001\u202E\uFEFF \uD800'));
      expect(result.success, field.where).toBe(false);
      const issues = result.success ? [] : result.error.issues;
      expect(issues.map((i) => [i.code, i.where])).toEqual([['invalid_text', field.where]]);
      // The value is shown escaped: no raw control or bidi character reaches a terminal.
      expect(issues[0]!.received).toBe('"\\u0001\\u202e\\ufeff \\ud800" (string)');
    }
  });

  it('rejects a 10,000-character paragraph where the field is shorter, naming the field; prints it where it fits', () => {
    const long = '长'.repeat(9_990) + '。末尾';
    for (const field of TEXT_FIELDS) {
      const result = safeParseStats(withValue(FULL_STATS, field.path, long));
      if ((field.maxLength ?? Infinity) < long.length) {
        expect(result.success ? [] : result.error.issues.map((i) => [i.code, i.where])).toEqual([['too_big', field.where]]);
      } else {
        expect(result.success, field.where).toBe(true);
      }
    }
  });
});

/** Every sample in every field at once (each field tagged), one document per sample. */
function hostileReport(sample: (typeof SAMPLES)[number]): { report: Report; warnings: Warning[]; printed: Map<SchemaField, string> } {
  let stats: unknown = FULL_STATS;
  const printed = new Map<SchemaField, string>();
  TEXT_FIELDS.forEach((field, i) => {
    const value = tagged(sample.text, `F${i}`);
    if (value.length > (field.maxLength ?? Infinity)) return;
    stats = withValue(stats, field.path, value);
    printed.set(field, `${sample.printed ?? sample.text}【F${i}】`);
  });
  const { report, warnings } = composeReport(stats);
  return { report, warnings, printed };
}

describe('hostile text in every renderer', () => {
  const fontsOk = hasDefaultFonts('hostile text: PDF');
  const toolsOk = requireCommands('hostile text: PDF', 'qpdf', 'pdftotext');
  let fonts: FontSet;
  beforeAll(async () => {
    if (fontsOk) fonts = await defaultFonts();
  });

  /** The fields this report prints (their tag is in it), with the lines that must appear. */
  function printedLines(report: Report, printed: Map<SchemaField, string>): string[] {
    const all = reportStrings(report).join('\n');
    const lines = [...printed].filter(([, text]) => all.includes(text.slice(text.indexOf('【')))).flatMap(([field, text]) => expectedLines(field, text));
    // Most fields reach the page in the bureau template; a vacuous pass would hide a regression.
    expect(lines.length).toBeGreaterThanOrEqual(20);
    return lines;
  }

  it.each(SAMPLES.map((s) => [s.name, s] as const))('%s: DOCX is well-formed XML and carries the text exactly', async (_, sample) => {
    const { report, printed } = hostileReport(sample);
    const docx = readDocx(await renderDocx(report));
    expect(squeeze(docx.paragraphs.join(''))).toBe(modelText(report));
    for (const line of printedLines(report, printed)) {
      expect(docx.paragraphs.some((p) => p.includes(line)), line).toBe(true);
    }
  });

  it.each(SAMPLES.map((s) => [s.name, s] as const))('%s: Markdown carries the text exactly', (_, sample) => {
    const { report, printed } = hostileReport(sample);
    const md = renderMarkdown(report);
    expect(md).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u202A-\u202E\uFEFF]/);
    // What a reader sees: Markdown's escapes taken off (the structure itself is checked in markdown.test.ts).
    const seen = unescapeMarkdown(md);
    for (const line of printedLines(report, printed)) {
      // Where Markdown has one line (a heading, a table cell) a line break is a space.
      expect(seen.includes(line) || seen.includes(line.replace(/\s*\n\s*/g, ' ')), line).toBe(true);
    }
  });

  describe.skipIf(!fontsOk || !toolsOk)('PDF', () => {
    it.each(SAMPLES.map((s) => [s.name, s] as const))('%s: passes qpdf --check and prints the text, or names each glyph it lacks', async (_, sample) => {
      const { report, printed } = hostileReport(sample);
      const { bytes, warnings } = await renderPdfWithWarnings(report, { fonts });
      const check = qpdfCheck(bytes);
      expect(check.ok, check.output).toBe(true);
      // A character no font has is drawn as an empty box and named in a warning; it carries no text.
      const missing = new Set(warnings.flatMap((w) => (w.code === 'missing-glyph' ? [w.char] : [])));
      for (const ch of missing) expect(sample.text).toContain(ch);
      // Joiners and variation selectors need no glyph and leave no text either.
      const drop = new Set([...missing, '\u200D', '\uFE0F', '\u0301']);
      expect(pdfTextMismatch(pdfRawText(bytes), report, drop)).toBeUndefined();
      expect(printedLines(report, printed).length).toBeGreaterThan(0);
    });

    it('emoji are named in missing-glyph warnings; 𠮷 and 𪚥 print as themselves', async () => {
      const emoji = hostileReport(SAMPLES.find((s) => s.name.startsWith('emoji'))!);
      const { warnings } = await renderPdfWithWarnings(emoji.report, { fonts });
      expect(new Set(warnings.flatMap((w) => (w.code === 'missing-glyph' ? [w.codePoint] : [])))).toEqual(new Set(['U+1F600', 'U+1F468', 'U+1F469', 'U+1F467', 'U+1F1E8', 'U+1F1F3']));
      const cjk = hostileReport(SAMPLES.find((s) => s.name === 'non-BMP CJK')!);
      const pdf = await renderPdfWithWarnings(cjk.report, { fonts });
      // Nothing missing; 𠮷 in the bold title comes from a regular face, which is said.
      expect(pdf.warnings.filter((w) => w.code !== 'fallback-glyph')).toEqual([]);
      expect(pdf.warnings.map((w) => [w.code, w.role, 'char' in w ? w.char : ''])).toContainEqual(['fallback-glyph', 'title', '𠮷']);
      expect(pdfRawText(pdf.bytes)).toContain('𠮷野家𪚥');
    });
  });
});

describe('Markdown: user text never reads as structure', () => {
  // CommonMark block starts (after up to three spaces): ATX heading, bullet or
  // ordered list item, block quote, code fence, thematic break or setext
  // underline, HTML block; and a GFM table row.
  const BLOCK_START = /^ {0,3}(?:#{1,6}(?:\s|$)|[-+*](?:\s|$)|\d{1,9}[.)](?:\s|$)|>|```|~~~|([-*_=])(?: *\1)* *$|<[A-Za-z/!?]|\|)/;
  const LINES = ['---', '***', '___', '- - -', '===', '=', '-', '#', '# 标题', '1. 一', '2) 二', '+', '> 引', '```', '~~~', '<div>块</div>', '<!-- 注 -->', '<?php ?>', '| a | b |'];

  it('escapes a paragraph, or a line inside one, that CommonMark would read as a block, and nothing else changes', () => {
    const { report: base } = composeReport(FULL_STATS);
    const report: Report = {
      ...base,
      subtitle: undefined,
      signature: undefined,
      attachments: [],
      body: [
        ...LINES.map((text) => ({ type: 'paragraph' as const, text })),
        { type: 'paragraph', text: `说明\n${LINES.join('\n')}` },
        { type: 'heading', level: 3, number: '1.', text: '标题。', runIn: LINES.join('\n') },
      ],
    };
    const md = renderMarkdown(report);
    // Everything after the title and the run-in heading's own line is the user's text.
    const paragraphs = md.trimEnd().split('\n\n').slice(1).filter((p) => !p.startsWith('#### 1.标题。'));
    for (const line of paragraphs.flatMap((p) => p.split('  \n'))) expect(line, JSON.stringify(line)).not.toMatch(BLOCK_START);
    // What a reader sees — each line with the escaping backslash taken off — is the text.
    const seen = paragraphs.map((p) => p.replace(/\\(?=[!-/:-@[-`{-~])/g, '').replace(/  \n/g, '\n'));
    expect(seen).toEqual([...LINES, `说明\n${LINES.join('\n')}`, LINES.join('\n')]);
  });
});

describe('Markdown: the 落款 issuer is user text too', () => {
  it.each(['#', '---', '1. 某局'])('%s is escaped', (issuer) => {
    const { report } = composeReport({ ...FULL_STATS, signature: { issuer, date: '2025-12-20' } });
    const md = renderMarkdown(report);
    const line = md.slice(md.indexOf('<div align="right">\n\n') + 21).split('  \n')[0]!;
    expect(line).not.toMatch(/^(#|---|1\.)/);
    expect(line.replace(/\\/, '')).toBe(issuer);
  });
});

describe('a thousand problems and a 10,000-character paragraph', () => {
  const problems = Array.from({ length: 1000 }, (_, i) => `问题${i + 1}：${i % 7 === 0 ? '# ' : ''}部分家长对政策了解不够{{x}}<b>&amp;</b>。`);
  const long = `${'资助资金按时足额发放到位，'.repeat(769)}末尾。`;
  const stats = { ...FULL_STATS, problems, highlights: [long] };

  it('composes every problem as its own paragraph, in order', () => {
    const { report } = composeReport(stats);
    const texts = report.body.flatMap((b) => (b.type === 'paragraph' ? [b.text] : []));
    expect(texts.filter((t) => t.startsWith('问题'))).toEqual(problems);
    expect(texts).toContain(long);
    expect(long.length).toBeGreaterThanOrEqual(10_000);
  });

  it('renders a DOCX and a PDF that both say all of it', async () => {
    const { report } = composeReport(stats);
    const docx = readDocx(await renderDocx(report));
    expect(squeeze(docx.paragraphs.join(''))).toBe(modelText(report));
    expect(docx.paragraphs).toContain(long);
    if (!hasDefaultFonts('1,000 problems: PDF') || !requireCommands('1,000 problems: PDF', 'qpdf', 'pdftotext')) return;
    const { bytes, warnings } = await renderPdfWithWarnings(report, { fonts: await defaultFonts() });
    expect(warnings).toEqual([]);
    expect(qpdfCheck(bytes).ok).toBe(true);
    expect(pdfTextMismatch(pdfRawText(bytes), report)).toBeUndefined();
  });
});
