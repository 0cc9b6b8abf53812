import { describe, expect, it } from 'vitest';
import { clusters } from '../../src/render/pdf/text/clusters.js';

const split = (text: string) => clusters([...text].map((ch) => ({ ch }))).map((c) => c.map((i) => i.ch).join(''));

describe('clusters', () => {
  it('keeps a number whole with its decimal point and percent sign, as Word does', () => {
    expect(split('发放资金3.45万元。')).toEqual(['发', '放', '资', '金', '3.45', '万', '元。']);
    expect(split('17.7%，')).toEqual(['17.7%，']);
    expect(split('2025年，')).toEqual(['2025', '年，']);
    expect(split('增长17.7%以上')).toEqual(['增', '长', '17.7%', '以', '上']);
    expect(split('共1,234人')).toEqual(['共', '1,234', '人']);
  });

  it('glues closing punctuation to the character before it', () => {
    expect(split('情况。春季')).toEqual(['情', '况。', '春', '季']);
    expect(split('县委、县政府')).toEqual(['县', '委、', '县', '政', '府']);
    expect(split('学生”；')).toEqual(['学', '生”；']);
  });

  it('glues opening punctuation to the character after it', () => {
    expect(split('（一）精准')).toEqual(['（一）', '精', '准']);
    expect(split('“建档')).toEqual(['“建', '档']);
    expect(split('《通知》')).toEqual(['《通', '知》']);
  });

  it('keeps Latin words and doubled dashes and ellipses whole', () => {
    expect(split('LED屏')).toEqual(['LED', '屏']);
    expect(split('好——坏')).toEqual(['好——', '坏']);
    expect(split('等等……')).toEqual(['等', '等……']);
  });

  it('leaves spaces as their own clusters (break opportunities)', () => {
    expect(split('附件：1. 名称')).toEqual(['附', '件：', '1.', ' ', '名', '称']);
  });

  it('loses no character', () => {
    const text = '（二）国家助学金。按平均每生每年2300元标准发放，覆盖“建档立卡”学生——共3.93万元…';
    expect(split(text).join('')).toBe(text);
  });
});
