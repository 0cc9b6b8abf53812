export interface JoinListOptions {
  /** A conjunction before the last item instead of 顿号: "和", "及", "与". */
  last?: string;
}

/** An item wholly inside 书名号 or quotation marks. */
function isMarked(item: string): boolean {
  return (item.startsWith('《') && item.endsWith('》')) || (item.startsWith('“') && item.endsWith('”'));
}

/**
 * Coordinate items joined by 顿号 (GB/T 15834 §4.5). Between two items both
 * already in 《》 or “” no 顿号 is written (§4.5.3.5).
 *
 * @example joinList(['甲', '乙', '丙']) → "甲、乙、丙"
 * @example joinList(['《甲》', '《乙》']) → "《甲》《乙》"
 * @example joinList(['甲', '乙', '丙'], { last: '和' }) → "甲、乙和丙"
 * @example joinList(['甲', '乙'], { last: '和' }) → "甲和乙"
 * @example joinList([]) → ""
 */
export function joinList(items: readonly string[], options: JoinListOptions = {}): string {
  let text = items[0] ?? '';
  for (let i = 1; i < items.length; i++) {
    const item = items[i]!;
    const previous = items[i - 1]!;
    if (options.last !== undefined && i === items.length - 1) text += options.last;
    else if (!(isMarked(previous) && isMarked(item))) text += '、';
    text += item;
  }
  return text;
}
