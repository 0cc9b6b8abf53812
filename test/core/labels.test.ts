/**
 * Chinese labels wherever an enumerated value is entered: a stats.json may
 * say 营养改善计划 for `nutrition` and 春季学期 for `spring`; it parses to the
 * code. An unknown value is answered with the labels and a did-you-mean.
 */
import { describe, expect, it } from 'vitest';
import { parseStats, safeParseStats, statsJsonSchema, StatsError } from '../../src/schema/index.js';

const base = { year: 2025, organisation: { name: '云溪县石桥镇中心小学', kind: '学校' } };

describe('labels in JSON', () => {
  it('parse to their codes, in values and in record keys', () => {
    const stats = parseStats({
      ...base,
      aid: [{ stage: '小学', programme: '营养改善计划', period: '春季学期', students: 418, amount: 209000, byGroup: { 脱贫家庭学生: 18, hardship: 400 } }],
      aidedGroups: [{ group: '监测对象家庭学生', byStage: { 小学: 5 } }],
      publicity: { materials: { value: 8000, approx: '余' } },
      headings: { 下一步工作打算: '对策与建议' },
    });
    expect(stats.organisation.kind).toBe('school');
    expect(stats.aid[0]).toMatchObject({ stage: 'primary', programme: 'nutrition', period: 'spring', byGroup: { relieved: 18, hardship: 400 } });
    expect(stats.aidedGroups[0]).toMatchObject({ group: 'monitored', byStage: { primary: 5 } });
    expect(stats.publicity?.materials).toEqual({ value: 8000, approx: 'over' });
    expect(stats.headings).toEqual({ plans: '对策与建议' });
  });

  it('an unknown value: the Chinese labels listed, with a did-you-mean among them', () => {
    const result = safeParseStats({ ...base, aid: [{ stage: '小学', programme: '营养计划', period: '春季', students: 1 }] });
    expect(result.success).toBe(false);
    const [programme, period] = (result as { error: StatsError }).error.issues;
    expect(programme!.message.zh).toBe(
      'aid[0].programme：应为 学前教育资助、免学费、国家助学金、寄宿生生活补助、营养改善计划、免费教科书、生源地信用助学贷款、雨露计划、新生入学资助、其他资助 之一（也可填代码 preschoolAid、tuitionWaiver、nationalGrant、boardingSubsidy、nutrition、freeTextbooks、studentLoan、yulu、freshmanAid、custom），实为 "营养计划" (string)；是否应为“营养改善计划”？',
    );
    expect(programme!.message.en).toContain('营养改善计划 (nutrition)');
    expect(programme!.message.en).toContain('did you mean "营养改善计划"?');
    expect(period!.message.zh).toContain('是否应为“春季学期”？');
  });

  it('a mistyped code gets the code; a value far from every label gets the list alone', () => {
    const result = safeParseStats({ ...base, aid: [{ stage: 'primery', programme: '助学金额', period: 'spring', students: 1 }] });
    const [stage, programme] = (result as { error: StatsError }).error.issues;
    expect(stage!.message.en).toContain('did you mean "primary"?');
    expect(programme!.message.zh).not.toContain('是否应为');
  });

  it('an unknown record key: the labels and a did-you-mean', () => {
    const result = safeParseStats({ ...base, aidedGroups: [{ group: 'relieved', byStage: { 小学校: 3 } }] });
    expect((result as { error: StatsError }).error.issues[0]!.message.zh).toBe(
      'aidedGroups[0].byStage["小学校"]：未知的键“小学校”，应为 学前教育、义务教育、小学、初中、普通高中、中等职业教育、高等教育 之一；是否应为“小学”？',
    );
  });

  it('a missing enumerated value is "required", not a list of options', () => {
    const result = safeParseStats({ ...base, aid: [{ programme: 'nutrition', period: 'spring', students: 1 }] });
    expect((result as { error: StatsError }).error.issues.map((i) => [i.code, i.message.zh])).toEqual([['required', 'aid[0].stage：缺少必填项']]);
  });

  it('the JSON Schema lists the codes and the labels, for editors', () => {
    const period = (statsJsonSchema() as { properties: { period: { enum: string[] } } }).properties.period;
    expect(period.enum).toEqual(['year', 'spring', 'autumn', 'schoolYear', '年度', '春季学期', '秋季学期', '学年']);
  });
});
