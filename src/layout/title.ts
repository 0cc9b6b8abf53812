import { emWidth } from './measure.js';

/**
 * Breaks a title that does not fit one line into balanced lines.
 *
 * GB/T 9704 §7.3.3 wants a long title set as a trapezoid or diamond, never a
 * rectangle or an hourglass, and each line whole in meaning. Without a word
 * segmenter we keep digit and Latin runs and punctuation pairs whole, prefer
 * a few natural seams (a space, after the issuer, before 关于, after a year,
 * before the kind of document), avoid splitting a 《name》, and for two lines
 * make the first a little shorter than the second.
 *
 * @example
 * titleLines('青山县教育局关于2025年度学生资助和教育帮扶工作情况的总结报告', 20, '青山县教育局')
 * // ['青山县教育局关于2025年度', '学生资助和教育帮扶工作情况的总结报告']
 */
export function titleLines(text: string, capacityEm: number, issuer?: string): string[] {
  const total = emWidth(text);
  if (total <= capacityEm) return [text];
  const tokens = tokenize(text);
  const lines = Math.ceil(total / capacityEm);
  const breaks = lines === 2 ? twoLineBreak(tokens, capacityEm, issuer) : evenBreaks(tokens, lines);
  if (!breaks) return [text];
  const out: string[] = [];
  let from = 0;
  for (const at of [...breaks, tokens.length]) {
    out.push(tokens.slice(from, at).join('').trim());
    from = at;
  }
  return out;
}

const OPENING = new Set('（《「『“‘([');
const SPACE = /\s/;
const CLOSING = new Set('，。、；：？！）》」』”’),.;:?!%');
const UNBREAKABLE = /[0-9A-Za-z.\-/]/;

/** Units a line may not break inside: a run of digits or Latin, a character with the punctuation that clings to it. */
function tokenize(text: string): string[] {
  const tokens: string[] = [];
  let pendingOpen = '';
  for (const ch of text) {
    const last = tokens.length - 1;
    if (SPACE.test(ch)) tokens.push(ch);
    else if (OPENING.has(ch)) pendingOpen += ch;
    else if (CLOSING.has(ch) && last >= 0 && !pendingOpen) tokens[last] += ch;
    else if (UNBREAKABLE.test(ch) && last >= 0 && !pendingOpen && UNBREAKABLE.test(tokens[last]!.slice(-1))) tokens[last] += ch;
    else {
      tokens.push(pendingOpen + ch);
      pendingOpen = '';
    }
  }
  if (pendingOpen) tokens.push(pendingOpen);
  return tokens;
}

/** Strong seams: a space, after the issuer, before 关于. */
const STRONG_SEAM = 6;
/** Medium seams: after a year, before the kind of document (工作总结, 报告 …). */
const SEAM = 4;
const KIND = /^(?:的)?(?:工作总结|总结报告|工作报告|报告|总结|通知|意见|方案)$/;

/** How much a reader expects a title to turn between two tokens (0 when not at all). */
function seamBonus(before: string, after: string, issuer?: string): number {
  if (/\s$/.test(before) || /^\s/.test(after)) return STRONG_SEAM;
  if (issuer && before === issuer) return STRONG_SEAM;
  if (after.startsWith('关于')) return STRONG_SEAM;
  if (/[0-9]年度?$/.test(before) && !after.startsWith('度')) return SEAM;
  if (KIND.test(after)) return SEAM;
  return 0;
}

/**
 * Words of the field that a line must not split. No segmenter is bundled (the
 * core runs in a browser); these cover the titles compose writes.
 */
const WORDS = [
  '学生资助', '教育帮扶', '脱贫攻坚', '乡村振兴', '巩固拓展', '有效衔接', '控辍保学', '教育', '学生', '资助',
  '帮扶', '脱贫', '攻坚', '成果', '工作', '情况', '管理', '办法', '学前', '义务', '高中', '职业', '教师', '培训',
  '学校', '发展', '质量', '推动', '促进', '公平', '精准', '总结', '报告',
];

/** Whether a break after `before` cuts one of {@link WORDS} in two. */
function splitsWord(before: string, after: string): boolean {
  return WORDS.some((w) => {
    for (let k = 1; k < w.length; k++) if (before.endsWith(w.slice(0, k)) && after.startsWith(w.slice(k))) return true;
    return false;
  });
}

/** Breaking inside 《》 or （） splits a name. */
function insidePair(before: string): boolean {
  const open = (o: string, c: string) => before.split(o).length - before.split(c).length;
  return open('《', '》') > 0 || open('（', '）') > 0;
}

function twoLineBreak(tokens: string[], capacity: number, issuer?: string): number[] | undefined {
  let best: { at: number; cost: number } | undefined;
  for (let at = 1; at < tokens.length; at++) {
    const before = tokens.slice(0, at).join('');
    const after = tokens.slice(at).join('');
    const first = emWidth(before.trim());
    const second = emWidth(after.trim());
    if (first > capacity || second > capacity) continue;
    // Aim at a first line two ems shorter: a trapezoid, not a rectangle.
    let cost = Math.abs(second - first - 2);
    if (first >= second) cost += 3;
    if (insidePair(before)) cost += SEAM;
    if (splitsWord(before, after)) cost += SEAM;
    cost -= seamBonus(before, after, issuer);
    if (!best || cost < best.cost) best = { at, cost };
  }
  return best && [best.at];
}

/** Three lines or more: break nearest to equal shares. */
function evenBreaks(tokens: string[], lines: number): number[] {
  const widths = tokens.map(emWidth);
  const total = widths.reduce((a, b) => a + b, 0);
  const breaks: number[] = [];
  let sum = 0;
  let k = 1;
  for (let i = 0; i < tokens.length - 1 && k < lines; i++) {
    const next = sum + widths[i]!;
    const target = (total * k) / lines;
    if (next >= target) {
      breaks.push(next - target < target - sum || i === 0 ? i + 1 : i);
      k++;
    }
    sum = next;
  }
  return [...new Set(breaks)].filter((b) => b > 0 && b < tokens.length);
}
