import { describe, expect, it } from 'vitest';
import { termsForYear } from '../compose/terms.js';
import { placeholders } from './placeholders.js';

const context = { year: 2025, period: 'year' as const, terms: termsForYear(2025), field: 'problems' };
const check = (text: string) => placeholders(text, context);

describe('placeholders', () => {
  it.each([
    ['20xx年全镇新建幼儿园2所。', '20xx'],
    ['全乡共有xx所村小。', 'xx'],
    ['受助学生xxxx人。', 'xxxx'],
    ['对口帮扶XX村，共XX户。', 'XX'],
    ['班主任写下对XX的评价。', 'XX'],
    ['识别贫困人口3602人，1xx90户。', '1xx90'],
    ['投入资金××万元。', '××'],
    ['××年××月，完成验收。', '××'],
    ['××镇中心小学', '××'],
    ['于2025年x月召开推进会。', 'x'],
    ['由某某镇中心校牵头。', '某某'],
    ['青山县某某小学新建食堂。', '某某'],
    ['某某省某某市云溪县', '某某'],
  ])('finds the blank in “%s”', (text, blank) => {
    const [finding] = check(text);
    expect(finding?.code).toBe('placeholder_left');
    expect(finding?.zh).toContain(`占位符“${blank}”未替换`);
    expect(finding?.en).toContain(`placeholder “${blank}” left in`);
  });

  it('quotes the first blank in context and counts the others', () => {
    const [finding, ...rest] = check('20xx年3月，学校组织xx名教师赴xx县学习。');
    expect(rest).toEqual([]);
    expect(finding!.zh).toBe('占位符“20xx”未替换：“20xx年3月，学校组织xx…”（共3处）');
    expect(finding!.en).toBe('placeholder “20xx” left in: “20xx年3月，学校组织xx…” (3 places)');
  });

  it.each([
    '王某某同学父亲长年患病，学校为其减免住宿费。',
    '李某某县长带队走访了困难家庭。',
    '学生王××家庭困难，已纳入资助。',
    '经核实，张某某已在外地就读。',
    '为XXL号校服统一采购，另有Max和Xbox两个社团。',
    '学生拍X光片的费用由学校承担。',
    '运动场长×宽为100米×60米。',
    '配备3x4米的显示屏。',
    '某校、某班的情况另行报告。',
  ])('leaves “%s” alone', (text) => {
    expect(check(text)).toEqual([]);
  });
});
