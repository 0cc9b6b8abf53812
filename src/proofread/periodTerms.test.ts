import { describe, expect, it } from 'vitest';
import { termsForYear, type Terms } from '../compose/terms.js';
import { periodTerms } from './periodTerms.js';

const check = (text: string, year: number, terms: Terms = termsForYear(year)) => periodTerms(text, { year, period: 'year', terms, field: 'opening' });

describe('periodTerms', () => {
  it('finds 建档立卡 in a report of 2021 or later, and says what the year calls the group', () => {
    const [finding, ...rest] = check('全县落实建档立卡学生资助政策，建档立卡户子女应助尽助。', 2023);
    expect(rest).toEqual([]);
    expect(finding!.code).toBe('term_of_other_period');
    expect(finding!.zh).toBe('“建档立卡”是2020年及以前的说法，2023年的报告用“脱贫家庭学生（原建档立卡）”：“全县落实建档立卡学生资助政策，建档立…”（共2处）');
    expect(finding!.en).toContain('“建档立卡” is the wording of reports up to 2020; a 2023 report says “脱贫家庭学生（原建档立卡）”');
  });

  it('accepts 建档立卡 as 2021–2025 print it, after 原, and not in 2026', () => {
    expect(check('资助脱贫家庭学生（原建档立卡）2490人。', 2023)).toEqual([]);
    expect(check('资助脱贫家庭学生（原建档立卡）2490人。', 2026)[0]!.zh).toContain('“建档立卡”是2025年及以前的说法，2026年的报告用“脱贫家庭学生”');
  });

  it('finds 脱贫家庭 and 监测对象 in a report of 2020 or earlier', () => {
    const found = check('资助脱贫家庭学生120人、监测对象家庭学生35人。', 2019).map((f) => f.zh);
    expect(found).toEqual([
      expect.stringMatching(/^“脱贫家庭”是2021年及以后的说法，2019年的报告用“建档立卡贫困家庭学生”/),
      expect.stringMatching(/^“监测对象”是2021—2025年的说法，2019年的报告用“边缘户家庭学生”/),
    ]);
  });

  it('finds 防止返贫致贫对象 before 2026, and 监测对象 from 2026', () => {
    expect(check('做好防止返贫致贫对象排查。', 2025)[0]!.zh).toMatch(/^“防止返贫致贫对象”是2026年及以后的说法，2025年的报告用“监测对象家庭学生”/);
    expect(check('做好监测对象排查。', 2026)[0]!.zh).toMatch(/^“监测对象”是2021—2025年的说法，2026年的报告用“防止返贫致贫对象家庭学生”/);
  });

  it('leaves each period its own words', () => {
    expect(check('资助建档立卡贫困家庭学生4005人，边缘户家庭学生120人。', 2019)).toEqual([]);
    expect(check('资助脱贫家庭学生4005人、监测对象家庭学生120人。', 2023)).toEqual([]);
    expect(check('资助脱贫家庭学生4005人、防止返贫致贫对象家庭学生120人。', 2026)).toEqual([]);
  });

  it('takes the caller’s words as the period’s', () => {
    const terms = termsForYear(2023, { groups: { ...termsForYear(2023).groups, registeredPoor: '建档立卡脱贫户学生' } });
    expect(check('资助建档立卡脱贫户学生4005人。', 2023, terms)).toEqual([]);
  });
});
