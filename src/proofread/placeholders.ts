import { HAN, summarise, type TextCheck } from './finding.js';

/** Two or more x or X, with the digits around them, not part of a Latin word (XXL, Maxx): 20xx, xx所, 1xx90户, XX村. */
const RUN = /(?<![A-Za-z\d])\d*[xX]{2,}\d*(?![A-Za-z])/g;
/** A single x between a Han character or digit and a counting word (年x月, 共x人); alone it is as often a letter (X光). */
const SINGLE = new RegExp(`(?<=${HAN}|\\d)[xX](?=[年月日号人名户所个元期次届村镇乡县市区省校])`, 'gu');

/**
 * 某某 and ×× are blanks, except after a surname: 王某某 and 张×× are how a
 * report names a person it must not name. A place word before them is no
 * surname (县某某小学, 某某省某某市), and before the name of a school or a
 * township, or a unit for ××, no person's name stands (由某某镇中心校,
 * 资金××万元). 王某某县长 is still a person.
 */
const NO_SURNAME = `(?<!(?![省市县区镇乡村街道路校园局])${HAN})`;
const SCHOOL_OR_PLACE = '学校|小学|中学|幼儿园|中心校|教学点|[镇乡](?!长)|[省市县区](?:教育|教体|人民政府|政府|委|财政)';
const BLANK = new RegExp(`${NO_SURNAME}(?:某某|×{2,})|某某(?=${SCHOOL_OR_PLACE})|×{2,}(?=${SCHOOL_OR_PLACE}|[万亿元人名户所个期次届%％])`, 'gu');

/**
 * Placeholders left in a text written from a model or last year's report.
 *
 * @example placeholders('全镇共有xx所学校。', context) // 占位符“xx”未替换：“全镇共有xx所学校。”
 */
export const placeholders: TextCheck = (text) => {
  const hits = [RUN, SINGLE, BLANK]
    .flatMap((pattern) => [...text.matchAll(pattern)].map((m) => ({ index: m.index, length: m[0].length })))
    .sort((a, b) => a.index - b.index);
  if (hits.length === 0) return [];
  const first = text.slice(hits[0]!.index, hits[0]!.index + hits[0]!.length);
  return summarise('placeholder_left', text, hits, `占位符“${first}”未替换`, `placeholder “${first}” left in`);
};
