import type { AidedGroup } from '../schema/enums.js';
import { GROUP_LABELS } from '../schema/enums.js';

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

/**
 * @example termsForYear(2019).work //=> '教育扶贫'
 * @example termsForYear(2023).work //=> '教育帮扶'
 * @example termsForYear(2026).groups.monitored //=> '防止返贫致贫对象家庭学生'
 */
export function termsForYear(year: number, overrides: Partial<Terms> = {}): Terms {
  const base = year <= 2020 ? POVERTY_ALLEVIATION : year <= 2025 ? TRANSITION : REGULAR_ASSISTANCE;
  return { ...base, ...overrides, groups: { ...base.groups, ...overrides.groups } };
}
