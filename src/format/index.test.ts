import { describe, expect, it } from 'vitest';
import * as format from './index';

describe('the format barrel', () => {
  it('exports exactly the documented functions and constants', () => {
    expect(Object.keys(format).sort()).toEqual([
      'FEN_PER_YUAN',
      'MAX_AMOUNT_YUAN',
      'RANGE_JOINER',
      'chineseNumeral',
      'fenOf',
      'formatAmount',
      'formatAmountChange',
      'formatArea',
      'formatChange',
      'formatCount',
      'formatDate',
      'formatFen',
      'formatMonth',
      'formatPercent',
      'formatPercentRange',
      'formatQuantity',
      'formatRange',
      'formatRatio',
      'formatRoughAmount',
      'formatRoughCount',
      'formatRoughPercent',
      'formatRoughQuantity',
      'formatSchoolYear',
      'formatYear',
      'headingNumber',
      'isWithinYear',
      'joinList',
      'semesterName',
      'smallCount',
      'sumYuan',
      'toFen',
      'yuanText',
    ]);
  });
});

// Every example of docs/domain.md, "Writing numbers", as it is written there.
describe('the examples of domain.md', () => {
  it('prints amounts in 元, 万元 and 亿元', () => {
    expect(format.formatAmount(4500)).toBe('4500元');
    expect(format.formatAmount(29400)).toBe('2.94万元');
    expect(format.formatAmount(418000)).toBe('41.8万元');
    expect(format.formatAmount(4500000)).toBe('450万元');
    expect(format.formatAmount(120000000)).toBe('1.2亿元');
  });

  it('sums 24.67万元 and 17.13万元 exactly to 41.8万元', () => {
    expect(format.formatAmount(format.sumYuan([246700, 171300]))).toBe('41.8万元');
  });

  it('writes no 余 after a decimal and never stacks 约 with 余', () => {
    const text = format.formatAmount(1105300, { approx: true });
    expect(text).toBe('110万余元');
    expect(text).not.toBe('110.53万余元');
    expect(format.formatCount(8046, '份', { approx: true })).toBe('8000余份');
    expect(format.formatCount(8046, '份', { approx: true })).not.toContain('约');
  });

  it('keeps units in ranges and uses one joiner', () => {
    expect(format.formatPercentRange(15, 30)).toBe('15%～30%');
    expect(format.formatRange(5, 10, '户')).toContain(format.RANGE_JOINER);
  });

  it('writes years in full, dates without padding and school years with an em dash', () => {
    expect(format.formatYear(2026)).toBe('2026年');
    expect(format.formatDate('2026-03-05')).toBe('2026年3月5日');
    expect(format.formatDate('2026-11-29')).toBe('2026年11月29日');
    expect(format.formatSchoolYear(2025)).toBe('2025—2026学年');
  });

  it('puts 顿号 between coordinate items but not between titles', () => {
    expect(format.joinList(['明白纸', '一封信'])).toBe('明白纸、一封信');
    expect(format.joinList(['《甲》', '《乙》'])).toBe('《甲》《乙》');
  });

  it('numbers headings 一、（一）1.（1）', () => {
    expect(format.headingNumber(1, 1)).toBe('一、');
    expect(format.headingNumber(1, 11)).toBe('十一、');
    expect(format.headingNumber(1, 20)).toBe('二十、');
    expect(format.headingNumber(2, 1)).toBe('（一）');
    expect(format.headingNumber(3, 1)).toBe('1.');
    expect(format.headingNumber(4, 1)).toBe('（1）');
  });

  it('computes a rate from its parts with at most two decimals', () => {
    expect(format.formatPercent(1016, 1035)).toBe('98.16%');
  });

  it('writes small counts in prose as words', () => {
    expect(`${format.smallCount(3, '所')}学校`).toBe('三所学校');
  });

  it('writes every number with half-width Arabic digits', () => {
    const samples = [
      format.formatAmount(29400),
      format.formatCount(147, '人'),
      format.formatPercent(1016, 1035),
      format.formatDate('2026-11-29'),
      format.formatArea(15000),
    ];
    for (const text of samples) expect(text).not.toMatch(/[０-９，．]/);
  });
});
