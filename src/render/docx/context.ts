import {
  charPitchPt,
  linePitchTwips,
  mmToTwips,
  TWIPS_PER_PT,
  type FontRole,
  type LayoutProfile,
  type RoleStyle,
} from '../../layout/profile.js';
import type { SharedProperties } from './shared.js';

/** Renders an SVG document as a PNG of the given size in pixels. */
export type Rasterize = (svg: string, size: { widthPx: number; heightPx: number }) => Uint8Array;

/**
 * What every block handler needs: the profile and the sizes derived from it,
 * in the units DOCX wants (twips, half-points), computed once.
 */
export interface DocxContext {
  profile: LayoutProfile;
  /** East Asian language tag for runs: "zh-CN". */
  language: string;
  /** Exact line pitch (579 for GB/T 9704). */
  linePitch: number;
  /** One grid character (15.79 pt = 316 twips); indents are counted in these. */
  charPitch: number;
  /** Text block width (156 mm = 8844 twips). */
  textWidth: number;
  /** SVG → PNG, for the fallback image of a figure. */
  rasterize?: Rasterize;
  /** The report's run and paragraph properties, each formatted once (see shared.ts). */
  shared: Map<string, SharedProperties>;
}

export function createContext(profile: LayoutProfile, language: string): DocxContext {
  const { page } = profile;
  return {
    profile,
    language,
    linePitch: linePitchTwips(profile),
    charPitch: charPitchPt(profile) * TWIPS_PER_PT,
    textWidth: mmToTwips(page.widthMm - page.marginLeftMm - page.marginRightMm),
    shared: new Map(),
  };
}

/** `n` grid characters in whole twips. */
export function chars(ctx: DocxContext, n: number): number {
  return Math.round(n * ctx.charPitch);
}

export function role(ctx: DocxContext, name: FontRole): RoleStyle {
  return ctx.profile.roles[name];
}
