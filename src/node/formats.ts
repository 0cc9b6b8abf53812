/** The output formats, in the order files are written. */
export type Format = 'docx' | 'pdf' | 'md';
export const FORMATS: readonly Format[] = ['docx', 'pdf', 'md'];
