import { describe, expect, it } from 'vitest';
import { repeats } from './repeats.js';

const fields = (entries: Record<string, string>) => Object.entries(entries).map(([where, text]) => ({ where, text }));
const said = (entries: Record<string, string>) => repeats(fields(entries)).map(({ where, finding }) => `${where}：${finding.zh}`);

describe('repeats', () => {
  it('finds a sentence said twice in a row', () => {
    expect(said({ 'problems[0]': '①办学经费不足。②师资力量薄弱。②师资力量薄弱。对比省定标准，差距明显。' })).toEqual([
      'problems[0]：句子重复，本字段已有此句：“…足。②师资力量薄弱。②师资力量薄弱。对比省定标准，差距明…”',
    ]);
  });

  it('finds a sentence repeated in another field, naming it', () => {
    expect(said({ opening: '我局坚持把教育帮扶作为阻断贫困代际传递的根本之策。', 'plans[0]': '继续坚持把教育帮扶作为重点。我局坚持把教育帮扶作为阻断贫困代际传递的根本之策。' })).toEqual([
      'plans[0]：句子重复，opening已有此句：“…把教育帮扶作为重点。我局坚持把教育帮扶作为阻断贫困代际传递的根本…”',
    ]);
  });

  it('finds a paragraph repeated whole, and one pasted again and cut off', () => {
    const problems = {
      'problems[0]': '部分村小和教学点办学条件仍然薄弱，音乐、美术等功能室不足。',
      'problems[1]': '部分村小和教学点办学条件仍然薄弱，音乐、美术等功能室不足。',
      'problems[2]': '部分村小和教学点办学条件仍然薄弱，音乐、美术等功',
    };
    expect(said(problems)).toEqual([
      'problems[1]：段落与problems[0]重复：“部分村小和教学点办学条件仍然薄弱，音乐、美术…”',
      'problems[2]：段落与problems[0]的开头相同，疑为重复粘贴后截断：“…村小和教学点办学条件仍然薄弱，音乐、美术等功”',
    ]);
  });

  it('numbers the paragraphs of a field that has several', () => {
    expect(said({ 'measures[0].text': '各校建立资助档案，做到一人一档。\n各校建立资助档案，做到一人一档。' })).toEqual([
      'measures[0].text：第2段与第1段重复：“…案，做到一人一档。↵各校建立资助档案，做到一人一档。”',
    ]);
  });

  it('finds an unfinished sentence that repeats the beginning of one', () => {
    expect(said({ 'highlights[0]': '全年资助学生2490人次，发放资助资金全部按时足额到位。全年资助学生2490人次，发放资助资金全部' })).toEqual([
      'highlights[0]：句子不完整，与本字段中一句的开头相同，疑为重复粘贴后截断：“…金全部按时足额到位。全年资助学生2490人次，发放资助资金全部”',
    ]);
  });

  it('counts the repeats of one field in one finding', () => {
    const [only, ...rest] = said({ closing: '确保资助应助尽助。'.repeat(5) });
    expect(rest).toEqual([]);
    expect(only).toMatch(/^closing：句子重复，本字段已有此句：.*（共4处）$/);
  });

  it.each<Record<string, string>>([
    { 'problems[0]': '一是加强宣传。', 'problems[1]': '一是加强管理。' },
    { 'problems[0]': '特此报告。', 'plans[0]': '特此报告。' },
    { 'plans[0]': '加强政策宣传。', 'plans[1]': '加强政策宣传力度，扩大覆盖面。' },
    { 'plans[0]': '进一步健全防止返贫监测帮扶机制。', 'plans[1]': '进一步健全防止返贫监测帮扶机制，确保应助尽助。' },
    { 'measures[0].text': '加强资助政策宣传工作\n加强资助政策宣传工作，通过家长会、微信群发放明白纸。' },
  ])('leaves short, different or complete sentences alone: %o', (entries) => {
    expect(said(entries)).toEqual([]);
  });
});
