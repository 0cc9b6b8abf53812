import { hitsOf, summarise, type TextCheck } from './finding.js';

/**
 * Punctuation typed twice: 。。, ，，, a mix such as ，。 or 、、, and ！！ or
 * ？？. (？！ is a mark of its own and stays; …… is one mark.)
 */
const DOUBLED = /[。，、；：]{2,}|([？！])\1+/g;

/** @example doubled('资金已发放到位。。', context) // 标点重复：“…资金已发放到位。。” */
export const doubled: TextCheck = (text) =>
  summarise('doubled_punctuation', text, hitsOf(text, DOUBLED), '标点重复', 'punctuation doubled');
