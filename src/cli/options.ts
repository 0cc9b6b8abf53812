import { resolve } from 'node:path';
import { InvalidArgumentError } from 'commander';
import { GBT9704, type FontRole } from '../layout/profile.js';
import { FORMATS, type Format } from '../node/formats.js';
import type { FontOptions } from '../node/index.js';

export const FONT_ROLES = Object.keys(GBT9704.roles) as FontRole[];

/** `-f docx,pdf` (repeatable): the formats, in the order given, without repeats. */
export function parseFormats(value: string, previous: Format[] = []): Format[] {
  const formats = [...previous];
  for (const raw of value.split(',')) {
    const name = raw.trim().toLowerCase();
    const format = (name === 'markdown' ? 'md' : name) as Format;
    if (!FORMATS.includes(format)) {
      throw new InvalidArgumentError(`格式应为 ${FORMATS.join('、')} / a format is one of ${FORMATS.join(', ')}`);
    }
    if (!formats.includes(format)) formats.push(format);
  }
  return formats;
}

/**
 * `--font role=path` (repeatable): a font file for a role of the layout
 * profile ("simsun.ttc#SimSun" for a face in a collection). The same role
 * given twice is a fallback chain, first file first.
 */
export function parseFont(value: string, previous: FontOptions = {}): FontOptions {
  const at = value.indexOf('=');
  const role = value.slice(0, Math.max(at, 0)).trim() as FontRole;
  const path = value.slice(at + 1).trim();
  if (at < 0 || !FONT_ROLES.includes(role) || !path) {
    throw new InvalidArgumentError(`应写作 角色=字体文件，角色为 ${FONT_ROLES.join('、')} / write role=file, a role is one of ${FONT_ROLES.join(', ')}`);
  }
  const chain = previous[role];
  const paths = chain === undefined ? [] : Array.isArray(chain) ? chain : [chain];
  return { ...previous, [role]: [...paths, resolve(path)] };
}

/** The font files named on the command line, to check before drafting anything ("simsun.ttc#SimSun" is simsun.ttc). */
export function fontPaths(fonts: FontOptions): string[] {
  return Object.values(fonts)
    .flatMap((chain) => (Array.isArray(chain) ? chain : [chain]))
    .filter((item): item is string => typeof item === 'string')
    .map((path) => path.replace(/^(.*\.(?:ttc|otc))#.+$/i, '$1'));
}
