import { CJK_PUNCT, HAN, hitsOf, summarise, type TextCheck } from './finding.js';

/** Chinese around a mark: a Han character, or full-width punctuation. */
const CJK = `(?:${HAN}|${CJK_PUNCT})`;

const escape = (s: string) => s.replace(/[\]\\^-]/g, '\\$&');

/**
 * A half-width mark counts when it touches Chinese: the character before it
 * is Chinese, or the next one (after spaces) is a Han character. Between
 * digits or Latin letters it is left alone: 2,033, 10:30, "Hello, world".
 */
const touchingChinese = (marks: string) => new RegExp(`(?<=${CJK})[${escape(marks)}]|[${escape(marks)}](?=\\s*${HAN})`, 'gu');

const MARKS = [
  { marks: ',', wide: '，', zh: '逗号', en: 'comma' },
  { marks: ';', wide: '；', zh: '分号', en: 'semicolon' },
  { marks: ':', wide: '：', zh: '冒号', en: 'colon' },
  { marks: '?', wide: '？', zh: '问号', en: 'question mark' },
  { marks: '!', wide: '！', zh: '叹号', en: 'exclamation mark' },
  { marks: '()', wide: '（）', zh: '括号', en: 'brackets' },
  { marks: '"', wide: '“”', zh: '引号', en: 'quotation marks' },
].map((m) => ({ ...m, pattern: touchingChinese(m.marks) }));

/** A full stop typed as "." after a Han character, before Chinese, a space or the end: "工作.", "的.初中". */
const FULL_STOP = new RegExp(`(?<=${HAN})\\.(?!\\.)(?=${CJK}|\\s|$)`, 'gu');
/** An ellipsis typed as dots next to Chinese: "等等..." for "等等……". */
const DOTS = new RegExp(`(?<=${CJK})\\.{3,}|\\.{3,}(?=${HAN})`, 'gu');
/** A stray ' or ` in Chinese: what copying from a web page leaves (“暂时的',是”, “交易的`电子”). */
const STRAY = new RegExp(`(?<=${HAN})['\`](?=${CJK}|[,.;:!?])|(?<=${CJK})['\`](?=${HAN})`, 'gu');

/** Most fields have no half-width mark at all: one look settles them. */
const ANY_MARK = /[,;:?!()"'`.]/;

/**
 * Half-width punctuation in Chinese text (GB/T 15834 wants full-width
 * marks there), one finding per kind of mark, the first quoted.
 *
 * @example halfWidth('义务学生6人;学前学生6人', context) // 半角分号“;”用在中文里，应为“；”
 */
export const halfWidth: TextCheck = (text) => {
  if (!ANY_MARK.test(text)) return [];
  return [
    ...MARKS.flatMap(({ marks, wide, zh, en, pattern }) =>
      summarise('halfwidth_punctuation', text, hitsOf(text, pattern), `半角${zh}“${marks}”用在中文里，应为“${wide}”`, `half-width ${en} “${marks}” in Chinese text: use “${wide}”`),
    ),
    ...summarise('halfwidth_punctuation', text, hitsOf(text, FULL_STOP), '半角句点“.”用在中文里：应为“。”，或是多余的点', 'half-width full stop “.” in Chinese text: use “。”, or delete a stray dot'),
    ...summarise('halfwidth_punctuation', text, hitsOf(text, DOTS), '省略号写成了“...”，应为“……”', 'an ellipsis typed as “...”: use “……”'),
    ...summarise('halfwidth_punctuation', text, hitsOf(text, STRAY), '中文里夹着多余的“\'”或“`”（多为从网页复制带入）', 'a stray “\'” or “`” in Chinese text (often left by copying from a web page)'),
  ];
};
