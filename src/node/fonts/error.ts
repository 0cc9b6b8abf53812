import type { FontRole } from '../../layout/profile.js';
import { DEFAULT_FONT_FILES } from './defaults.js';

/** A font the caller passed that cannot be used, naming the role and the file; or no font at all (`source` empty). */
export class FontError extends Error {
  override readonly name = 'FontError';
  constructor(
    readonly role: FontRole,
    readonly source: string,
    readonly reason: string,
    options?: ErrorOptions,
  ) {
    super(source ? `字体不可用 / unusable font: fonts.${role} "${source}": ${reason}` : reason, options);
  }
}

/** What to do when the default fonts are missing, in both languages (indented lines): one place for every message that needs it. */
export const GET_FONTS_HINT = [
  '  运行一次 npx zongjie fonts 下载默认字体；或用 --font body=字体文件（API：fonts.body）指定字体；或安装字体包：',
  '  run `npx zongjie fonts` once to fetch the default fonts; or pass --font body=FILE (fonts.body in the API); or install the font packages:',
  `  npm i ${[...new Set(DEFAULT_FONT_FILES.map((f) => `${f.package.name}@${f.package.version}`))].join(' ')}`,
].join('\n');

/** No font at all draws `role`: none given, none on the system, the defaults not fetched. */
export function noFontError(role: FontRole): FontError {
  return new FontError(role, '', `没有可用于 PDF 的中文字体（fonts.${role}）/ no Chinese font for the PDF (fonts.${role})\n${GET_FONTS_HINT}`);
}

/** Why fetching the default fonts failed: the network or registry, a tarball or file that is not what was pinned, the disk. */
export type FontInstallProblem = 'network' | 'registry' | 'integrity' | 'disk' | 'npm' | 'no-cache';

/** `installDefaultFonts` failed; the message says what happened and what to do, in Chinese and English. */
export class FontInstallError extends Error {
  override readonly name = 'FontInstallError';
  constructor(
    readonly problem: FontInstallProblem,
    message: string,
    /** Further lines: npm's own error, the expected and received digests. */
    readonly details: string[] = [],
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
