import {
  Paragraph,
  ParagraphProperties,
  TextRun,
  type BaseXmlComponent,
  type IContext,
  type IParagraphPropertiesOptions,
  type IXmlableObject,
  type ParagraphChild,
} from 'docx';
import type { DocxContext } from './context.js';
import { writtenOnce } from './xml.js';

/**
 * Run and paragraph properties formatted by docx once per report, then shared
 * by every run or paragraph of the same style. A report has hundreds of runs
 * and paragraphs in a handful of styles, and docx builds and formats the same
 * `<w:rPr>` and `<w:pPr>` for each: most of the time of writing the body.
 */
export class SharedProperties {
  private xml?: IXmlableObject;

  constructor(private readonly component: BaseXmlComponent) {}

  format(context: IContext): IXmlableObject | undefined {
    return (this.xml ??= writtenOnce(this.component.prepForXml(context)));
  }
}

/** The report's shared properties under `key`, made on first use. */
export function shared(ctx: DocxContext, key: string, make: () => BaseXmlComponent): SharedProperties {
  let found = ctx.shared.get(key);
  if (!found) ctx.shared.set(key, (found = new SharedProperties(make())));
  return found;
}

/** A text run written as docx writes a TextRun (properties, breaks, text with its spaces kept), with shared properties. */
export class StyledRun extends TextRun {
  constructor(
    private readonly style: SharedProperties,
    private readonly content: string,
    private readonly breaks: number,
  ) {
    super({});
  }

  override prepForXml(context: IContext): IXmlableObject {
    const rPr = this.style.format(context);
    const children: IXmlableObject[] = rPr ? [rPr] : [];
    for (let i = 0; i < this.breaks; i++) children.push({ 'w:br': {} });
    children.push({ 'w:t': [{ _attr: { 'xml:space': 'preserve' } }, this.content] });
    return { 'w:r': children };
  }
}

/**
 * A paragraph with shared properties: docx writes its children, and the
 * properties go first, where docx puts a paragraph's own. Its `options` hold
 * only the children.
 */
export class StyledParagraph extends Paragraph {
  constructor(
    private readonly style: SharedProperties,
    children: readonly ParagraphChild[],
  ) {
    super({ children });
  }

  override prepForXml(context: IContext): IXmlableObject | undefined {
    const xml = super.prepForXml(context);
    const pPr = this.style.format(context);
    if (!pPr) return xml;
    const children: unknown = xml?.['w:p'];
    return { 'w:p': [pPr, ...(Array.isArray(children) ? children : [])] };
  }
}

/** A paragraph whose properties are shared with the report's other paragraphs of the same options. */
export function styledParagraph(ctx: DocxContext, options: IParagraphPropertiesOptions, children: readonly ParagraphChild[]): Paragraph {
  return new StyledParagraph(shared(ctx, `paragraph ${JSON.stringify(options)}`, () => new ParagraphProperties(options)), children);
}
