import { DocumentGridType, type ISectionPropertiesOptions } from 'docx';
import { mmToTwips } from '../../layout/profile.js';
import type { DocxContext } from './context.js';
import { footerDistance } from './footer.js';

/**
 * The page: A4, the GB/T 9704 margins and a line grid of the exact pitch.
 *
 * The grid is `lines`, not `linesAndChars`: LibreOffice 7.4 mis-lays a
 * character grid (19 characters a line), while the run character spacing
 * already fits 28 characters in both Word and LibreOffice.
 */
export function sectionProperties(ctx: DocxContext): ISectionPropertiesOptions {
  const { page } = ctx.profile;
  const footer = footerDistance(ctx);
  return {
    page: {
      size: { width: mmToTwips(page.widthMm), height: mmToTwips(page.heightMm) },
      margin: {
        top: mmToTwips(page.marginTopMm),
        bottom: mmToTwips(page.marginBottomMm),
        left: mmToTwips(page.marginLeftMm),
        right: mmToTwips(page.marginRightMm),
        header: footer,
        footer,
        gutter: 0,
      },
    },
    grid: { type: DocumentGridType.LINES, linePitch: ctx.linePitch },
  };
}
