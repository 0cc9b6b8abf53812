import { AlignmentType, Footer, LineRuleType, PageNumber, Paragraph, TextRun, type IParagraphStyleOptions } from 'docx';
import { mmToTwips, PT_PER_MM } from '../../layout/profile.js';
import { chars, role, type DocxContext } from './context.js';
import { runStyle } from './run.js';
import { NO_INDENT, STYLE } from './styles.js';

/**
 * Page numbers "— 1 —" below the text block (GB/T 9704 §7.5): odd pages at
 * the right, even pages at the left, each one character in.
 *
 * The footer paragraph has its own style, not based on the body: a footer that
 * inherits the 28.95 pt exact pitch is taller than the room under it and
 * pushes the body up, and LibreOffice then sets 20 lines a page instead of 22.
 */

/** The footer line, exact so that its place does not depend on the font's metrics. */
function footerLinePt(ctx: DocxContext): number {
  return role(ctx, 'pageNumber').sizePt * ctx.profile.footer.lineHeight;
}

/**
 * Distance from the bottom edge to the footer's last line, so that the top of
 * the page number sits `distanceBelowTextMm` below the text block.
 */
export function footerDistance(ctx: DocxContext): number {
  const { page, footer } = ctx.profile;
  return mmToTwips(page.marginBottomMm - footer.distanceBelowTextMm - footerLinePt(ctx) / PT_PER_MM);
}

export function footerStyle(ctx: DocxContext): IParagraphStyleOptions {
  return {
    id: STYLE.pageNumber,
    name: 'footer',
    basedOn: STYLE.offGrid,
    run: { ...runStyle(ctx, 'pageNumber'), characterSpacing: 0 },
    paragraph: {
      indent: NO_INDENT,
      spacing: { line: Math.round(footerLinePt(ctx) * 20), lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    },
  };
}

function pageNumber(ctx: DocxContext, side: 'left' | 'right'): Footer {
  const { dash, indentChars } = ctx.profile.footer;
  const inset = chars(ctx, indentChars);
  return new Footer({
    children: [
      new Paragraph({
        style: STYLE.pageNumber,
        widowControl: false,
        alignment: side === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'right' ? { ...NO_INDENT, right: inset } : { ...NO_INDENT, left: inset },
        children: [new TextRun({ ...runStyle(ctx, 'pageNumber'), children: [`${dash} `, PageNumber.CURRENT, ` ${dash}`] })],
      }),
    ],
  });
}

/** The default (odd) and even footers of the section. */
export function footers(ctx: DocxContext): { default: Footer; even: Footer } {
  return { default: pageNumber(ctx, 'right'), even: pageNumber(ctx, 'left') };
}
