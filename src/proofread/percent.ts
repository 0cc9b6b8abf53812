import { summarise, type TextCheck } from './finding.js';

/**
 * A rate stated without its unit: “就业率达到了85。”, “录取率达到100，”,
 * “就业率提了18。” — a rate word, a verb of amount, a number, and then the
 * sentence goes on with no %, ‰ or 个百分点. A number followed by anything
 * else (“达到98%以上”, “提高到3倍”) is left alone.
 */
const RATE_WITHOUT_UNIT =
  /率(?:达到|达|为|是|保持在|稳定在|提高到|提升到|提高了|提升了|提高|提升|提了|上升到|上升了|下降到|下降了|降到|降至|升至)了?\s*\d+(?:\.\d+)?(?=$|[，。；、！？,;!?\s）)]|以上|以下|左右)/g;

/** @example percent('适龄儿童入学率达到100，', context) // 比率缺少“%”：“…入学率达到100，” */
export const percent: TextCheck = (text) =>
  summarise(
    'percent_missing',
    text,
    [...text.matchAll(RATE_WITHOUT_UNIT)].map((m) => ({ index: m.index, length: m[0].length })),
    '比率后缺少“%”（或“个百分点”）',
    'a rate without “%” (or 个百分点)',
  );
