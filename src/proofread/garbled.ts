import { hitsOf, summarise, type TextCheck } from './finding.js';

/**
 * Characters lost on the way in: U+FFFD, which a decoder puts where it could
 * not read a byte, and a ? between digits where a dash or ～ was
 * (“掌握1?2门实用技术”). The printed page would show them as they are.
 */
const LOST = /\uFFFD+|(?<=\d)\?(?=\d)/g;

/** @example garbled('掌握1?2门实用生产技术', context) // 疑有字符丢失：“…掌握1?2门实用…” */
export const garbled: TextCheck = (text) =>
  summarise('character_lost', text, hitsOf(text, LOST), '疑有字符丢失（乱码或“?”占位）', 'a character seems lost (a replacement mark or “?”)');
