import { quote, type Finding, type Hit } from './finding.js';

/** A field of running text, as the repeat check reads it. */
export interface ProseField {
  where: string;
  text: string;
}

/** A finding and the field it belongs to: a repeat is found across fields. */
export interface PlacedFinding {
  where: string;
  finding: Finding;
}

/** Shorter paragraphs and sentences repeat by nature (“特此报告。”, “一是”), so they are not compared. */
const MIN_PARAGRAPH = 10;
const MIN_SENTENCE = 6;
/**
 * An unfinished unit counts as a cut-off copy only from this length: a short
 * line that begins a longer one is more often a heading over its paragraph
 * (“加强资助政策宣传” over “加强资助政策宣传，营造……”) than a paste gone wrong.
 */
const MIN_CUT = 20;

/** What ends a sentence for this check, with the closing quotes or brackets that follow it. */
const SENTENCE_END = /[。！？；!?;]+[”’」』）)]*/g;
const LETTER = /[\p{L}\p{N}]/gu;

interface Unit extends Hit {
  field: ProseField;
  /** Paragraph number in its field, from 1; 0 when the field has one paragraph. */
  paragraph: number;
  /** The unit as written, trimmed. */
  text: string;
  /** The text compared: the unit less its closing punctuation. */
  key: string;
  /** Whether the unit ends with punctuation that ends a sentence. */
  ended: boolean;
}

/** Whether `s` has at least `n` letters or digits (punctuation and spaces do not count); stops counting at `n`. */
function hasLetters(s: string, n: number): boolean {
  LETTER.lastIndex = 0;
  for (let count = 0; LETTER.test(s); ) if (++count >= n) return true;
  return false;
}

function paragraphsOf(field: ProseField): Unit[] {
  const lines = field.text.split('\n');
  const out: Unit[] = [];
  let index = 0;
  lines.forEach((line, i) => {
    const start = index + (line.length - line.trimStart().length);
    const text = line.trim();
    index += line.length + 1;
    if (!hasLetters(text, MIN_PARAGRAPH)) return;
    const key = text.replace(/[。！？；!?;”’」』）)]+$/, '');
    out.push({ field, paragraph: lines.length > 1 ? i + 1 : 0, index: start, length: text.length, text, key, ended: key !== text });
  });
  return out;
}

function sentencesOf(p: Unit): Unit[] {
  const text = p.field.text.slice(p.index, p.index + p.length);
  const out: Unit[] = [];
  let from = 0;
  const add = (to: number, ended: boolean, end = to) => {
    const raw = text.slice(from, end);
    const key = text.slice(from, to).trim();
    if (hasLetters(key, MIN_SENTENCE)) out.push({ ...p, index: p.index + from + (raw.length - raw.trimStart().length), length: raw.trim().length, text: raw.trim(), key, ended });
  };
  for (const m of text.matchAll(SENTENCE_END)) {
    add(m.index, true, m.index + m[0].length);
    from = m.index + m[0].length;
  }
  if (from < text.length) add(text.length, false);
  return out;
}

const placeOf = (u: Unit) => ({
  zh: `${u.field.where}${u.paragraph ? `第${u.paragraph}段` : ''}`,
  en: `${u.field.where}${u.paragraph ? ` paragraph ${u.paragraph}` : ''}`,
});

interface Match {
  /** The unit it repeats: the first with the same key, or one that the unit is the beginning of. */
  other: Unit;
  same: boolean;
}

/**
 * For each unit that repeats another, what it repeats: a unit with the same
 * key, or one it is the beginning of. A finished unit is the beginning of
 * another only with its closing mark (“加强宣传。” does not begin “加强宣传力度，…”);
 * an unfinished one, cut off, by its words alone. Sorting the distinct keys
 * finds every prefix in O(n log n): a key that begins some other key begins
 * the one right after it in sorted order.
 */
function matches(units: Unit[]): Map<Unit, Match> {
  const byKey = new Map<string, Unit[]>();
  for (const u of units) {
    const list = byKey.get(u.key);
    if (list) list.push(u);
    else byKey.set(u.key, [u]);
  }
  const found = new Map<Unit, Match>();
  for (const [first, ...again] of byKey.values()) for (const u of again) found.set(u, { other: first!, same: true });
  const keys = [...byKey.keys()].sort();
  for (let i = 0; i + 1 < keys.length; i++) {
    const [short, long] = [keys[i]!, keys[i + 1]!];
    if (!long.startsWith(short)) continue;
    const other = byKey.get(long)![0]!;
    for (const u of byKey.get(short)!) {
      const begins = u.ended ? other.text.startsWith(u.text) : hasLetters(u.key, MIN_CUT);
      if (begins && !found.has(u)) found.set(u, { other, same: false });
    }
  }
  return found;
}

const ownZh = (u: Unit) => (u.paragraph ? `第${u.paragraph}段` : '段落');
const ownEn = (u: Unit) => (u.paragraph ? `paragraph ${u.paragraph}` : 'the paragraph');

function paragraphFinding(p: Unit, { other, same }: Match): Finding {
  const place = other.field === p.field ? { zh: ownZh(other), en: ownEn(other) } : placeOf(other);
  const shown = Math.min(p.length, 12);
  // A cut-off copy is quoted where it breaks off; any other, where it starts.
  const at = quote(p.field.text, { index: same || p.ended ? p.index : p.index + p.length - shown, length: shown });
  if (same) return { code: 'text_repeated', zh: `${ownZh(p)}与${place.zh}重复：“${at}”`, en: `${ownEn(p)} repeats ${place.en}: “${at}”` };
  return {
    code: 'text_repeated',
    zh: `${ownZh(p)}与${place.zh}的开头相同${p.ended ? '' : '，疑为重复粘贴后截断'}：“${at}”`,
    en: `${ownEn(p)} repeats the beginning of ${place.en}${p.ended ? '' : ', as if pasted again and cut off'}: “${at}”`,
  };
}

/** One finding per field and kind for repeated sentences: the first quoted, the others counted. */
function sentenceFinding(field: ProseField, found: [Unit, Match][]): Finding {
  const [s, { other, same }] = found[0]!;
  const at = quote(field.text, { index: s.index, length: Math.min(s.length, 12) });
  const [zhCount, enCount] = found.length > 1 ? [`（共${found.length}处）`, ` (${found.length} places)`] : ['', ''];
  const place = other.field === field ? { zh: '本字段', en: 'this field' } : placeOf(other);
  if (same) return { code: 'text_repeated', zh: `句子重复，${place.zh}已有此句：“${at}”${zhCount}`, en: `a sentence repeated, already in ${place.en}: “${at}”${enCount}` };
  return {
    code: 'text_repeated',
    zh: `句子不完整，与${place.zh}中一句的开头相同，疑为重复粘贴后截断：“${at}”${zhCount}`,
    en: `an unfinished sentence repeating the beginning of one in ${place.en}, as if pasted again and cut off: “${at}”${enCount}`,
  };
}

/**
 * Paragraphs and sentences said twice, within a field or across fields, and
 * a paragraph or sentence pasted again and cut off (the beginning of
 * another). A repeated paragraph is reported once, not again sentence by
 * sentence.
 *
 * @example repeats([{ where: 'problems[0]', text: '②教学设施匮乏。②教学设施匮乏。' }]) // 句子重复，本字段已有此句
 */
export function repeats(fields: ProseField[]): PlacedFinding[] {
  const paragraphs = fields.flatMap(paragraphsOf);
  const repeated = matches(paragraphs);
  const out: PlacedFinding[] = [...repeated].map(([p, m]) => ({ where: p.field.where, finding: paragraphFinding(p, m) }));

  const sentences = paragraphs.filter((p) => !repeated.has(p)).flatMap(sentencesOf);
  const groups = new Map<string, [Unit, Match][]>();
  for (const [s, m] of matches(sentences)) {
    const key = `${s.field.where} ${m.same}`;
    const list = groups.get(key);
    if (list) list.push([s, m]);
    else groups.set(key, [[s, m]]);
  }
  for (const found of groups.values()) {
    found.sort(([a], [b]) => a.index - b.index);
    out.push({ where: found[0]![0].field.where, finding: sentenceFinding(found[0]![0].field, found) });
  }
  return out;
}
