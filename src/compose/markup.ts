import type { Block, HeadingLevel } from '../model/index.js';

/**
 * The line markup templates produce, parsed into blocks.
 *
 *   @title 文本          the title           @subtitle 文本   the subtitle
 *   # 文本 … #### 文本    headings, levels 1–4 (numbers are computed later)
 *   ###> 文本。           a level 3–4 heading that runs in with the next paragraph
 *   @block N             a prebuilt block (a table) from the block store
 *   @attachment 标题      what follows belongs to a new attachment
 *   @end                 what follows closes the body, outside every section
 *                        (“总之，……”, 特此报告。): no heading stands over it
 *   any other line       a paragraph; blank lines are ignored
 *
 * User text reaches this parser only as vault tokens, so nothing a user
 * writes can look like markup.
 */
export interface Markup {
  title?: string;
  subtitle?: string;
  body: Block[];
  /** The paragraphs after `@end`: the body's close, under no heading. */
  closing: Block[];
  attachments: { title: string; blocks: Block[] }[];
}

export class MarkupError extends Error {
  override readonly name = 'MarkupError';
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`${message} (line ${line} of the rendered template)`);
  }
}

const HEADING = /^(#{1,4})(>?)\s+(.*)$/;

export function parseMarkup(source: string, store: readonly Block[]): Markup {
  const out: Markup = { body: [], closing: [], attachments: [] };
  let blocks = out.body;
  let runIn: { level: HeadingLevel; line: number } | undefined;

  source.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const lineNo = i + 1;
    const last = blocks[blocks.length - 1];
    if (runIn && !line.startsWith('@') && !HEADING.test(line) && last?.type === 'heading') {
      last.runIn = line;
      runIn = undefined;
      return;
    }
    runIn = undefined;
    const heading = HEADING.exec(line);
    if (heading) {
      const level = heading[1]!.length as HeadingLevel;
      blocks.push({ type: 'heading', level, number: '', text: heading[3]!.trim() });
      if (heading[2]) runIn = { level, line: lineNo };
      return;
    }
    const directive = /^@(\w+)\s*(.*)$/.exec(line);
    if (directive) {
      const [, name, arg = ''] = directive;
      switch (name) {
        case 'title':
          out.title = arg;
          return;
        case 'subtitle':
          out.subtitle = arg;
          return;
        case 'end':
          blocks = out.closing;
          return;
        case 'attachment':
          blocks = [];
          out.attachments.push({ title: arg, blocks });
          return;
        case 'block': {
          const block = store[Number(arg)];
          if (!block) throw new MarkupError(`no block ${arg}`, lineNo);
          blocks.push(block);
          return;
        }
        default:
          throw new MarkupError(`unknown directive @${name}`, lineNo);
      }
    }
    blocks.push({ type: 'paragraph', text: line });
  });
  return out;
}
