/**
 * Unbreakable clusters for Chinese line breaking.
 *
 * A line may break between any two clusters. Clusters follow the usual
 * kinsoku rules (GB/T 15834 practice; Word and UAX #14 behave alike):
 * closing punctuation never starts a line and opening punctuation never ends
 * one, so each sticks to its neighbour. Numbers with their decimal point,
 * percent sign and unit stay whole ("3.45万元", "2025年", "17.7%"), as do
 * Latin words and the two-em dash and ellipsis.
 */

/** Never at the start of a line. */
export const NO_START = new Set([...'，。、；：？！）》」』】〕〉〗〙〛”’％‰·…—～,.;:?!)]}%']);
/** Never at the end of a line. */
export const NO_END = new Set([...'（《「『【〔〈〖〘〚“‘([{']);

const DIGIT = /[0-9０-９]/;
const NUMBER_INNER = /[.,:．：]/;
const NUMBER_TAIL = /[%‰％]/;
const LATIN = /[A-Za-z]/;
const SPACE = /\s/;

export interface HasChar {
  ch: string;
}

/**
 * Group characters into clusters that a line break must not split.
 *
 * @example
 * clusters('发放资金3.45万元。') // 发 放 资 金 3.45 万 元。
 * clusters('（一）精准')          // （一） 精 准
 */
export function clusters<T extends HasChar>(items: readonly T[]): T[][] {
  return applyKinsoku(words(items));
}

/** Numbers (with unit), Latin words, dash and ellipsis pairs, single characters. */
function words<T extends HasChar>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  let i = 0;
  while (i < items.length) {
    const start = i;
    const ch = items[i]!.ch;
    if (DIGIT.test(ch)) {
      i = numberEnd(items, i);
    } else if (LATIN.test(ch)) {
      while (i < items.length && /[A-Za-z0-9'’-]/.test(items[i]!.ch)) i++;
    } else if (ch === '—' || ch === '…') {
      while (i < items.length && items[i]!.ch === ch) i++;
    } else {
      i++;
    }
    out.push(items.slice(start, i));
  }
  return out;
}

function numberEnd<T extends HasChar>(items: readonly T[], i: number): number {
  const at = (k: number) => items[k]?.ch ?? '';
  while (DIGIT.test(at(i)) || (NUMBER_INNER.test(at(i)) && DIGIT.test(at(i + 1)))) i++;
  if (NUMBER_TAIL.test(at(i))) return i + 1;
  // The unit may start the next line ("4789.96" / "万元"), as Word and
  // LibreOffice break the DOCX: keeping units on made lines far looser than
  // theirs and moved page breaks away from the DOCX's.
  return i;
}

/** Closing punctuation joins the cluster before it, opening punctuation the one after. */
function applyKinsoku<T extends HasChar>(words: T[][]): T[][] {
  const out: T[][] = [];
  for (const word of words) {
    const prev = out[out.length - 1];
    const first = word[0]!.ch;
    const glue = prev && !SPACE.test(first) && (NO_START.has(first) || NO_END.has(prev[prev.length - 1]!.ch));
    if (glue) prev.push(...word);
    else out.push([...word]);
  }
  return out;
}
