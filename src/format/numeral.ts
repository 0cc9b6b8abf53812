const DIGITS = '零一二三四五六七八九';
const PLACES = ['', '十', '百', '千'];
/** Word units for each group of four digits, lowest first. */
const GROUPS = ['', '万', '亿', '万亿'];

/** 0 < group < 10000 in words, zeros inside the group read as one 零. */
function groupWords(group: number): string {
  let words = '';
  let zero = false;
  for (let place = 3; place >= 0; place--) {
    const digit = Math.floor(group / 10 ** place) % 10;
    if (digit === 0) {
      zero = words !== '';
      continue;
    }
    if (zero) words += '零';
    zero = false;
    words += DIGITS[digit]! + PLACES[place]!;
  }
  return words;
}

/**
 * A positive integer in Chinese numerals, for heading numbers (一、（一）).
 * Zeros between digits read as one 零 (一百零一, 一千零五, 一万零一十); a
 * leading 一十 is said 十 (十一, 十万), inside a number it stays (一百一十).
 *
 * @throws {RangeError} when `n` is not a positive safe integer
 * @example chineseNumeral(1) → "一"
 * @example chineseNumeral(10) → "十"
 * @example chineseNumeral(11) → "十一"
 * @example chineseNumeral(21) → "二十一"
 * @example chineseNumeral(101) → "一百零一"
 * @example chineseNumeral(110) → "一百一十"
 * @example chineseNumeral(1005) → "一千零五"
 * @example chineseNumeral(10000) → "一万"
 * @example chineseNumeral(10010) → "一万零一十"
 */
export function chineseNumeral(n: number): string {
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new RangeError(`chineseNumeral: expected a positive integer, received ${n}`);
  }
  const groups: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 10_000)) groups.push(rest % 10_000);
  let words = '';
  let gap = false; // zeros were skipped since the last words
  for (let i = groups.length - 1; i >= 0; i--) {
    const group = groups[i]!;
    if (group === 0) {
      gap = true;
      continue;
    }
    if (words !== '' && (gap || group < 1000)) words += '零';
    gap = false;
    words += groupWords(group) + GROUPS[i]!;
  }
  return words.startsWith('一十') ? words.slice(1) : words;
}
