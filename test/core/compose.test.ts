import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { composeReport, deriveFacts, formatFen, parseStats, renderMarkdown, TemplateError, termsForYear, type Heading, type Report } from '../../src/index.js';

const example = (name: string) => JSON.parse(readFileSync(new URL(`../../examples/${name}.json`, import.meta.url), 'utf8'));
const headings = (report: Report) => report.body.filter((b): b is Heading => b.type === 'heading');
const level1 = (report: Report) => headings(report).filter((h) => h.level === 1).map((h) => h.number + h.text);

describe('composeReport', () => {
  it('prints a school named 第#1小学 <A&B> {{x}} literally, with no HTML escaping and no structure change', () => {
    const name = '第#1小学 <A&B> {{x}}';
    const { report } = composeReport({ ...example('school'), organisation: { name, kind: 'school' } });
    const md = renderMarkdown(report);
    expect(report.title).toBe(`${name}2025年学生资助工作总结`);
    expect(md).toContain(name);
    expect(md).not.toMatch(/&amp;|&lt;|&gt;|&#/);
    expect(report.signature?.issuer).toBe(name);
    // The same headings as with a plain name: the text did not add or remove structure.
    const plain = composeReport(example('school')).report;
    expect(report.body.map((b) => b.type)).toEqual(plain.body.map((b) => b.type));
  });

  it('quotes a custom programme named with a final digit, so its name does not run into the amount', () => {
    const stats = example('school');
    const aid = [
      { stage: 'primary', programme: 'custom', name: '爱心助学金2', period: 'autumn', students: 3, amount: 4500 },
      { stage: 'primary', programme: 'custom', name: '爱心助学金2', period: 'spring', students: 2, amount: 3000, backPay: { year: 2024, semester: 'autumn' } },
      { stage: 'junior', programme: 'custom', name: '春蕾助学金', period: 'autumn', students: 1, amount: 800 },
    ];
    const md = renderMarkdown(composeReport({ ...stats, aid }).report);
    expect(md).toContain('发放“爱心助学金2”4500元');
    expect(md).toContain('学生“爱心助学金2”3000元'); // the back pay
    expect(md).not.toMatch(/爱心助学金2[0-9]/);
    expect(md).toContain('发放春蕾助学金800元'); // a name ending in a character needs no quotes
  });

  it('keeps user text that looks like markup as text', () => {
    const hostile = ['# 不是标题', '- 不是列表', '@attachment 不是附件', '{{year}}', '| a | b |', '<script>x</script>'];
    const { report } = composeReport({ ...example('school'), problems: hostile });
    const texts = report.body.filter((b) => b.type === 'paragraph').map((b) => (b as { text: string }).text);
    for (const h of hostile) expect(texts).toContain(h);
    expect(report.attachments).toHaveLength(1);
  });

  it('renumbers the sections after one that is left out', () => {
    const full = composeReport(example('bureau')).report;
    expect(level1(full)).toEqual(['一、基本情况', '二、主要做法和成效', '三、工作成效', '四、存在问题', '五、下一步工作打算']);
    const { highlights: _, ...withoutHighlights } = example('bureau');
    const report = composeReport(withoutHighlights).report;
    expect(level1(report)).toEqual(['一、基本情况', '二、主要做法和成效', '三、存在问题', '四、下一步工作打算']);
    // Level 2 likewise: without dropout data, 控辍保学 goes and the rest move up.
    const { dropout: __, ...withoutDropout } = example('bureau');
    const level2 = headings(composeReport(withoutDropout).report).filter((h) => h.level === 2).map((h) => h.number + h.text);
    expect(level2.slice(0, 3)).toEqual(['（一）精准落实学生资助政策', '（二）持续改善农村学校办学条件', '（三）加强乡村教师队伍建设']);
  });

  it('picks the terms of the report year: 2019, 2023 and 2026', () => {
    const titleOf = (year: number) => composeReport({ ...example('bureau'), year, signature: { date: `${year}-12-20` }, opening: undefined }).report;
    const [r2019, r2023, r2026] = [2019, 2023, 2026].map(titleOf) as [Report, Report, Report];
    expect(r2019.title).toBe('云溪县教育局2019年教育扶贫工作总结');
    expect(r2023.title).toBe('云溪县教育局2023年教育帮扶工作总结');
    expect(r2026.title).toBe('云溪县教育局2026年教育常态化帮扶工作总结');
    const text = (r: Report) => renderMarkdown(r);
    expect(text(r2019)).toContain('建档立卡贫困家庭学生');
    expect(text(r2019)).toContain('打赢教育脱贫攻坚战');
    expect(text(r2023)).toContain('巩固拓展教育脱贫攻坚成果同乡村振兴有效衔接');
    expect(text(r2023)).toContain('监测对象家庭学生');
    expect(text(r2026)).toContain('防止返贫致贫对象家庭学生');
    expect(new Set([termsForYear(2019).work, termsForYear(2023).work, termsForYear(2026).work]).size).toBe(3);
  });

  it("prints a school's projects, trainings and donations rather than dropping them", () => {
    const stats = {
      ...example('school'),
      projects: [{ school: '石桥镇中心小学', kind: 'canteen', funding: { central: 120000, county: 30000 }, area: 320, status: 'accepted' }],
      trainings: [{ audience: 'teachers', title: '学生资助政策与资助育人', sessions: 1, participants: 24 }],
      donations: { amount: 12000, students: 20, donors: ['石桥镇商会'] },
    };
    const md = renderMarkdown(composeReport(stats).report);
    expect(md).toContain('石桥镇中心小学食堂改造项目已通过竣工验收并投入使用，总投资15万元，其中中央资金12万元、县级资金3万元，建设面积320平方米。');
    expect(md).toContain('“学生资助政策与资助育人”培训1期、24人次');
    expect(md).toContain('石桥镇商会等爱心单位和个人向我校捐资助学1.2万元，惠及学生20人次。');
    // Without that data the sections are left out, as before.
    expect(renderMarkdown(composeReport(example('school')).report)).not.toMatch(/改善办学条件|加强教师培训|捐资助学/);
  });

  it('lets a caller override the terms', () => {
    const { report } = composeReport(example('bureau'), { terms: { work: '教育精准扶贫' } });
    expect(report.title).toBe('云溪县教育局2025年教育精准扶贫工作总结');
  });

  it('returns warnings as data, with paths', () => {
    const stats = example('bureau');
    stats.aidedGroups[0].students = 4005;
    const { warnings } = composeReport(stats);
    expect(warnings.map((w) => w.where)).toEqual(['aidedGroups[0].students']);
  });

  it('removes characters a document cannot carry, with a warning naming the field', () => {
    const { report, warnings } = composeReport({ ...example('school'), problems: ['经费\u0000到位\u0007不及时\uFFFE。'] });
    expect(renderMarkdown(report)).toContain('经费到位不及时。');
    expect(warnings).toEqual([expect.objectContaining({ code: 'text_cleaned', where: 'problems[0]' })]);
  });

  it('computes the document date and properties from the report, not the clock', () => {
    const { report } = composeReport(example('bureau'));
    expect(report.meta).toMatchObject({ date: '2025-12-20', author: '云溪县教育局', year: 2025 });
    expect(report.signature).toEqual({ issuer: '云溪县教育局', date: '2025年12月20日' });
  });
});

describe('custom templates', () => {
  const stats = example('school');

  it('works like a built-in one', () => {
    const template = {
      name: 'mine',
      files: {
        'report.hbs': '@title {{org.name}}{{year}}年简报\n# 概况\n{{> line}}\n# 空节\n# 结尾\n特此报告。\n',
        'partials/line.hbs': '共资助{{count aid.total.students "人次"}}，{{amount aid.total.amount}}。',
      },
    };
    const { report } = composeReport(stats, { template });
    expect(report.title).toBe('云溪县石桥镇中心小学2025年简报');
    expect(level1(report)).toEqual(['一、概况', '二、结尾']);
    const { total } = deriveFacts(parseStats(stats)).aid;
    expect(report.body[1]).toEqual({ type: 'paragraph', text: `共资助${total.students}人次，${formatFen(total.fen)}。` });
    expect(report.body[1]).toEqual({ type: 'paragraph', text: '共资助1288人次，47.09万元。' });
  });

  it('fails with the file and line of a missing field', () => {
    const template = { name: 'mine', files: { 'report.hbs': '@title x\n\n# 概况\n{{org.nmae}}\n' } };
    const error = (() => {
      try {
        composeReport(stats, { template });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(TemplateError);
    expect(error).toMatchObject({ template: 'mine', file: 'report.hbs', line: 4 });
  });

  it('fails with the file and line of an unknown helper, in a partial', () => {
    const template = { name: 'mine', files: { 'report.hbs': '{{> p}}', 'partials/p.hbs': 'a\nb\n{{shout org.name}}' } };
    expect(() => composeReport(stats, { template })).toThrow(/mine\/partials\/p\.hbs:3/);
  });

  it('cannot reach prototypes', () => {
    const template = { name: 'mine', files: { 'report.hbs': '@title x\n# 节\n{{org.constructor.name}}{{lookup org "__proto__"}}\n' } };
    expect(() => composeReport(stats, { template })).toThrow(TemplateError);
  });
});
