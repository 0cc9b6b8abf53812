import { isAbsolute, relative, resolve, sep } from 'node:path';

/** A path as the user would type it: relative to the current directory when inside it. */
export function shownPath(path: string): string {
  const rel = relative(process.cwd(), resolve(path));
  return rel && rel.split(sep)[0] !== '..' && !isAbsolute(rel) ? rel : resolve(path);
}
