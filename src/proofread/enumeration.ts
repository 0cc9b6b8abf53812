import { HAN, hitsOf, summarise, type TextCheck } from './finding.js';

/**
 * An item number closed with 。 instead of 、: “3。在学习上进行帮扶” at the start
 * of a line or after a sentence. A number ending a sentence (“共计3。”) has a
 * word before it, so it is not taken for one.
 */
const NUMBER_WITH_STOP = new RegExp(`(?<=^|\\n|[。；！？])[ \\t\\u3000]*(?:\\d{1,2}|[一二三四五六七八九十]{1,3})。(?=${HAN})`, 'gu');

/** @example enumeration('2、生活上给予帮助。\n3。在学习上进行帮扶。', context) // 序号后应为“、”：“…3。在学习上…” */
export const enumeration: TextCheck = (text) =>
  summarise('enumeration_mark', text, hitsOf(text, NUMBER_WITH_STOP), '序号后用了句号，应为“、”', 'an item number closed with “。”: use “、”');
