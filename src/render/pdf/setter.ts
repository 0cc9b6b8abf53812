import type { Align } from '../../layout/plan/index.js';
import { charPitchPt, linePitchTwips, textBlock, TWIPS_PER_PT, type FontRole, type LayoutProfile } from '../../layout/profile.js';
import { faceOf } from './face.js';
import { roleChain, type FontSet } from './fonts.js';
import { breakLines, footprint } from './text/breaker.js';
import { toItems, type Item, type RoleSetup } from './text/items.js';
import { lineNode, type Alignment, type LineNode } from './text/line.js';
import { fallbackGlyph, fontLacksChinese, missingGlyph, type PdfWarning } from './warnings.js';

/** 中: a font without it has no Chinese to speak of. */
const CHINESE = 0x4e2d;
const CJK = /[\u3400-\u9fff\uf900-\ufaff\u{20000}-\u{3ffff}]/u;
/** Two steps of the weight scale (regular 400 against bold 700): a difference the eye sees in one line. */
const VISIBLE_WEIGHT_STEP = 200;

/** Keeps a right-aligned line a hair inside its width, so pdfmake's own sum of the inlines never wraps it. */
const RIGHT_SLACK_PT = 0.05;

/** Room past a line's end (and a hanging mark): pdfmake counts a run's width with the tracking our measure leaves out. */
const HANG_SLACK_PT = 1;

/** Roles set on the 22 × 28 grid; the rest (title, table, page number) keep their natural spacing. */
const GRID_ROLES: ReadonlySet<FontRole> = new Set(['body', 'heading1', 'heading2', 'heading3', 'heading4']);

/**
 * What every block handler needs to set text: the profile's measures, the
 * role setups (fonts, sizes, tracking) and the warnings gathered so far.
 */
export interface Setter {
  profile: LayoutProfile;
  /** Text block width, line pitch and character pitch, in pt. */
  widthPt: number;
  pitchPt: number;
  charPt: number;
  /** A role's setup; `facesOf` borrows another role's fonts at this role's size (黑体 table headers). */
  setup(role: FontRole, facesOf?: FontRole): RoleSetup;
  items(text: string, role: FontRole, facesOf?: FontRole): Item[];
  /** Break and set a paragraph on the grid: first line indented, all but the last justified. */
  paragraph(items: readonly Item[], options?: ParagraphOptions): LineNode[];
  /** A blank line of the grid. */
  blank(): LineNode;
  /** Every setup made so far: their faces are the ones pdfmake must know. */
  usedSetups(): Iterable<RoleSetup>;
  warnings: PdfWarning[];
}

export interface ParagraphOptions {
  /** First-line indent in pt (default: the profile's two characters). */
  firstPt?: number;
  /** Indent of the other lines in pt (default 0). */
  restPt?: number;
  rightPt?: number;
  /** `justify` (the default) ends every line but the last flush at both edges; the others are not justified. */
  alignment?: Align;
  /** Slot height (default: the line pitch). */
  slotPt?: number;
  /** Width the lines may use before indents (default: the text block). */
  widthPt?: number;
  /** Break at this width instead (a centred title's even lines), still placing within `widthPt`. */
  breakPt?: number;
}

/**
 * Spacing that puts a role's characters on the character grid (16 pt glyphs
 * at 15.79 pt: −0.21 pt). Only near the grid: a size more than 5 % off was
 * chosen on purpose, and squeezing it would make glyphs touch.
 */
function gridTracking(charPt: number, sizePt: number): number {
  const tracking = charPt - sizePt;
  return Math.abs(tracking) <= 0.05 * sizePt ? tracking : 0;
}

export function createSetter(profile: LayoutProfile, fonts: FontSet): Setter {
  const widthPt = textBlock(profile).widthPt;
  // The DOCX's exact pitch in whole twips (579 = 28.95 pt), so both documents share one grid.
  const pitchPt = linePitchTwips(profile) / TWIPS_PER_PT;
  const charPt = charPitchPt(profile);
  const setups = new Map<string, RoleSetup>();
  const warnings: PdfWarning[] = [];
  const warned = new Set<string>();

  const setup = (role: FontRole, facesOf: FontRole = role): RoleSetup => {
    const key = `${role}/${facesOf}`;
    let found = setups.get(key);
    if (!found) {
      const sizePt = profile.roles[role].sizePt;
      found = {
        role,
        faces: roleChain(fonts, facesOf).map(faceOf),
        sizePt,
        trackingPt: GRID_ROLES.has(role) ? gridTracking(charPt, sizePt) : 0,
        spacingTw: GRID_ROLES.has(role) ? Math.round(profile.docxCharacterSpacingPt * TWIPS_PER_PT) : 0,
      };
      setups.set(key, found);
    }
    return found;
  };

  const items = (text: string, role: FontRole, facesOf?: FontRole): Item[] => {
    const roleSetup = setup(role, facesOf);
    const names = () => roleSetup.faces.map((f) => f.source.name);
    const list = toItems(text, roleSetup, (ch) => {
      if (warned.has(role + ch)) return;
      warned.add(role + ch);
      warnings.push(missingGlyph(ch, role, names()));
    });
    // Drawn by a later font of the chain: said when it shows (another weight, or the role's font has no Chinese at all).
    const own = roleSetup.faces[0]!;
    for (const item of list) {
      if (item.face === own || item.ch === ' ') continue;
      if (!own.has(CHINESE) && CJK.test(item.ch)) {
        if (!warned.has(`${role}\u0000nocjk`)) {
          warned.add(`${role}\u0000nocjk`);
          warnings.push(fontLacksChinese(role, names()));
        }
      } else if (Math.abs(item.face.weight - own.weight) >= VISIBLE_WEIGHT_STEP && !warned.has(`${role}\u0001${item.ch}`)) {
        warned.add(`${role}\u0001${item.ch}`);
        warnings.push(fallbackGlyph(item.ch, role, item.face.source.name, { own: own.weight, used: item.face.weight }, names()));
      }
    }
    return list;
  };

  const paragraph = (list: readonly Item[], options: ParagraphOptions = {}): LineNode[] => {
    const width = options.widthPt ?? widthPt;
    const firstPt = options.firstPt ?? profile.indentChars * charPt;
    const restPt = options.restPt ?? 0;
    const rightPt = options.rightPt ?? 0;
    const align = options.alignment ?? 'justify';
    const alignment: Alignment = align === 'justify' ? 'left' : align;
    const breakAt = options.breakPt ?? width;
    const lines = breakLines(list, { firstPt: breakAt - firstPt - rightPt, restPt: breakAt - restPt - rightPt });
    return lines.map(({ items: line, hangingPt }, i) => {
      const start = i === 0 ? firstPt : restPt;
      // A right-aligned line is placed from the left by its own width (the last character's tracking is not drawn).
      const right = alignment === 'right' && line.length > 0;
      const inked = right ? line.reduce((sum, item) => sum + footprint(item), 0) - line.at(-1)!.setup.trackingPt : 0;
      return lineNode({
        items: line,
        slotPt: options.slotPt ?? pitchPt,
        // A hanging mark (、。，) ends past the edge by its own width: the rest of the line is justified to the edge.
        availPt: width - start - rightPt + hangingPt,
        justify: align === 'justify' && i < lines.length - 1,
        alignment: right ? 'left' : alignment,
        leftPt: alignment === 'center' ? 0 : right ? Math.max(start, width - rightPt - inked - RIGHT_SLACK_PT) : start,
        // A negative right margin lets pdfmake place the hanging mark past the edge rather than wrap it.
        // A line is already broken: pdfmake must never wrap it again, which a full last line can make it do by
        // a rounding hair (its runs' widths are summed with the tracking we leave off the last character).
        rightPt: (right ? 0 : rightPt) - (alignment === 'center' ? 0 : hangingPt + HANG_SLACK_PT),
        ...(line.length === 0 ? { setup: list[0]?.setup ?? setup('body') } : {}),
      });
    });
  };

  const blank = (): LineNode => lineNode({ items: [], slotPt: pitchPt, availPt: widthPt, setup: setup('body') });

  return { profile, widthPt, pitchPt, charPt, setup, items, paragraph, blank, usedSetups: () => setups.values(), warnings };
}
