import { describe, expect, it } from 'vitest';
import { joinList } from './list';

describe('joinList', () => {
  it('puts 顿号 between coordinate items', () => {
    expect(joinList(['甲', '乙', '丙'])).toBe('甲、乙、丙');
  });

  it('puts no 顿号 between items in 书名号 or quotation marks', () => {
    expect(joinList(['《甲》', '《乙》'])).toBe('《甲》《乙》');
    expect(joinList(['“明白纸”', '“一封信”'])).toBe('“明白纸”“一封信”');
    expect(joinList(['《甲》', '乙', '《丙》'])).toBe('《甲》、乙、《丙》');
  });

  it('puts the given conjunction before the last item', () => {
    expect(joinList(['甲', '乙', '丙'], { last: '和' })).toBe('甲、乙和丙');
    expect(joinList(['甲', '乙'], { last: '和' })).toBe('甲和乙');
    expect(joinList(['《甲》', '《乙》', '《丙》'], { last: '和' })).toBe('《甲》《乙》和《丙》');
  });

  it('returns the item alone or an empty string', () => {
    expect(joinList(['甲'], { last: '和' })).toBe('甲');
    expect(joinList([])).toBe('');
  });
});
