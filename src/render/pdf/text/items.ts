import type { FontRole } from '../../../layout/profile.js';
import type { Face } from '../face.js';

/** How a role sets text: its font chain, size and grid tracking. */
export interface RoleSetup {
  role: FontRole;
  faces: Face[];
  sizePt: number;
  /** Added after every character, in pt (negative tightens to the character grid). */
  trackingPt: number;
  /** The DOCX run's character spacing in twips (−5 on the grid), for measuring lines as the DOCX's client does. */
  spacingTw: number;
}

/** One character (code point) with the face that draws it. */
export interface Item {
  ch: string;
  face: Face;
  setup: RoleSetup;
  /** Advance in pt without tracking. */
  widthPt: number;
}

/**
 * Split text into characters, each drawn by the first face of the chain
 * that has it. A character no face has goes to `onMissing` and is drawn by
 * the first face (its empty box), so nothing is dropped silently.
 *
 * @example
 * toItems('王䶮', body, miss) // 王 and 䶮 from the first face that has each
 */
export function toItems(text: string, setup: RoleSetup, onMissing: (ch: string) => void): Item[] {
  const items: Item[] = [];
  // Line feeds and tabs in data are spaces here: a printed line is ours to break.
  for (const ch of text.replace(/[\t\n\r\f\v]/g, ' ')) {
    const cp = ch.codePointAt(0)!;
    let face = setup.faces.find((f) => f.has(cp));
    if (!face) {
      if (!isIgnorable(cp)) onMissing(ch);
      face = setup.faces[0]!;
    }
    items.push({ ch, face, setup, widthPt: face.advance(cp, setup.sizePt) });
  }
  return items;
}

/** Controls and variation selectors need no glyph of their own. */
function isIgnorable(cp: number): boolean {
  return cp < 0x20 || (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef) || cp === 0x200b || cp === 0x200d;
}
