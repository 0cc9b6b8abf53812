import { HAN, summarise, type TextCheck } from './finding.js';

/** Two or more x / X / ×, with the digits around them, not part of a Latin word (XXL, Maxx): 20xx, xx所, 1xx90户, ××. */
const RUN = /(?<![A-Za-z\d])\d*[xX×]{2,}\d*(?![A-Za-z])/g;
/** A single x between a Han character or digit and a counting word (年x月, 共x人); alone it is as often a letter (X光). */
const SINGLE = new RegExp(`(?<=${HAN}|\\d)[xX](?=[年月日号人名户所个元期次届村镇乡县市区省校])`, 'gu');
/**
 * 某某 as a blank: with no surname before it (某某县, “某某小学”; a place word
 * before it is no surname: 县某某小学), or before the name of a school or a
 * township, which no person's name is followed by (由某某镇中心校). 王某某 is
 * how a report names a person it must not name, and 王某某县长 is still one.
 */
const MOUMOU = new RegExp(
  `(?<!(?![省市县区镇乡村街道路校园局])${HAN})某某|某某(?=学校|小学|中学|幼儿园|中心校|教学点|[镇乡](?!长)|[省市县区](?:教育|教体|人民政府|政府|委|财政))`,
  'gu',
);

/**
 * Placeholders left in a text written from a model or last year's report.
 *
 * @example placeholders('全镇共有xx所学校。', context) // one finding quoting “…全镇共有xx所学校。”
 */
export const placeholders: TextCheck = (text) => {
  const hits = [RUN, SINGLE, MOUMOU]
    .flatMap((pattern) => [...text.matchAll(pattern)].map((m) => ({ index: m.index, length: m[0].length })))
    .sort((a, b) => a.index - b.index);
  if (hits.length === 0) return [];
  const first = text.slice(hits[0]!.index, hits[0]!.index + hits[0]!.length);
  return summarise('placeholder_left', text, hits, `占位符“${first}”未替换`, `placeholder “${first}” left in`);
};
