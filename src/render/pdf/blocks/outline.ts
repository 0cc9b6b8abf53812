/**
 * Bookmarks for headings: each heading's first line carries pdfmake's
 * `outline`, nested under the nearest heading of a higher level.
 */
export interface Outline {
  /** Node properties for a bookmark at `level` (1 = top). */
  entry(level: number, text: string): Record<string, unknown>;
}

export function createOutline(): Outline {
  const parents: string[] = [];
  let count = 0;
  return {
    entry(level, text) {
      const id = `zj-outline-${++count}`;
      parents.length = Math.max(0, level - 1);
      const parent = [...parents].reverse().find((p) => p !== undefined);
      parents[level - 1] = id;
      return { id, outline: true, outlineText: text, ...(parent ? { outlineParentId: parent } : {}) };
    },
  };
}
