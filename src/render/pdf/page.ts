import { mmToPt } from '../../layout/profile.js';
import type { Content } from './blocks/index.js';
import type { Setter } from './setter.js';
import { lineNode } from './text/line.js';

/**
 * The bottom margin is this much smaller than the profile's, so that 22
 * lines of 28.99 pt — exactly the text block — fit despite rounding.
 */
const FIT_SLACK_PT = 0.05;

/** Page size and margins for pdfmake, in pt. */
export function pageSetup(setter: Setter) {
  const { page } = setter.profile;
  return {
    pageSize: { width: mmToPt(page.widthMm), height: mmToPt(page.heightMm) },
    pageMargins: [mmToPt(page.marginLeftMm), mmToPt(page.marginTopMm), mmToPt(page.marginRightMm), mmToPt(page.marginBottomMm) - FIT_SLACK_PT],
  };
}

/**
 * The page number "— N —" (GB/T 9704 §7.5): the page-number role's size,
 * the top of its line (the font's ascender) `distanceBelowTextMm` below the
 * text block, as the DOCX places its footer; odd pages right-aligned and even
 * pages left-aligned, one character in.
 */
export function pageNumber(setter: Setter): (page: number) => Content {
  const { page: paper, footer } = setter.profile;
  const setup = setter.setup('pageNumber');
  const inPt = footer.indentChars * setter.charPt;
  const left = mmToPt(paper.marginLeftMm) + inPt;
  const right = mmToPt(paper.marginRightMm) + inPt;
  const top = mmToPt(footer.distanceBelowTextMm) + FIT_SLACK_PT;
  const width = mmToPt(paper.widthMm);
  return (n) => {
    const odd = n % 2 === 1;
    const line = lineNode({
      items: setter.items(`${footer.dash} ${n} ${footer.dash}`, 'pageNumber'),
      slotPt: setter.profile.footer.lineHeight * setup.sizePt,
      availPt: width - left - right,
      alignment: odd ? 'right' : 'left',
      leftPt: odd ? 0 : left,
      rightPt: odd ? right : 0,
    });
    return { ...line, margin: [odd ? 0 : left, top, odd ? right : 0, 0], headlineLevel: PAGE_NUMBER };
  };
}

/** Marks the page number, which pdfmake lists among a page's nodes, for keepWithNext. */
const PAGE_NUMBER = 'zj-page-number';

interface NodeInfo {
  id?: string;
  headlineLevel?: string;
}

interface NodeQueries {
  getFollowingNodesOnPage(): NodeInfo[];
  getNodesOnNextPage(): NodeInfo[];
}

/**
 * pdfmake's pageBreakBefore: headings that would end a page, with nothing of
 * their sections below them, move to the next page (Word's "keep with next").
 * Heading lines carry their bookmark id as `headlineLevel`; the first heading
 * of a run at the foot of a page takes the others along.
 */
export function keepWithNext(node: NodeInfo, queries: NodeQueries): boolean {
  if (!isHeading(node) || node.id !== node.headlineLevel) return false;
  const following = queries.getFollowingNodesOnPage();
  const bare = (n: NodeInfo) => isHeading(n) || n.headlineLevel === PAGE_NUMBER;
  return following.every(bare) && queries.getNodesOnNextPage().some((n) => !bare(n));
}

function isHeading(node: NodeInfo): boolean {
  return node.headlineLevel !== undefined && node.headlineLevel !== PAGE_NUMBER;
}

/**
 * keepWithNext without a second layout: each run of heading lines and the
 * line after it become one unbreakable stack, which pdfmake moves to the
 * next page whole when it does not fit — where keepWithNext would move the
 * run — in the same pass. (A break from pageBreakBefore makes pdfmake
 * measure and lay out the whole document again: a quarter of a PDF's time.)
 * A run followed by anything else (a table, the 落款 block, a new page, the
 * end), or too long for one page (pdfmake would drop what an unbreakable
 * block puts past the page), keeps its marks and is left to keepWithNext.
 */
export function keepHeadingsWithNext(nodes: readonly Content[], linesPerPage: number): Content[] {
  const out: Content[] = [];
  for (let i = 0; i < nodes.length; ) {
    let end = i;
    while (end < nodes.length && isHeading(nodes[end]!)) end++;
    const next = nodes[end];
    const kept = next && isKeptStack(next) ? (next.stack as Content[]) : undefined;
    if (end > i && end - i < linesPerPage && next && (isPlainLine(next) || kept)) {
      // A page break before the run (an attachment's label) is the stack's: pdfmake ignores one inside it.
      const { pageBreak, ...first } = withoutKeep(nodes[i]!);
      // Headings before a block kept whole (a short paragraph going over with the 落款) join it, as Word and LibreOffice carry them.
      const stack = [first, ...nodes.slice(i + 1, end).map(withoutKeep), ...(kept ?? [next])];
      out.push({ stack, unbreakable: true, ...(pageBreak ? { pageBreak } : {}) });
      i = end + 1;
    } else {
      const stop = Math.max(end, i + 1); // a run left to keepWithNext, or one other node
      // Only headings are left to keepWithNext, which makes pdfmake lay the document out again: a
      // caption or unit note before a table keeps no mark (as before the plan), the cost of a second pass.
      const run = nodes.slice(i, stop);
      out.push(...(run.some((n) => n.outline) ? run : run.map(withoutKeep)));
      i = stop;
    }
  }
  return out;
}

/** Whether any node still needs keepWithNext (pdfmake's pageBreakBefore). */
export function hasKeptHeadings(nodes: readonly Content[]): boolean {
  return nodes.some(isHeading);
}

/** A line without the heading mark that keepWithNext acts on. */
export function withoutKeep(node: Content): Content {
  const { headlineLevel: _, ...rest } = node;
  return rest;
}

/** An unbreakable stack of set lines (the body's end kept with the 落款). */
function isKeptStack(node: Content): boolean {
  return node.unbreakable === true && Array.isArray(node.stack) && node.pageBreak === undefined;
}

/** One set line that starts no page: not a table or other composite node. */
function isPlainLine(node: Content): boolean {
  return Array.isArray(node.text) && node.pageBreak === undefined;
}
