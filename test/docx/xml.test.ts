import { beforeAll, describe, expect, it } from 'vitest';
import { GBT9704, defineProfile, mmToTwips } from '../../src/layout/profile.js';
import { renderDocx } from '../../src/render/docx/index.js';
import { sampleReport } from '../fixtures/sample-report.js';
import { unzipText } from '../support/tools.js';

/** The parts of the sample's DOCX, read back as text. */
let parts: Record<string, string>;
let doc: string;
let styles: string;

beforeAll(async () => {
  parts = unzipText(await renderDocx(sampleReport));
  doc = parts['word/document.xml']!;
  styles = parts['word/styles.xml']!;
});

/** The XML of one paragraph style. */
function style(id: string): string {
  const m = new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?</w:style>`).exec(styles);
  expect(m, `style ${id}`).not.toBeNull();
  return m![0];
}

describe('renderDocx: page (GB/T 9704 §5.2)', () => {
  it('is A4 with the margins converted from mm to twips', () => {
    expect(mmToTwips(37)).toBe(2098);
    expect(mmToTwips(35)).toBe(1984);
    expect(mmToTwips(28)).toBe(1587);
    expect(mmToTwips(26)).toBe(1474);
    expect(doc).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(doc).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
  });

  it('has a line grid of 579 twips, not a character grid', () => {
    expect(doc).toContain('<w:docGrid w:type="lines" w:linePitch="579"/>');
  });

  it('places the footer inside the bottom margin, about 22 mm from the edge', () => {
    const footer = Number(/<w:pgMar [^>]*w:footer="(\d+)"/.exec(doc)![1]);
    expect(footer / mmToTwips(1)).toBeGreaterThan(21);
    expect(footer / mmToTwips(1)).toBeLessThan(23);
  });

  it('follows a changed profile', async () => {
    const profile = defineProfile({ page: { marginBottomMm: 27 }, grid: { linesPerPage: 20 } });
    const xml = unzipText(await renderDocx(sampleReport, { profile }))['word/document.xml']!;
    expect(xml).toMatch(/w:bottom="1531"/);
    // (297 − 37 − 27) mm / 20 lines = 33.02 pt → 660 twips
    expect(xml).toContain('w:linePitch="660"');
  });
});

describe('renderDocx: type', () => {
  it('names the East Asian font of every role, with hint eastAsia and zh-CN', () => {
    for (const role of Object.values(GBT9704.roles)) {
      expect(doc + styles + parts['word/footer1.xml']).toContain(`w:eastAsia="${role.fonts[0]}"`);
    }
    const runs = [...doc.matchAll(/<w:rFonts [^>]*\/>/g)].map((m) => m[0]);
    expect(runs.length).toBeGreaterThan(100);
    for (const fonts of runs) {
      expect(fonts).toContain('w:hint="eastAsia"');
      expect(fonts).toContain('w:ascii="Times New Roman"');
      expect(fonts).toMatch(/w:eastAsia="[^"]+"/);
    }
    expect(doc).toContain('<w:lang w:eastAsia="zh-CN"/>');
    expect(styles).toContain('<w:lang w:eastAsia="zh-CN"/>');
  });

  it('sets the body on an exact 579-twip pitch, justified, two characters in, tightened by 0.25 pt', () => {
    const normal = style('Normal');
    expect(normal).toContain('w:line="579" w:lineRule="exact"');
    expect(normal).toMatch(/<w:ind w:firstLine="632" w:firstLineChars="200"\/>/);
    expect(normal).toContain('<w:jc w:val="both"/>');
    expect(normal).toContain('<w:spacing w:val="-5"/>');
  });

  it('turns widow control off on every paragraph but the one whose lines go with the 落款, kept whole when short', () => {
    const paragraphs = doc.match(/<w:p>/g)!.length;
    expect(doc.match(/<w:widowControl w:val="false"\/>/g)!.length).toBe(paragraphs - 1);
    const kept = doc.match(/<w:p><w:pPr>(?:(?!<\/w:pPr>).)*<w:widowControl\/>(?:(?!<\/w:p>).)*<\/w:p>/g)!;
    expect(kept).toHaveLength(1);
    expect(kept[0]).toContain('<w:keepNext/>');
    expect(kept[0]).toContain('<w:keepLines/>');
    expect(kept[0]).toContain('一是健全防止返贫致贫监测帮扶机制');
    // 特此报告。 goes with the 落款.
    const close = /<w:p><w:pPr>(?:(?!<\/w:pPr>).)*<\/w:pPr>(?:(?!<\/w:p>).)*特此报告。(?:(?!<\/w:p>).)*<\/w:p>/.exec(doc)![0];
    expect(close).toContain('<w:keepNext/>');
  });

  it('uses 黑体 for level 1, 楷体 for level 2 and the body font for run-in text', () => {
    expect(style('Heading1')).toContain('w:eastAsia="黑体"');
    expect(style('Heading2')).toContain('w:eastAsia="楷体_GB2312"');
    const runIn = /<w:pStyle w:val="Heading3"\/>[\s\S]*?<\/w:p>/.exec(doc)![0];
    expect(runIn).toContain('1.学前教育资助情况。');
    expect(runIn).toContain('春季学期资助家庭经济困难幼儿354人');
    expect(runIn.match(/w:eastAsia="仿宋_GB2312"/g)).toHaveLength(2);
  });

  it('writes heading numbers as text, never as Word list numbering', () => {
    expect(doc).not.toContain('<w:numPr>');
    expect(doc).toContain('>一、基本情况<');
    expect(doc).toContain('>（一）精准落实学生资助政策<');
  });

  it('centres the title in 方正小标宋简体 22 pt, followed by one blank grid line', () => {
    const title = style('Title');
    expect(title).toContain('w:eastAsia="方正小标宋简体"');
    expect(title).toContain('<w:sz w:val="44"/>');
    expect(title).toContain('<w:jc w:val="center"/>');
    expect(doc).toMatch(/<w:pStyle w:val="Title"\/><w:widowControl w:val="false"\/><w:spacing w:after="579"\/>/);
  });
});

describe('renderDocx: tables', () => {
  it('repeats the header row, keeps rows whole and turns the grid off in cells', () => {
    const tables = doc.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g)!;
    expect(tables).toHaveLength(3);
    for (const table of tables) {
      const rows = table.match(/<w:tr>[\s\S]*?<\/w:tr>/g)!;
      expect(rows[0]).toContain('<w:tblHeader/>');
      expect(rows.slice(1).some((r) => r.includes('<w:tblHeader/>'))).toBe(false);
      expect(rows.every((r) => r.includes('<w:cantSplit/>'))).toBe(true);
      expect(table).toContain('<w:tblW w:type="dxa" w:w="8844"/>');
    }
    const cell = style('TableText');
    expect(cell).toContain('<w:basedOn w:val="OffGrid"/>');
    expect(style('OffGrid')).toContain('<w:snapToGrid w:val="0"/>');
    // single spacing of 14 pt: 1.2 × 14 pt = 336 twips, not the 579 pitch
    expect(cell).toContain('w:line="336" w:lineRule="exact"');
    expect(cell).toContain('w:eastAsia="仿宋_GB2312"');
  });

  it('shares out the width by weight and right-aligns number columns', () => {
    const table = doc.match(/<w:tbl>[\s\S]*?<\/w:tbl>/)![0];
    const grid = [...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(grid.reduce((a, b) => a + b, 0)).toBe(8844);
    expect(grid[0]! / grid[2]!).toBeCloseTo(3 / 2, 2);
    const row = table.match(/<w:tr>[\s\S]*?<\/w:tr>/g)![1]!;
    const aligns = [...row.matchAll(/<w:jc w:val="(\w+)"\/>/g)].map((m) => m[1]);
    expect(aligns).toEqual(['left', 'left', 'right', 'right', 'right']);
  });

  it('puts the caption above, centred, and the unit note at the right', () => {
    const before = doc.slice(0, doc.indexOf('<w:tbl>'));
    expect(before.lastIndexOf('表1 2025年各学段学生资助情况')).toBeLessThan(before.lastIndexOf('单位：人次、元'));
    expect(style('TableCaption')).toContain('<w:jc w:val="center"/>');
    expect(style('TableUnit')).toContain('<w:jc w:val="right"/>');
  });
});

describe('renderDocx: footers, signature and attachments', () => {
  it('has odd (default) and even footers and turns them on in settings', () => {
    expect(doc).toContain('<w:footerReference w:type="default"');
    expect(doc).toContain('<w:footerReference w:type="even"');
    expect(parts['word/settings.xml']).toContain('<w:evenAndOddHeaders/>');
  });

  it('writes "— PAGE —" in 宋体 14 pt, right on odd pages and left on even ones, one character in', () => {
    const footers = Object.entries(parts).filter(([p]) => /^word\/footer\d+\.xml$/.test(p)).map(([, x]) => x);
    expect(footers).toHaveLength(2);
    const odd = footers.find((f) => f.includes('<w:jc w:val="right"/>'))!;
    const even = footers.find((f) => f.includes('<w:jc w:val="left"/>'))!;
    expect(odd).toContain('w:right="316"');
    expect(even).toContain('w:left="316"');
    for (const f of [odd, even]) {
      expect(f).toContain('<w:instrText xml:space="preserve">PAGE</w:instrText>');
      expect(f).toContain('>— <');
      expect(f).toContain('> —<');
      expect(f).toContain('w:eastAsia="宋体"');
      expect(f).toContain('<w:sz w:val="28"/>');
      expect(f).toContain('<w:pStyle w:val="Footer"/>');
    }
    // The footer's own spacing: not the body's exact 579 pitch.
    expect(style('Footer')).toContain('w:line="336" w:lineRule="exact"');
  });

  it('puts the attachment note, then the issuer and date, after the body', () => {
    const text = [...doc.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]);
    const at = (s: string) => text.indexOf(s);
    expect(at('特此报告。')).toBeLessThan(at('附件：1. 2025年校舍维修改造项目明细表'));
    expect(at('附件：1. 2025年校舍维修改造项目明细表')).toBeLessThan(at('2. 2025年教师培训情况表'));
    expect(at('2. 2025年教师培训情况表')).toBeLessThan(at('青山县教育局'));
    expect(at('青山县教育局')).toBeLessThan(at('2025年12月20日'));
    expect(at('2025年12月20日')).toBeLessThan(at('附件1'));
  });

  it('keeps the last body paragraph, the note and the issuer with what follows', () => {
    const paragraph = (text: string) => new RegExp(`<w:p><w:pPr>((?:(?!</w:pPr>).)*)</w:pPr>(?:(?!</w:p>).)*>${text}<`).exec(doc)![1]!;
    expect(paragraph('特此报告。')).toContain('<w:keepNext/>');
    expect(paragraph('附件：1. 2025年校舍维修改造项目明细表')).toContain('<w:keepNext/>');
    expect(paragraph('青山县教育局')).toContain('<w:keepNext/>');
    expect(paragraph('2025年12月20日')).not.toContain('<w:keepNext/>');
    expect(paragraph('全县现有各级各类学校136所[^<]*')).not.toContain('<w:keepNext/>');
  });

  it('starts each attachment on a new page with its label in 黑体', () => {
    expect(doc.match(/<w:pageBreakBefore\/>/g)).toHaveLength(2);
    expect(style('AttachmentLabel')).toContain('w:eastAsia="黑体"');
    expect(style('AttachmentTitle')).toContain('w:eastAsia="方正小标宋简体"');
  });
});

describe('renderDocx: properties', () => {
  it('carries title, author, subject and keywords, dated by the report', () => {
    const core = parts['docProps/core.xml']!;
    expect(core).toContain('<dc:title>青山县教育局2025年教育帮扶工作总结</dc:title>');
    expect(core).toContain('<dc:creator>青山县教育局</dc:creator>');
    expect(core).toContain('<dc:subject>教育帮扶工作总结</dc:subject>');
    expect(core).toContain('<cp:keywords>教育帮扶; 学生资助; 2025</cp:keywords>');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2025-12-20T00:00:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2025-12-20T00:00:00Z</dcterms:modified>');
  });

  it('escapes text that looks like markup', async () => {
    const report = { ...sampleReport, meta: { ...sampleReport.meta, title: 'A & B <c>' }, body: [{ type: 'paragraph' as const, text: '第#1小学 {{x}} <b> & "q"' }] };
    const xml = unzipText(await renderDocx(report));
    expect(xml['docProps/core.xml']).toContain('<dc:title>A &#38; B &#60;c&#62;</dc:title>');
    expect(xml['word/document.xml']).toContain('第#1小学 {{x}} &lt;b&gt; &amp; &quot;q&quot;');
  });

  it('rejects a date that is not a day', async () => {
    const report = { ...sampleReport, meta: { ...sampleReport.meta, date: '2025-02-30' } };
    await expect(renderDocx(report)).rejects.toThrow(RangeError);
  });
});
