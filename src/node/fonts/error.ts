import type { FontRole } from '../../layout/profile.js';

/** A font the caller passed that cannot be used, naming the role and the file. */
export class FontError extends Error {
  override readonly name = 'FontError';
  constructor(
    readonly role: FontRole,
    readonly source: string,
    readonly reason: string,
    options?: ErrorOptions,
  ) {
    super(`字体不可用 / unusable font: fonts.${role} "${source}": ${reason}`, options);
  }
}
