import { AlignmentType, ImportedXmlComponent, LineRuleType, type IParagraphStyleOptions, type IStylesOptions } from 'docx';
import type { Align, TextStyle } from '../../layout/plan/index.js';
import type { FontRole } from '../../layout/profile.js';
import { chars, type DocxContext } from './context.js';
import { runStyle } from './run.js';

/** Paragraph style ids, one per printed role. Headings keep Word's ids so its navigation pane lists them. */
export const STYLE = {
  body: 'Normal',
  offGrid: 'OffGrid',
  title: 'Title',
  subtitle: 'Subtitle',
  heading: ['Heading1', 'Heading2', 'Heading3', 'Heading4'],
  caption: 'TableCaption',
  unit: 'TableUnit',
  cell: 'TableText',
  pageNumber: 'Footer',
  note: 'AttachmentNote',
  signature: 'Signature',
  attachmentLabel: 'AttachmentLabel',
  attachmentTitle: 'AttachmentTitle',
} as const;

/**
 * What each kind of text block's style gives when the paragraph says
 * nothing: its alignment, whether it starts with the profile's first-line
 * indent, and whether it stays with the next paragraph. Paragraphs write only
 * what the plan sets beyond these (text.ts).
 */
export const STYLE_DEFAULTS: Record<TextStyle, { align: Align; indented: boolean; keepNext: boolean }> = {
  body: { align: 'justify', indented: true, keepNext: false },
  heading1: { align: 'justify', indented: true, keepNext: true },
  heading2: { align: 'justify', indented: true, keepNext: true },
  heading3: { align: 'justify', indented: true, keepNext: false },
  heading4: { align: 'justify', indented: true, keepNext: false },
  subtitle: { align: 'center', indented: false, keepNext: false },
  caption: { align: 'center', indented: false, keepNext: true },
  unit: { align: 'right', indented: false, keepNext: true },
  note: { align: 'left', indented: true, keepNext: false },
  signature: { align: 'right', indented: false, keepNext: false },
  label: { align: 'left', indented: false, keepNext: true },
};

/** On the grid: every line exactly one line pitch, nothing before or after. */
export function gridSpacing(ctx: DocxContext) {
  return { line: ctx.linePitch, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
}

/**
 * The two-character first-line indent, in both forms: Word reads
 * `firstLineChars`, LibreOffice only `firstLine`.
 */
export function firstLineIndent(ctx: DocxContext) {
  const n = ctx.profile.indentChars;
  return { firstLine: chars(ctx, n), firstLineChars: n * 100 };
}

/** No indent; `firstLineChars` must be zeroed too, as it wins over `firstLine` in Word. */
export const NO_INDENT = { firstLine: 0, firstLineChars: 0 } as const;

/**
 * A style that only turns grid snapping off, for paragraphs set at their own
 * line height (table cells). Under a `lines` document grid LibreOffice snaps
 * every line to the 28.95 pt pitch, exact spacing or not, which makes a table
 * row of one line two grid lines tall. docx has no option for a paragraph's
 * `w:snapToGrid`, so this one style is written as XML; styles based on it
 * inherit the setting, and its character spacing of 0.
 */
function offGridStyle(): ImportedXmlComponent {
  return ImportedXmlComponent.fromXmlString(
    `<w:style w:type="paragraph" w:customStyle="1" w:styleId="${STYLE.offGrid}">` +
      `<w:name w:val="Off Grid"/><w:basedOn w:val="${STYLE.body}"/><w:semiHidden/><w:pPr><w:snapToGrid w:val="0"/></w:pPr>` +
      // Untightened too: docx drops a character spacing of 0, so the styles based on this one would
      // inherit the body's −0.25 pt, and titles and cells would be set narrower than the PDF sets them.
      `<w:rPr><w:spacing w:val="0"/></w:rPr></w:style>`,
  );
}

function style(
  ctx: DocxContext,
  id: string,
  name: string,
  fontRole: FontRole,
  paragraph: IParagraphStyleOptions['paragraph'],
  tight = true,
  basedOn: string = STYLE.body,
): IParagraphStyleOptions {
  // A style off the grid (title, table) resets the body's tightening rather than inheriting it.
  const run = { ...runStyle(ctx, fontRole, tight), ...(tight ? {} : { characterSpacing: 0 }) };
  return { id, name, basedOn: id === STYLE.body ? undefined : basedOn, next: STYLE.body, quickFormat: true, run, paragraph };
}

/** The document's styles: docDefaults in the body font, then one paragraph style per role. */
export function documentStyles(ctx: DocxContext): IStylesOptions {
  const spacing = gridSpacing(ctx);
  const indent = firstLineIndent(ctx);
  const { table } = ctx.profile;
  const tableSize = ctx.profile.roles.table.sizePt;
  const centred = { alignment: AlignmentType.CENTER, indent: NO_INDENT, spacing };
  return {
    default: { document: { run: runStyle(ctx, 'body') } },
    importedStyles: [offGridStyle()],
    paragraphStyles: [
      style(ctx, STYLE.body, 'Normal', 'body', { alignment: AlignmentType.BOTH, spacing, indent }),
      // Off the grid as well: LibreOffice gives a 22 pt line whose font is taller than the pitch two grid lines.
      style(ctx, STYLE.title, 'Title', 'title', centred, false, STYLE.offGrid),
      style(ctx, STYLE.subtitle, 'Subtitle', 'heading2', centred),
      ...STYLE.heading.map((id, i) =>
        style(ctx, id, `heading ${i + 1}`, `heading${i + 1}` as FontRole, {
          alignment: AlignmentType.BOTH,
          spacing,
          indent,
          outlineLevel: i,
          // Headings without run-in text stay with what they introduce.
          keepNext: i < 2,
        }),
      ),
      style(ctx, STYLE.caption, 'Table Caption', 'body', { ...centred, keepNext: true }),
      style(ctx, STYLE.unit, 'Table Unit', 'table', { alignment: AlignmentType.RIGHT, indent: NO_INDENT, spacing, keepNext: true }, false),
      // Single spacing in cells, off the grid; exact, as Word also snaps "single" lines to the grid.
      style(
        ctx,
        STYLE.cell,
        'Table Text',
        'table',
        {
          alignment: AlignmentType.LEFT,
          indent: NO_INDENT,
          spacing: { line: Math.round(tableSize * table.lineHeight * 20), lineRule: LineRuleType.EXACT, before: 0, after: 0 },
        },
        false,
        STYLE.offGrid,
      ),
      style(ctx, STYLE.note, 'Attachment Note', 'body', { alignment: AlignmentType.LEFT, spacing, indent }),
      style(ctx, STYLE.signature, 'Signature', 'body', { alignment: AlignmentType.RIGHT, spacing, indent: NO_INDENT }),
      style(ctx, STYLE.attachmentLabel, 'Attachment Label', 'heading1', { alignment: AlignmentType.LEFT, spacing, indent: NO_INDENT, keepNext: true }),
      style(ctx, STYLE.attachmentTitle, 'Attachment Title', 'title', { ...centred, keepNext: true }, false, STYLE.offGrid),
    ],
  };
}
