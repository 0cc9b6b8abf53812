/**
 * User text is data, never markup. Before templates run, every user string is
 * put in a vault and replaced by an opaque token of private-use characters;
 * templates render with no escaping; the markup is parsed into blocks; only
 * then are tokens swapped back for the text. So "第#1小学", "- 条目", "{{x}}",
 * "<A&B>" or a line break in a name can neither change the structure nor be
 * escaped into "&amp;".
 */
const OPEN = '\uE000';
const CLOSE = '\uE001';
const TOKEN = /\uE000(\d+)\uE001/g;
const STRAY = /[\uE000\uE001]/;
const STRAY_ALL = /[\uE000\uE001]/g;

/** A template took a user text apart: a part of its token reached the output. */
export class VaultLeakError extends Error {
  override readonly name = 'VaultLeakError';
  constructor() {
    super('the template took a user text apart (a character of a name or text, say): print user text whole, as {{org.name}}');
  }
}

export class TextVault {
  private readonly texts: string[] = [];

  /** A token standing for `text`. */
  put(text: string): string {
    this.texts.push(text);
    return `${OPEN}${this.texts.length - 1}${CLOSE}`;
  }

  /**
   * `s` with every token replaced by its text.
   *
   * @throws {VaultLeakError} when a marker is left over: a template took a
   *   token apart ({{lookup org.name 0}}, say), and the private-use character
   *   must never reach a document
   */
  reveal(s: string): string {
    const out = s.replace(TOKEN, (_, i: string) => this.texts[Number(i)] ?? '');
    if (STRAY.test(out)) throw new VaultLeakError();
    return out;
  }

  /** For error messages: each token as its text in quotes, stray markers dropped. */
  quote(s: string): string {
    return s.replace(TOKEN, (_, i: string) => JSON.stringify(this.texts[Number(i)] ?? '')).replace(STRAY_ALL, '');
  }

  /** The token, if `s` is exactly one token and nothing else. */
  only(s: string): number | undefined {
    const m = /^\uE000(\d+)\uE001$/.exec(s);
    return m ? Number(m[1]) : undefined;
  }
}

/** Strings that cannot carry markup (enum values such as "bureau") stay readable for template logic. */
const PLAIN_WORD = /^[A-Za-z][A-Za-z0-9]*$/;

/** A deep copy of `value` with every string that could carry markup put in the vault. */
export function seal<T>(value: T, vault: TextVault): T {
  if (typeof value === 'string') return (PLAIN_WORD.test(value) ? value : vault.put(value)) as T;
  if (Array.isArray(value)) return value.map((v) => seal(v, vault)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = seal(v, vault);
    return bare(out) as T;
  }
  return value;
}

/**
 * View objects inherit nothing a template could name: {{constructor}},
 * {{toString}} or {{#with __proto__}} in a custom template is then an unknown
 * field, which strict mode reports with its line, instead of a prototype
 * property Handlebars denies and prints as nothing. (Only a way to print the
 * object in an error message is kept, under a symbol no template can name.)
 */
const BARE = Object.freeze(Object.create(null, { [Symbol.toPrimitive]: { value: () => '[view object]' } })) as object;

/** A copy of `entries` as a view object that inherits nothing. */
export function bare<T extends object>(entries: T): T {
  return Object.assign(Object.create(BARE) as T, entries);
}
