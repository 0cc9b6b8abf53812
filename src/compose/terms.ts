import { z } from 'zod';
import type { AidedGroup } from '../schema/enums.js';
import { aidedGroupSchema, GROUP_LABELS } from '../schema/enums.js';
import { describeReceived, formatPath } from '../schema/issues.js';

/**
 * The words of the policy period a report year falls in (domain.md "Terms
 * change with the year"). The year picks them; a caller may override any.
 */
export interface Terms {
  period: 'povertyAlleviation' | 'transition' | 'regularAssistance';
  /** What the work is called in titles and running text: 教育扶贫 / 教育帮扶. */
  work: string;
  /** The policy line of the opening. */
  policyLine: string;
  /** The goal the year serves, for closing sentences. */
  goal: string;
  /** Printed names of the aided groups. */
  groups: Record<AidedGroup, string>;
}

const BASE_GROUPS: Record<AidedGroup, string> = { ...GROUP_LABELS };

const POVERTY_ALLEVIATION: Terms = {
  period: 'povertyAlleviation',
  work: '教育扶贫',
  policyLine: '打赢教育脱贫攻坚战',
  goal: '确保不让一个学生因家庭经济困难而失学',
  groups: { ...BASE_GROUPS, registeredPoor: '建档立卡贫困家庭学生', relieved: '建档立卡贫困家庭学生', monitored: '边缘户家庭学生' },
};

const TRANSITION: Terms = {
  period: 'transition',
  work: '教育帮扶',
  policyLine: '巩固拓展教育脱贫攻坚成果同乡村振兴有效衔接',
  goal: '坚决守住不发生规模性返贫的底线',
  groups: { ...BASE_GROUPS, registeredPoor: '脱贫家庭学生（原建档立卡）', relieved: '脱贫家庭学生', monitored: '监测对象家庭学生' },
};

const REGULAR_ASSISTANCE: Terms = {
  period: 'regularAssistance',
  work: '教育常态化帮扶',
  policyLine: '建立健全防止返贫致贫常态化帮扶机制',
  goal: '推动教育帮扶从集中攻坚转向常态推进',
  groups: { ...BASE_GROUPS, registeredPoor: '脱贫家庭学生', relieved: '脱贫家庭学生', monitored: '防止返贫致贫对象家庭学生' },
};

const word = z.string().trim().min(1);
const overridesSchema = z.strictObject({
  period: z.enum(['povertyAlleviation', 'transition', 'regularAssistance']).optional(),
  work: word.optional(),
  policyLine: word.optional(),
  goal: word.optional(),
  groups: z.partialRecord(aidedGroupSchema, word.optional()).optional(),
});

/**
 * A caller's term overrides, checked: known words only, each a non-empty
 * text. A word given as `undefined` counts as not given (the year's word
 * stays), never as an empty one.
 *
 * @throws {TypeError} naming the option (`terms.groups.relieved`), what it takes and what came
 */
export function checkTerms(overrides: unknown): Partial<Terms> {
  const result = overridesSchema.safeParse(overrides ?? {}, { reportInput: true });
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
      return keys
        .map((key) => {
          const path = formatPath(['terms', ...(issue.path as (string | number)[]), ...(key === undefined ? [] : [key])]);
          if (key !== undefined) return `${path}：没有这个用语 / ${path}: no such term (known: period, work, policyLine, goal, groups.<group>)`;
          const received = describeReceived(issue.input);
          const [zh, en] =
            issue.code === 'invalid_value'
              ? [`${issue.values.join('、')} 之一`, `one of ${issue.values.join(', ')}`]
              : issue.code === 'invalid_type' && issue.expected === 'object'
                ? ['对象', 'an object']
                : ['非空文字', 'non-empty text'];
          return `${path}：应为${zh}，实为 ${received} / ${path}: expected ${en}, received ${received}`;
        })
        .join('\n');
    });
    throw new TypeError(`composeReport: 用语设置有误 / invalid terms option\n${lines.join('\n')}`);
  }
  const { groups, ...words } = result.data;
  const given = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
  return { ...given(words), ...(groups ? { groups: given(groups) as Terms['groups'] } : {}) };
}

/**
 * @example termsForYear(2019).work //=> '教育扶贫'
 * @example termsForYear(2023).work //=> '教育帮扶'
 * @example termsForYear(2026).groups.monitored //=> '防止返贫致贫对象家庭学生'
 */
export function termsForYear(year: number, overrides: Partial<Terms> = {}): Terms {
  const base = year <= 2020 ? POVERTY_ALLEVIATION : year <= 2025 ? TRANSITION : REGULAR_ASSISTANCE;
  const checked = checkTerms(overrides);
  return { ...base, ...checked, groups: { ...base.groups, ...checked.groups } };
}
