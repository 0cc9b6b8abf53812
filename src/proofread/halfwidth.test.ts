import { describe, expect, it } from 'vitest';
import { termsForYear } from '../compose/terms.js';
import { halfWidth } from './halfwidth.js';

const context = { year: 2025, period: 'year' as const, terms: termsForYear(2025), field: 'measures' };
const check = (text: string) => halfWidth(text, context);

describe('halfWidth', () => {
  it.each([
    ['召开专题会议,部署资助工作。', '半角逗号“,”', '“，”'],
    ['义务教育阶段学生6人;学前教育阶段学生6人。', '半角分号“;”', '“；”'],
    ['资助档案包括:申请表、花名册。', '半角冒号“:”', '“：”'],
    ['是否做到应助尽助?答案是肯定的。', '半角问号“?”', '“？”'],
    ['你是老师的小帮手!', '半角叹号“!”', '“！”'],
    ['(一)贫困生资助情况', '半角括号“()”', '“（）”'],
    ['每人400元(营养餐),计2400元。', '半角括号“()”', '“（）”'],
    ['开展"一对一"帮扶。', '半角引号“"”', '““””'],
    ['完成了资助资金发放工作.', '半角句点“.”', '“。”'],
    ['对未被普通高中录取的.初中毕业生优先安排职业教育。', '半角句点“.”', '“。”'],
    ['宣传资助政策、帮扶措施等等...', '省略号写成了“...”', '“……”'],
    ['让他们知道贫困是暂时的\'，是可以改变的。', '多余的“\'”或“`”', ''],
    ['开发网上交易的`电子平台。', '多余的“\'”或“`”', ''],
  ])('finds the half-width mark in “%s”', (text, what, instead) => {
    const findings = check(text);
    expect(findings.map((f) => f.code)).toContain('halfwidth_punctuation');
    expect(findings.find((f) => f.zh.includes(what))?.zh).toContain(instead);
  });

  it('gives one finding per kind of mark, the first quoted and the rest counted', () => {
    const findings = check('学生,家长,教师共同参与;成效明显。');
    expect(findings.map((f) => f.zh)).toEqual([
      '半角逗号“,”用在中文里，应为“，”：“学生,家长,教师共同参与;…”（共2处）',
      '半角分号“;”用在中文里，应为“；”：“…,家长,教师共同参与;成效明显。”',
    ]);
  });

  it.each([
    '全县在校学生58,426人，其中义务教育阶段2,033人。',
    '上午8:30召开会议，比例为1:2。',
    '资助标准为1.5万元，增长2.5%。',
    '登录学生资助管理系统（SAMS）核对信息。',
    'The policy (in English, with commas) is quoted as written.',
    '“一对一”帮扶，《资助政策明白纸》发放到户。',
    '1)',
  ])('leaves “%s” alone', (text) => {
    expect(check(text)).toEqual([]);
  });
});
