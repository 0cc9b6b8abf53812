import { describe, expect, it } from 'vitest';
import { termsForYear } from '../compose/terms.js';
import { pairs } from './pairs.js';

const context = { year: 2025, period: 'year' as const, terms: termsForYear(2025), field: 'measures' };
const check = (text: string) => pairs(text, context);

describe('pairs', () => {
  it.each([
    ['严格按照“村级申请、乡镇审核、县级审定的程序识别。', '引号‘“’没有配对的‘”’'],
    ['落实资助政策”应助尽助”。', '引号‘”’前面没有配对的‘“’'],
    ['制定了《教育扶贫走访制度、《帮扶措施》。', '书名号‘《’没有配对的‘》’'],
    ['全县小学62所（含教学点21个。', '括号‘（’没有配对的‘）’'],
    ['含教学点21个）。', '括号‘）’前面没有配对的‘（’'],
    ['【教育帮扶工作总结相关文章', '方头括号‘【’没有配对的‘】’'],
    ['按照南教体字〔2025号文件', '六角括号‘〔’没有配对的‘〕’'],
  ])('finds the lone mark in “%s”', (text, message) => {
    const [finding] = check(text);
    expect(finding?.code).toBe('unpaired_mark');
    expect(finding?.zh).toContain(message);
  });

  it('finds a mark left open inside a pair that closes', () => {
    expect(check('印发《关于做好（2025年资助工作的通知》。').map((f) => f.zh)).toEqual(['括号‘（’没有配对的‘）’：“印发《关于做好（2025年资助工作的…”']);
  });

  it('counts the same lone mark once per field', () => {
    expect(check('“一对一“帮扶，“应助尽助“。').map((f) => f.zh)).toEqual([expect.stringContaining('（共4处）')]);
  });

  it.each([
    '实行“一对一”帮扶，印发《关于做好2025年学生资助工作的通知》（云教发〔2025〕12号）。',
    '（一）学前教育资助（含“三类”幼儿）',
    '【政策】资助政策“应助尽助”',
    '1)摸清底数；\n2)落实政策。',
    '登录系统(SAMS)核对',
  ])('leaves “%s” alone', (text) => {
    expect(check(text)).toEqual([]);
  });
});
