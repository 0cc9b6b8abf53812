/**
 * The layout profile: every size both renderers use, in one object.
 *
 * Defaults follow GB/T 9704-2012 《党政机关公文格式》. Offices vary (28 or 29 pt
 * pitch, 27 mm bottom margin), so everything here is overridable through
 * {@link defineProfile}; nothing in a renderer hard-codes a size.
 */

/** A page role that has its own font and size. */
export type FontRole = 'title' | 'body' | 'heading1' | 'heading2' | 'heading3' | 'heading4' | 'table' | 'pageNumber';

export interface RoleStyle {
  /**
   * Font family names in order of preference, as Word knows them. DOCX names the
   * first; the PDF renderer maps roles to embedded files (see fonts).
   */
  fonts: string[];
  /** Latin letters and digits. */
  latinFont: string;
  sizePt: number;
  bold?: boolean;
}

export interface LayoutProfile {
  name: string;
  page: {
    /** GB/T 9704 §5.2.1: A4. */
    widthMm: number;
    heightMm: number;
    /** §5.2.2 天头 37 mm. */
    marginTopMm: number;
    marginBottomMm: number;
    /** 订口 28 mm. */
    marginLeftMm: number;
    marginRightMm: number;
  };
  grid: {
    /** §5.2.4: 22 lines a page. */
    linesPerPage: number;
    /** §5.2.4: 28 characters a line. */
    charsPerLine: number;
  };
  /** First-line indent of every paragraph and heading, in characters. */
  indentChars: number;
  /** Character spacing of body runs in DOCX, in pt (negative tightens); 28 × 16 pt does not fit 442.2 pt otherwise. */
  docxCharacterSpacingPt: number;
  footer: {
    /** §7.5: page numbers 7 mm below the text block. */
    distanceBelowTextMm: number;
    /** Odd pages one character in from the right, even pages one in from the left. */
    indentChars: number;
    /** U+2014 on each side: "— 1 —". */
    dash: string;
    /** The page number's line, a multiple of its size (single spacing); the footer is placed by its top. */
    lineHeight: number;
  };
  table: {
    /** Inside cells: a multiple of the role font's size (single spacing). */
    lineHeight: number;
    /** Space between a cell's side rules and its text. */
    cellPaddingXMm: number;
    /** Space above and below a cell's text. */
    cellPaddingYMm: number;
    /** Rules between cells. */
    rulePt: number;
    /** Rules above and below the table and above its 合计 row. */
    heavyRulePt: number;
  };
  roles: Record<FontRole, RoleStyle>;
}

const LATIN = 'Times New Roman';

export const GBT9704: LayoutProfile = {
  name: 'GB/T 9704-2012',
  page: {
    widthMm: 210,
    heightMm: 297,
    marginTopMm: 37,
    marginBottomMm: 35,
    marginLeftMm: 28,
    marginRightMm: 26,
  },
  grid: { linesPerPage: 22, charsPerLine: 28 },
  indentChars: 2,
  docxCharacterSpacingPt: -0.25,
  footer: { distanceBelowTextMm: 7, indentChars: 1, dash: '\u2014', lineHeight: 1.2 },
  table: { lineHeight: 1.2, cellPaddingXMm: 1, cellPaddingYMm: 1.5, rulePt: 0.5, heavyRulePt: 1 },
  roles: {
    // 二号 小标宋
    title: { fonts: ['方正小标宋简体', '小标宋', '宋体'], latinFont: LATIN, sizePt: 22 },
    // 三号 仿宋
    body: { fonts: ['仿宋_GB2312', '仿宋'], latinFont: LATIN, sizePt: 16 },
    heading1: { fonts: ['黑体'], latinFont: LATIN, sizePt: 16 },
    heading2: { fonts: ['楷体_GB2312', '楷体'], latinFont: LATIN, sizePt: 16 },
    heading3: { fonts: ['仿宋_GB2312', '仿宋'], latinFont: LATIN, sizePt: 16 },
    heading4: { fonts: ['仿宋_GB2312', '仿宋'], latinFont: LATIN, sizePt: 16 },
    // 四号 仿宋, single spacing in cells
    table: { fonts: ['仿宋_GB2312', '仿宋'], latinFont: LATIN, sizePt: 14 },
    // 四号 宋体, half-width digits
    pageNumber: { fonts: ['宋体'], latinFont: LATIN, sizePt: 14 },
  },
};

export type ProfileOverrides = {
  name?: string;
  page?: Partial<LayoutProfile['page']>;
  grid?: Partial<LayoutProfile['grid']>;
  indentChars?: number;
  docxCharacterSpacingPt?: number;
  footer?: Partial<LayoutProfile['footer']>;
  table?: Partial<LayoutProfile['table']>;
  roles?: Partial<Record<FontRole, Partial<RoleStyle>>>;
};

/**
 * A profile from the default and some overrides.
 *
 * @example
 * defineProfile({ page: { marginBottomMm: 27 } }) // the rest stays GB/T 9704
 */
export function defineProfile(overrides: ProfileOverrides = {}, base: LayoutProfile = GBT9704): LayoutProfile {
  const roles = { ...base.roles };
  for (const [role, style] of Object.entries(overrides.roles ?? {}) as [FontRole, Partial<RoleStyle>][]) {
    roles[role] = { ...roles[role], ...style };
  }
  return {
    name: overrides.name ?? base.name,
    page: { ...base.page, ...overrides.page },
    grid: { ...base.grid, ...overrides.grid },
    indentChars: overrides.indentChars ?? base.indentChars,
    docxCharacterSpacingPt: overrides.docxCharacterSpacingPt ?? base.docxCharacterSpacingPt,
    footer: { ...base.footer, ...overrides.footer },
    table: { ...base.table, ...overrides.table },
    roles,
  };
}

export const PT_PER_MM = 72 / 25.4;
export const TWIPS_PER_PT = 20;

/** The text block (版心): page less margins, in pt. */
export function textBlock(profile: LayoutProfile): { widthPt: number; heightPt: number } {
  const { page } = profile;
  return {
    widthPt: (page.widthMm - page.marginLeftMm - page.marginRightMm) * PT_PER_MM,
    heightPt: (page.heightMm - page.marginTopMm - page.marginBottomMm) * PT_PER_MM,
  };
}

/**
 * Exact line pitch in pt: the text block height shared by the lines, on the
 * whole-twip grid both renderers use (225 mm / 22 → 579 twips = 28.95 pt).
 */
export function linePitchPt(profile: LayoutProfile): number {
  return linePitchTwips(profile) / TWIPS_PER_PT;
}

/** Character pitch in pt: the text block width shared by the characters (156 mm / 28 = 15.79 pt). */
export function charPitchPt(profile: LayoutProfile): number {
  return textBlock(profile).widthPt / profile.grid.charsPerLine;
}

/**
 * Line pitch in whole twips, as DOCX wants it (579): rounded down, since 22 × 580
 * twips is more than the 12756-twip text block and a client would then set 21 lines.
 */
export function linePitchTwips(profile: LayoutProfile): number {
  return Math.floor((textBlock(profile).heightPt * TWIPS_PER_PT) / profile.grid.linesPerPage);
}

export function mmToTwips(mm: number): number {
  return Math.round(mm * PT_PER_MM * TWIPS_PER_PT);
}

export function mmToPt(mm: number): number {
  return mm * PT_PER_MM;
}
