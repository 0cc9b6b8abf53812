// The few parts of fontkit 2 and pdfmake 0.3 that the PDF renderer uses.
// Neither package ships types; these cover only what is called here.

declare module 'fontkit' {
  export interface Glyph {
    id: number;
    advanceWidth: number;
    /** The outline, decoded on first access. */
    readonly path: unknown;
  }
  export interface GlyphPosition {
    xAdvance: number;
  }
  export interface GlyphRun {
    glyphs: Glyph[];
    positions: GlyphPosition[];
    advanceWidth: number;
  }
  export interface Font {
    postscriptName: string;
    familyName: string;
    unitsPerEm: number;
    ascent: number;
    descent: number;
    lineGap: number;
    'OS/2'?: { typoAscender: number; typoDescender: number; usWeightClass?: number };
    hasGlyphForCodePoint(codePoint: number): boolean;
    glyphForCodePoint(codePoint: number): Glyph;
    layout(text: string): GlyphRun;
  }
  export interface FontCollection {
    type: 'TTC' | 'DFont';
    fonts: Font[];
  }
  export function create(data: Uint8Array, postscriptName?: string): Font | FontCollection | null;
}

declare module 'pdfmake' {
  export interface OutputDocument {
    getBuffer(): Promise<Uint8Array>;
  }
  export interface VirtualFileSystem {
    existsSync(name: string): boolean;
    writeFileSync(name: string, content: Uint8Array): void;
  }
  export interface FontDescriptor {
    normal: string | [string, string];
  }
  export interface PdfMake {
    virtualfs: VirtualFileSystem;
    fonts?: Record<string, FontDescriptor>;
    setFonts(fonts: Record<string, FontDescriptor> | undefined): void;
    setUrlAccessPolicy(policy: ((url: string) => boolean) | undefined): void;
    /** Node build only. */
    setLocalAccessPolicy?(policy: ((path: string) => boolean) | undefined): void;
    urlAccessPolicy?: (url: string) => boolean;
    localAccessPolicy?: (path: string) => boolean;
    createPdf(docDefinition: object, options?: object): OutputDocument;
  }
  const pdfMake: PdfMake;
  export default pdfMake;
}
