import { summarise, type Finding, type Hit, type TextCheck } from './finding.js';

/**
 * The marks that come in pairs. Half- and full-width brackets are one family
 * here, so “（一)” is one mismatch for the half-width check, not two unpaired
 * brackets. ‘’ is left out: ’ is also an apostrophe.
 */
const FAMILIES = [
  { open: '“', close: '”', name: ['引号', 'quotation mark'] },
  { open: '（(', close: '）)', name: ['括号', 'bracket'] },
  { open: '【', close: '】', name: ['方头括号', 'lenticular bracket'] },
  { open: '《', close: '》', name: ['书名号', 'title mark'] },
  { open: '〔', close: '〕', name: ['六角括号', 'tortoise-shell bracket'] },
  { open: '「', close: '」', name: ['直角引号', 'corner bracket'] },
] as const;

const familyOf = new Map<string, { family: number; opens: boolean }>();
FAMILIES.forEach((f, family) => {
  for (const c of f.open) familyOf.set(c, { family, opens: true });
  for (const c of f.close) familyOf.set(c, { family, opens: false });
});

/** A half-width ) that numbers a list item at the start of a line, "1)" or "a)": it opens nothing. */
const LIST_MARKER = /(?:^|\n)[ \t]*[0-9A-Za-z]{1,2}\)/g;

interface Unpaired extends Hit {
  mark: string;
  family: number;
  /** An opening mark never closed, or a closing mark never opened. */
  opens: boolean;
}

/**
 * Each mark left without its partner, in text order: a stack, so "（【）】" is
 * caught too. Linear: a closing mark whose family is open pops what lies
 * above its partner, and each mark is popped once.
 */
function unpaired(text: string): Unpaired[] {
  const markers = new Set([...text.matchAll(LIST_MARKER)].map((m) => m.index + m[0].length - 1));
  const stack: Unpaired[] = [];
  const open = FAMILIES.map(() => 0);
  const out: Unpaired[] = [];
  for (let i = 0; i < text.length; i++) {
    const kind = familyOf.get(text[i]!);
    if (!kind || markers.has(i)) continue;
    const mark = { index: i, length: 1, mark: text[i]!, ...kind };
    if (kind.opens) {
      stack.push(mark);
      open[kind.family]!++;
    } else if (open[kind.family] === 0) {
      out.push(mark);
    } else {
      // Marks opened inside the pair and never closed are unpaired; the pair itself is fine.
      for (let top = stack.pop()!; top.family !== kind.family; top = stack.pop()!) {
        out.push(top);
        open[top.family]!--;
      }
      open[kind.family]!--;
    }
  }
  return [...out, ...stack].sort((a, b) => a.index - b.index);
}

/**
 * Quotes, brackets and 《》 that open and never close, or close and never
 * opened, one finding per mark, the first quoted.
 *
 * @example pairs('印发《教育扶贫走访制度', context) // 书名号“《”没有配对的“》”
 */
export const pairs: TextCheck = (text) => {
  const found = unpaired(text);
  const out: Finding[] = [];
  for (const mark of new Set(found.map((m) => m.mark))) {
    const hits = found.filter((m) => m.mark === mark);
    const { family, opens } = hits[0]!;
    const f = FAMILIES[family]!;
    const partner = opens ? f.close[f.open.indexOf(mark)]! : f.open[f.close.indexOf(mark)]!;
    const [zh, en] = f.name;
    out.push(
      ...summarise(
        'unpaired_mark',
        text,
        hits,
        // The marks in ‘’: quoting “ in “” would not read.
        opens ? `${zh}‘${mark}’没有配对的‘${partner}’` : `${zh}‘${mark}’前面没有配对的‘${partner}’`,
        opens ? `${en} ‘${mark}’ is never closed by ‘${partner}’` : `${en} ‘${mark}’ closes nothing: no ‘${partner}’ before it`,
      ),
    );
  }
  return out;
};
