import type { z } from 'zod';
import { ENUM_LABELS, enumKey } from './enums.js';
import { UNPRINTABLE_SOURCE } from './printable.js';
import { closestLabel } from './suggest.js';

const UNPRINTABLE = new RegExp(UNPRINTABLE_SOURCE, 'g');

/**
 * Problems in the input as data: one per problem, with the JSON path, what
 * was expected and what came, and a message in Chinese and English.
 */
export type StatsIssueCode =
  | 'required'
  | 'invalid_type'
  | 'invalid_value'
  | 'unknown_field'
  | 'too_small'
  | 'too_big'
  | 'not_integer'
  | 'too_many_decimals'
  | 'invalid_date'
  | 'invalid_text'
  | 'missing_one_of'
  | 'conflicting_fields'
  | 'approx_after_decimal';

export interface StatsIssue {
  code: StatsIssueCode;
  /** JSON path segments: ["aid", 3, "amount"]. */
  path: (string | number)[];
  /** The path as one string: "aid[3].amount" ("(root)" for the whole input). */
  where: string;
  /** What the field takes, in English: "a number of 元 with at most 2 decimals". */
  expected: string;
  /** What came, shown short: "\"4500\" (string)", "-3", "(missing)". */
  received: string;
  message: { zh: string; en: string };
}

export function formatPath(path: readonly (string | number)[]): string {
  if (path.length === 0) return '(root)';
  return path
    .map((seg, i) => (typeof seg === 'number' ? `[${seg}]` : /^[A-Za-z_$][\w$]*$/.test(seg) ? (i === 0 ? seg : `.${seg}`) : `[${JSON.stringify(seg)}]`))
    .join('');
}

/** A short, safe rendering of the value that came. */
export function describeReceived(value: unknown): string {
  if (value === undefined) return '(missing)';
  if (value === null) return 'null';
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    // Shown escaped: a bidi control would turn the rest of the message around in a terminal.
    const escaped = JSON.stringify(shown).replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    return `${escaped} (string)`;
  }
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  return typeof value;
}

const TYPE_ZH: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  boolean: '是或否（true/false）',
  array: '列表（数组）',
  object: '对象',
};

type ZodIssue = z.core.$ZodIssue;

/** Whether a union branch refused the input's very type (1.5 for a count is the right type, just not whole). */
const refusesType = (branch: ZodIssue[]) => {
  const [first] = branch;
  if (branch.length !== 1 || first!.code !== 'invalid_type' || first!.path.length !== 0) return false;
  return !(first!.expected === 'int' && typeof first!.input === 'number' && Number.isFinite(first!.input));
};

/**
 * The branch of a union the input was meant for: of those that do not refuse
 * the input's very type (a number for a plain count, an object for
 * `{ value, approx }`), the one with the fewest issues — `{ "section": "x" }`
 * is a misspelt section, not a measure lacking its title and text. Its
 * issues, with paths made absolute, stand for the union's.
 */
function meantBranch(issue: Extract<ZodIssue, { code: 'invalid_union' }>): ZodIssue[] | undefined {
  const candidates = issue.errors.filter((b) => b.length > 0 && !refusesType(b));
  const branch = candidates.reduce<ZodIssue[] | undefined>((best, b) => (!best || b.length < best.length ? b : best), undefined);
  return branch?.map((i) => ({ ...i, path: [...issue.path, ...i.path] }) as ZodIssue);
}

/** One zod issue → our issues (unknown keys fan out to one issue per key). */
export function toStatsIssues(issue: ZodIssue): StatsIssue[] {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)) as (string | number)[];
  const make = (code: StatsIssueCode, expected: string, received: string, zh: string, en: string, at = path): StatsIssue => {
    const where = formatPath(at);
    return { code, path: at, where, expected, received, message: { zh: `${where}：${zh}`, en: `${where}: ${en}` } };
  };
  const received = describeReceived(issue.input);

  switch (issue.code) {
    case 'invalid_union': {
      const branch = meantBranch(issue);
      if (branch) return branch.flatMap(toStatsIssues);
      const types = [...new Set(issue.errors.flatMap((b) => (refusesType(b) ? [(b[0] as { expected?: string }).expected ?? ''] : [])))];
      if (types.includes('object') && types.some((t) => t === 'number' || t === 'int')) {
        const expected = 'a number, or { "value": number, "approx": "over|more|nearly|about" }';
        return [make('invalid_type', expected, received, `应为数字，或约数 { "value": 数值, "approx": "over" }，实为 ${received}`, `expected ${expected}, received ${received}`)];
      }
      const expected = types.join(' or ') || 'a valid value';
      const zh = types.map((t) => TYPE_ZH[t] ?? t).join('或');
      return [make('invalid_type', expected, received, `应为${zh}，实为 ${received}`, `expected ${expected}, received ${received}`)];
    }
    case 'invalid_type': {
      if (issue.input === undefined) return [make('required', issue.expected, received, '缺少必填项', 'is required but missing')];
      if (issue.expected === 'int' && typeof issue.input === 'number' && Number.isFinite(issue.input))
        return [make('not_integer', 'a whole number', received, `应为整数，实为 ${received}`, `expected a whole number, received ${received}`)];
      const zh = TYPE_ZH[issue.expected] ?? issue.expected;
      return [make('invalid_type', issue.expected, received, `应为${zh}，实为 ${received}`, `expected ${issue.expected}, received ${received}`)];
    }
    case 'unrecognized_keys':
      return issue.keys.map((key) =>
        make('unknown_field', 'no such field', key, `未知字段“${key}”（拼写是否有误？）`, `unknown field "${key}" (misspelt?)`, [...path, key]),
      );
    case 'invalid_value': {
      if (issue.input === undefined) return [make('required', issue.values.map((v) => JSON.stringify(v)).join(' | '), received, '缺少必填项', 'is required but missing')];
      const labels = ENUM_LABELS.get(enumKey(issue.values));
      if (labels) {
        const meant = closestLabel(issue.input, labels);
        const zh = Object.values(labels).join('、');
        const en = Object.entries(labels).map(([code, label]) => `${label} (${code})`).join(', ');
        const codes = Object.keys(labels).map((code) => JSON.stringify(code)).join(', ');
        return [
          make(
            'invalid_value',
            `one of ${codes}, or the labels ${Object.values(labels).join(', ')}`,
            received,
            `应为 ${zh} 之一（也可填代码 ${Object.keys(labels).join('、')}），实为 ${received}${meant ? `；是否应为“${meant}”？` : ''}`,
            `expected one of ${en}, received ${received}${meant ? ` — did you mean "${meant}"?` : ''}`,
          ),
        ];
      }
      const options = issue.values.map((v) => JSON.stringify(v)).join(', ');
      return [make('invalid_value', `one of ${options}`, received, `应为 ${options} 之一，实为 ${received}`, `expected one of ${options}, received ${received}`)];
    }
    case 'too_small': {
      if (issue.origin === 'number' || issue.origin === 'int') {
        const bound = `${issue.inclusive ? '≥' : '>'} ${issue.minimum}`;
        return [make('too_small', `a number ${bound}`, received, `不能小于${issue.minimum}，实为 ${received}`, `must be ${bound}, received ${received}`)];
      }
      if (issue.origin === 'string') return [make('too_small', 'non-empty text', received, '不能为空', 'must not be empty')];
      return [make('too_small', `at least ${issue.minimum} item(s)`, received, `至少应有${issue.minimum}项`, `needs at least ${issue.minimum} item(s)`)];
    }
    case 'too_big': {
      const what = issue.origin === 'string' ? `at most ${issue.maximum} characters` : issue.origin === 'array' ? `at most ${issue.maximum} items` : `a number ≤ ${issue.maximum}`;
      return [make('too_big', what, received, `超出上限（${issue.maximum}），实为 ${received}`, `must be ${what}, received ${received}`)];
    }
    case 'invalid_format':
      return [make('invalid_date', 'a date written yyyy-mm-dd', received, `日期应写作 yyyy-mm-dd，如 2026-11-29，实为 ${received}`, `expected a date as yyyy-mm-dd such as 2026-11-29, received ${received}`)];
    case 'custom': {
      const kind = (issue.params as { zongjie?: string; when?: string } | undefined)?.zongjie;
      if (kind === 'decimals')
        return [make('too_many_decimals', 'at most 2 decimals (分)', received, `金额至多两位小数（到分），实为 ${received}`, `at most 2 decimals (fen), received ${received}`)];
      if (kind === 'date') return [make('invalid_date', 'a real calendar date', received, `不是有效日期：${received}`, `not a real date: ${received}`)];
      if (kind === 'required') {
        const when = (issue.params as { when?: string }).when ?? '';
        return [make('required', 'a name', received, `当 ${when} 时必须填写`, `is required when ${when}`)];
      }
      if (kind === 'total') {
        const { what, unit } = issue.params as { what: [zh: string, en: string]; unit: string };
        return [
          make(
            'too_big',
            `a total below 9×10^13 ${unit}`,
            received,
            `${what[0]}合计过大（超过9×10¹³${unit}），无法精确计算，实为 ${received}`,
            `the ${what[1]} add up to more than 9×10^13 ${unit}, too much to sum exactly, received ${received}`,
          ),
        ];
      }
      if (kind === 'one_of') {
        const { fields } = issue.params as { fields: string[] };
        const list = fields.join('、');
        return [make('missing_one_of', `at least one of ${fields.join(', ')}`, received, `至少应填写 ${list} 中的一项`, `needs at least one of ${fields.join(', ')}`)];
      }
      if (kind === 'exclusive') {
        const { other } = issue.params as { other: string };
        const field = String(path[path.length - 1]);
        return [make('conflicting_fields', `either ${other} or ${field}`, received, `与 ${other} 不能同时填写，请只填其一`, `cannot be given together with ${other}: give one of them`)];
      }
      if (kind === 'approx_decimal') {
        const { approx, printsIn } = issue.params as { approx: 'over' | 'more'; printsIn?: 'amount' | 'number' };
        const word = approx === 'over' ? '余' : '多';
        if (printsIn === 'number')
          return [
            make(
              'approx_after_decimal',
              'a whole number',
              received,
              `“${word}”不能跟在小数之后（如“5200.5${word}平方米”），请把数值取整，或改用 approx "about"（约），实为 ${received}`,
              `"${word}" cannot follow a decimal ("5200.5${word}平方米"): give a whole number, or use approx "about", received ${received}`,
            ),
          ];
        return [
          make(
            'approx_after_decimal',
            'a value whole in its unit (元, 万元 or 亿元)',
            received,
            `“${word}”不能跟在小数之后（如“110.53万${word}元”），请把数值取整到所印单位（元、万元或亿元），或改用 approx "about"（约），实为 ${received}`,
            `"${word}" cannot follow a decimal ("110.53万${word}元"): round the value to whole 元, 万元 or 亿元 as it prints, or use approx "about", received ${received}`,
          ),
        ];
      }
      if (kind === 'text')
        return [
          make(
            'invalid_text',
            'printable text',
            received,
            `只有控制字符等无法印出的字符，没有可印出的文字，实为 ${received}`,
            `has nothing printable, only control or formatting characters, received ${received}`,
          ),
        ];
      return [make('invalid_value', 'a valid value', received, issue.message, issue.message)];
    }
    default:
      if ((issue as { code: string }).code === 'not_multiple_of' || (issue as { expected?: string }).expected === 'int')
        return [make('not_integer', 'a whole number', received, `应为整数，实为 ${received}`, `expected a whole number, received ${received}`)];
      return [make('invalid_value', 'a valid value', received, issue.message, issue.message)];
  }
}

