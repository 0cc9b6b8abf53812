import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { composeReport, deriveFacts, formatFen, parseStats, renderMarkdown, TemplateError, termsForYear, type Heading, type Report } from '../../src/index.js';
import { unescapeMarkdown } from '../support/same-text.js';

const example = (name: string) => JSON.parse(readFileSync(new URL(`../../examples/${name}.json`, import.meta.url), 'utf8'));
const headings = (report: Report) => report.body.filter((b): b is Heading => b.type === 'heading');
const level1 = (report: Report) => headings(report).filter((h) => h.level === 1).map((h) => h.number + h.text);

describe('composeReport', () => {
  it('prints a school named 第#1小学 <A&B> {{x}} literally, with no HTML escaping and no structure change', () => {
    const name = '第#1小学 <A&B> {{x}}';
    const { report } = composeReport({ ...example('school'), organisation: { name, kind: 'school' } });
    const md = renderMarkdown(report);
    expect(report.title).toBe(`${name}2025年学生资助工作总结`);
    expect(unescapeMarkdown(md)).toContain(name);
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
    expect(level1(full)).toEqual(['一、基本情况', '二、主要做法', '三、工作成效', '四、存在问题', '五、下一步工作打算']);
    const { highlights: _, ...withoutHighlights } = example('bureau');
    const report = composeReport(withoutHighlights).report;
    expect(level1(report)).toEqual(['一、基本情况', '二、主要做法', '三、存在问题', '四、下一步工作打算']);
    // Level 2 likewise: without dropout data, 控辍保学 goes and the rest move up.
    const { dropout: __, ...withoutDropout } = example('bureau');
    const level2 = headings(composeReport(withoutDropout).report).filter((h) => h.level === 2).map((h) => h.number + h.text);
    expect(level2.slice(0, 3)).toEqual(['（一）落实学生资助政策', '（二）改善办学条件', '（三）补充教师队伍']);
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
    expect(md).toContain('石桥镇中心小学食堂改造项目，建设面积320平方米，投资15万元，其中中央资金12万元、县级资金3万元，已通过竣工验收。');
    expect(md).toContain('全年开展中小学教师“学生资助政策与资助育人”培训1期、24人次。');
    expect(md).toContain('石桥镇商会捐资助学1.2万元，惠及学生20人次。');
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

describe('what the draft may say', () => {
  const school = example('school');

  it('makes sibling headings alike: a run-in heading beside one with headings under it stands alone, without its 。', () => {
    const template = {
      name: 'mine',
      files: { 'report.hbs': '@title x\n# 资助\n## 各学段\n###> 学前教育资助情况。\n春季学期……\n### 义务教育资助情况\n####> 免学费。\n春季学期……\n####> 营养改善计划。\n秋季学期……\n##> 不跑入。\n正文\n' },
    };
    const body = composeReport(school, { template }).report.body;
    const heading = (text: string) => body.find((b): b is Heading => b.type === 'heading' && b.text.startsWith(text))!;
    expect(heading('学前教育')).toMatchObject({ text: '学前教育资助情况', number: '1.' });
    expect(heading('学前教育').runIn).toBeUndefined();
    expect(body[body.indexOf(heading('学前教育')) + 1]).toEqual({ type: 'paragraph', text: '春季学期……' });
    expect(heading('义务教育')).toMatchObject({ text: '义务教育资助情况', number: '2.' });
    // Siblings that all run in keep running in, with their 。.
    expect(heading('免学费')).toMatchObject({ text: '免学费。', runIn: '春季学期……' });
    expect(heading('营养改善计划')).toMatchObject({ text: '营养改善计划。', runIn: '秋季学期……' });
    // Levels 1 and 2 never run in.
    expect(heading('不跑入')).toMatchObject({ text: '不跑入', level: 2 });
    expect(heading('不跑入').runIn).toBeUndefined();
  });

  it('puts the closing and 特此报告 under no heading, so a heading never stands over 特此报告 alone', () => {
    const { plans: _, ...noPlans } = example('bureau');
    const { report } = composeReport({ ...noPlans, closing: '总之，我局将继续做好教育帮扶工作。' });
    expect(headings(report).map((h) => h.text)).not.toContain('下一步工作打算');
    expect(report.body.slice(-2)).toEqual([
      { type: 'paragraph', text: '总之，我局将继续做好教育帮扶工作。' },
      { type: 'paragraph', text: '特此报告。' },
    ]);
  });

  it('leads in as the title’s genre says: 报告如下, 汇报如下, none for a survey', () => {
    const opening = (title: string) => (composeReport({ ...example('bureau'), title }).report.body[0] as { text: string }).text;
    expect(opening('云溪县教育局2025年教育帮扶工作报告')).toMatch(/现将有关情况报告如下：$/);
    expect(opening('云溪县教育局2025年教育帮扶工作汇报')).toMatch(/现将有关情况汇报如下：$/);
    expect(opening('云溪县教育精准扶贫专题调研报告')).toMatch(/各项任务全面完成。$/);
    expect(opening('云溪县教育局2025年教育帮扶工作总结')).toMatch(/现将有关情况总结如下：$/);
  });

  it('speaks of a semester or a school year, never of 全年, in its title and text', () => {
    for (const [period, label, whole] of [['spring', '2025年春季学期', '本学期'], ['schoolYear', '2025—2026学年', '本学年']] as const) {
      const aid = school.aid.filter((a: { period: string }) => period === 'schoolYear' || a.period === 'spring');
      const { report, warnings } = composeReport({ ...school, period, aid, highlights: [] });
      const md = renderMarkdown(report);
      expect(report.title).toBe(`云溪县石桥镇中心小学${label}学生资助工作总结`);
      expect(md).toContain(`${whole}共资助各学段学生`);
      expect(md).not.toContain('全年');
      expect(warnings).toEqual([]);
    }
  });

  it('speaks as a kindergarten: 我园, 在园幼儿, 家长, and 幼儿 for the aided', () => {
    const stats = {
      year: 2025,
      organisation: { name: '城关幼儿园', kind: 'kindergarten' },
      enrolment: { stages: [{ stage: 'preschool', classes: 6, students: 180 }] },
      aidedGroups: [{ group: 'relieved', students: 4 }],
      aid: [{ stage: 'preschool', programme: 'preschoolAid', period: 'autumn', students: 4, amount: 2000, group: 'relieved' }],
      publicity: { channels: ['家长会'] },
      pairing: { students: 4, arrangement: '教师每月与家长沟通一次' },
    };
    const md = renderMarkdown(composeReport(stats).report);
    expect(md).toContain('2025年，我园共有班级6个、在园幼儿180人。');
    expect(md).toContain('全园共有脱贫家庭幼儿4人。');
    expect(md).toContain('为4名脱贫家庭幼儿发放资助资金2000元');
    expect(md).toContain('通过家长会等渠道，向家长宣传资助政策。');
    expect(md).toContain('结对帮扶幼儿4名');
    // 学生资助 is the policy's name; no sentence speaks of the children as 学生.
    expect(md.replace(/学生资助/g, '')).not.toMatch(/学生|在校|我校|课业/);
  });

  it('places data sections among the measures in the order given, warning when unlisted ones must follow', () => {
    const stats = { ...school, measures: [{ section: 'dropout', title: '控辍保学' }, { title: '规范档案', text: '档案逐一归档。' }, { section: 'publicity', text: '开学初集中宣传。' }] };
    const { report, warnings } = composeReport(stats);
    const level2 = headings(report).filter((h) => h.level === 2).map((h) => h.text);
    // The aid's stages under 资助政策落实情况, then the measures as listed, then the unlisted pairing.
    expect(level2).toEqual(['学前教育资助情况', '小学资助情况', '控辍保学', '规范档案', '加强政策宣传', '开展结对帮扶']);
    expect(warnings).toEqual([expect.objectContaining({ code: 'section_appended', where: 'measures' })]);
    const md = renderMarkdown(report);
    expect(md.indexOf('开学初集中宣传。')).toBeLessThan(md.indexOf('通过家长会'));
  });

  it('lets a heading be retitled, and leaves a listed section without data out with a warning', () => {
    const { report, warnings } = composeReport({ ...school, headings: { plans: '努力方向' }, measures: [...school.measures, { section: 'donations' }] });
    expect(level1(report)).toContain('六、努力方向');
    expect(warnings).toEqual([expect.objectContaining({ code: 'section_empty', where: 'measures[4]' })]);
  });
});

describe('custom templates', () => {
  const stats = example('school');

  it('work exactly like a built-in one: a copy of templates/bureau drafts the same report', () => {
    const bureau = example('bureau');
    const copy = { name: 'copy', files: { 'report.hbs': readFileSync(new URL('../../templates/bureau/report.hbs', import.meta.url), 'utf8') } };
    expect(composeReport(bureau, { template: copy })).toEqual(composeReport(bureau));
  });

  it('get the shared partials, and their own partials replace them', () => {
    const shared = { name: 'mine', files: { 'report.hbs': '@title x\n# 宣传\n{{> publicity publicity depth=1}}\n' } };
    expect(composeReport(stats, { template: shared }).report.body[1]).toEqual({
      type: 'paragraph',
      text: '通过家长会、班级微信群、宣传栏等渠道，向学生和家长宣传资助政策，发放资助政策明白纸、致家长的一封信等宣传材料460份。',
    });
    const own = { name: 'mine', files: { ...shared.files, 'partials/publicity.hbs': '宣传材料{{roughCount materials "份"}}。' } };
    expect(composeReport(stats, { template: own }).report.body[1]).toEqual({ type: 'paragraph', text: '宣传材料460份。' });
  });

  it('works like a built-in one', () => {
    const template = {
      name: 'mine',
      files: {
        'report.hbs': '@title {{org.name}}{{year}}年简报\n# 概况\n{{> line}}\n# 空节\n# 结尾\n特此报告。\n',
        'partials/line.hbs': '共资助{{count aid.grants.students "人次"}}，{{fen aid.grants.fen}}。',
      },
    };
    const { report } = composeReport(stats, { template });
    expect(report.title).toBe('云溪县石桥镇中心小学2025年简报');
    expect(level1(report)).toEqual(['一、概况', '二、结尾']);
    const { grants } = deriveFacts(parseStats(stats)).aid;
    expect(report.body[1]).toEqual({ type: 'paragraph', text: `共资助${grants.students}人次，${formatFen(grants.fen)}。` });
    expect(report.body[1]).toEqual({ type: 'paragraph', text: '共资助870人次，43.33万元。' });
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

describe('terms overrides', () => {
  const stats = example('bureau');

  it('a word given as undefined keeps the year’s word (the title loses nothing)', () => {
    const plain = composeReport(stats).report.title;
    expect(composeReport(stats, { terms: { work: undefined } }).report.title).toBe(plain);
    expect(plain).toContain('教育帮扶');
    const md = renderMarkdown(composeReport(stats, { terms: { groups: { relieved: undefined } as never } }).report);
    expect(md).toBe(renderMarkdown(composeReport(stats).report));
  });

  it.each([
    [{ work: '' }, 'terms.work', 'non-empty text'],
    [{ work: 42 }, 'terms.work', 'received 42'],
    [{ groups: { relieved: null } }, 'terms.groups.relieved', 'received null'],
    [{ groups: { nosuch: '某某' } }, 'terms.groups', 'nosuch'],
    [{ wrok: '教育帮扶' }, 'terms.wrok', 'no such term'],
    [{ period: 'later' }, 'terms.period', 'one of'],
    ['教育帮扶', 'terms', 'an object'],
  ])('%j is refused with a TypeError naming the option', (terms, where, what) => {
    let error: unknown;
    try {
      composeReport(stats, { terms: terms as never });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toContain(where);
    expect((error as Error).message).toContain(what);
  });
});
