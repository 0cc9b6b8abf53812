import Handlebars from 'handlebars';
import bureauReport from '../../templates/bureau/report.hbs';
import schoolReport from '../../templates/school/report.hbs';
import { allNodes, diagnoseField, diagnoseHelper, diagnoseParse, pathAt, pathsNaming, type Diagnosis } from './diagnose.js';
import { HELPERS } from './helpers.js';

/**
 * A template is a set of Handlebars files: `report.hbs`, the entry, and any
 * number of `partials/<name>.hbs`, used as {{> name}}. A custom template is
 * a directory with the same structure (read by `loadTemplateDir` in Node).
 */
export interface TemplateSource {
  name: string;
  files: Record<string, string>;
}

export const BUILTIN_TEMPLATES: Record<'school' | 'bureau', TemplateSource> = {
  school: { name: 'school', files: { 'report.hbs': schoolReport } },
  bureau: { name: 'bureau', files: { 'report.hbs': bureauReport } },
};

/**
 * A template that fails to compile or render: the file, line and column,
 * the field or helper concerned, and the name probably meant.
 */
export class TemplateError extends Error {
  override readonly name = 'TemplateError';
  constructor(
    readonly template: string,
    readonly file: string,
    readonly line: number | undefined,
    readonly reason: string,
    readonly column?: number,
    /** The field path (`aid.totl.amount`) or helper (`shout`) concerned, and the one probably meant. */
    readonly detail: { field?: string; helper?: string; suggestion?: string } = {},
  ) {
    super(`模板错误 / template error: ${template}/${file}${line ? `:${line}${column ? `:${column}` : ''}` : ''}: ${reason}`);
  }
}

function fromDiagnosis(template: string, file: string, d: Diagnosis): TemplateError {
  const detail = { ...(d.field ? { field: d.field } : {}), ...(d.helper ? { helper: d.helper } : {}), ...(d.suggestion ? { suggestion: d.suggestion } : {}) };
  return new TemplateError(template, file, d.place?.line, d.reason, d.place?.column, detail);
}

// Strict: a field the view lacks is an error, not an empty string.
// knownHelpersOnly: a helper we do not provide fails at compile time, with its line.
// noEscape: user text reaches the output as vault tokens, never as HTML.
const COMPILE_OPTIONS = {
  strict: true,
  noEscape: true,
  knownHelpers: Object.fromEntries(Object.keys(HELPERS).map((k) => [k, true])),
  knownHelpersOnly: true,
} as const;

/** The helpers a template can call: ours and Handlebars' block helpers. */
const HELPER_NAMES = [...Object.keys(HELPERS), 'if', 'unless', 'each', 'with', 'lookup'];

function lineOf(error: unknown): { line?: number; reason: string } {
  const e = error as { lineNumber?: number; message?: string };
  const message = String(e.message ?? error);
  const m = /(?:on line |- )(\d+)(?::\d+)?/.exec(message);
  return { line: e.lineNumber ?? (m ? Number(m[1]) : undefined), reason: message.split('\n')[0]! };
}

export type RenderTemplate = (view: unknown) => string;

/**
 * A helper whose failure names the line that called it: Handlebars passes
 * the call's location in `options.loc` but reports a helper's own error
 * ("formatCount: expected a non-negative integer") without it.
 */
function located(name: string, helper: (...args: unknown[]) => unknown): Handlebars.HelperDelegate {
  return function (this: unknown, ...args: unknown[]) {
    try {
      return helper.apply(this, args);
    } catch (error) {
      const loc = (args[args.length - 1] as { loc?: { start?: { line?: number; column?: number } } } | undefined)?.loc;
      throw Object.assign(new Error(`${name}: ${(error as Error)?.message ?? error}`), { lineNumber: loc?.start?.line, column: loc?.start?.column, zongjieHelper: name });
    }
  };
}

/** A run-time failure of a file, said for its author (see diagnose.ts). */
function runtimeError(source: TemplateSource, file: string, ast: unknown, error: unknown, view: unknown): TemplateError {
  const e = error as { lineNumber?: number; column?: number; message?: string; zongjieHelper?: string };
  const message = String(e.message ?? error);
  if (e.zongjieHelper) {
    const place = e.lineNumber ? { line: e.lineNumber, column: (e.column ?? 0) + 1 } : undefined;
    return fromDiagnosis(source.name, file, { reason: message, helper: e.zongjieHelper, ...(place ? { place } : {}) });
  }
  if (e.lineNumber !== undefined && e.column !== undefined) {
    const path = pathAt(ast, e.lineNumber, e.column);
    if (path) {
      const diagnosis = diagnoseField(path, view);
      // {{#shout}} with no such field: most likely a helper that does not exist.
      const block = allNodes(ast).some((n) => n.type === 'BlockStatement' && n.path === path);
      if (block && path.parts.length === 1 && !diagnosis.suggestion) {
        return fromDiagnosis(source.name, file, { ...diagnoseHelper(path.original, HELPER_NAMES), ...(diagnosis.place ? { place: diagnosis.place } : {}) });
      }
      return fromDiagnosis(source.name, file, diagnosis);
    }
  }
  // Without a place ("Cannot read properties of null (reading 'x')"): the first path naming x that fails.
  const reading = /reading '([^']+)'/.exec(message)?.[1];
  for (const path of reading ? pathsNaming(ast, reading) : []) {
    const d = diagnoseField(path, view);
    if (!d.reason.startsWith('field')) return fromDiagnosis(source.name, file, d);
  }
  return new TemplateError(source.name, file, e.lineNumber, message.split('\n')[0]!, e.column === undefined ? undefined : e.column + 1);
}

/** A compile-time failure: a parse error, or an unknown helper. */
function compileError(source: TemplateSource, file: string, text: string, error: unknown): TemplateError {
  const e = error as { lineNumber?: number; column?: number; message?: string };
  const message = String(e.message ?? error);
  if (/^Parse error/.test(message)) {
    const lexed = (Handlebars as unknown as { Parser?: { lexer?: { yylloc?: { first_line: number; first_column: number } } } }).Parser?.lexer?.yylloc;
    return fromDiagnosis(source.name, file, diagnoseParse(message, text, lexed));
  }
  const helper = /unknown helper ([\w-]+)/.exec(message)?.[1];
  if (helper) {
    const place = e.lineNumber ? { line: e.lineNumber, column: (e.column ?? 0) + 1 } : undefined;
    return fromDiagnosis(source.name, file, diagnoseHelper(helper, HELPER_NAMES, place));
  }
  const { line, reason } = lineOf(error);
  return new TemplateError(source.name, file, line, reason, e.column === undefined ? undefined : e.column + 1);
}

type Node = { type?: string; loc?: { start: { line: number; column: number } }; [key: string]: unknown };

/**
 * The first `{{> name}}` of a file that names no partial of the template (nor
 * an inline one of the file). Handlebars would find out only while
 * rendering, and without a line.
 */
function unknownPartial(ast: Node, partials: ReadonlySet<string>): { name: string; line?: number; column?: number } | undefined {
  const nodes: Node[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    nodes.push(node as Node);
    for (const key of ['body', 'program', 'inverse']) walk((node as Node)[key]);
  };
  walk(ast);
  const named = (n: unknown) => (n as { original?: unknown; value?: unknown } | undefined)?.original ?? (n as { value?: unknown } | undefined)?.value;
  const inline = new Set(nodes.filter((n) => n.type === 'DecoratorBlock' && named(n.path) === 'inline').map((n) => String(named((n.params as unknown[])[0]))));
  for (const n of nodes) {
    const name = n.type === 'PartialStatement' ? named(n.name) : undefined;
    if (typeof name === 'string' && !name.startsWith('@') && !partials.has(name) && !inline.has(name)) {
      return { name, ...(n.loc ? { line: n.loc.start.line, column: n.loc.start.column + 1 } : {}) };
    }
  }
  return undefined;
}

/** Compiles a template in its own Handlebars environment, checking every file up front. */
export function compileTemplate(source: TemplateSource): RenderTemplate {
  const hb = Handlebars.create();
  hb.registerHelper(Object.fromEntries(Object.entries(HELPERS).map(([name, helper]) => [name, located(name, helper)])));
  // {{lookup org.name 0}} would take one character of a vault token: the private-use marker, into the document.
  const lookup = hb.helpers.lookup!;
  hb.registerHelper('lookup', function (this: unknown, ...args: unknown[]) {
    if (typeof args[0] === 'string') {
      const options = args[args.length - 1] as { loc?: { start?: { line?: number; column?: number } } };
      throw Object.assign(new Error('lookup: takes a field of an object or an item of a list, not a character of a text'), {
        lineNumber: options.loc?.start?.line,
        column: options.loc?.start?.column,
        zongjieHelper: 'lookup',
      });
    }
    return lookup.apply(this, args as never);
  });
  const partials = new Set(Object.keys(source.files).flatMap((file) => /^partials\/([\w-]+)\.hbs$/.exec(file)?.[1] ?? []));
  const compile = (file: string, text: string) => {
    let ast: ReturnType<typeof hb.parseWithoutProcessing>;
    let run: Handlebars.TemplateDelegate;
    try {
      // Parsed once: the unprocessed tree serves the partial check and then precompile,
      // which applies whitespace control itself (a third of a cold first report's compile).
      ast = hb.parseWithoutProcessing(text);
      const missing = unknownPartial(ast as unknown as Node, partials);
      if (missing) {
        const suggestion = [...partials].find((p) => p.toLowerCase() === missing.name.toLowerCase());
        throw new TemplateError(source.name, file, missing.line, `no partial named "${missing.name}" (partials/${missing.name}.hbs)${suggestion ? `; did you mean "${suggestion}"?` : ''}`, missing.column);
      }
      // Compiled once, now: parse and helper errors carry the file's name, and
      // the first report does not compile it a second time (hb.compile is lazy).
      const spec = new Function(`return ${String(hb.precompile(ast, COMPILE_OPTIONS))}`)() as ReturnType<typeof hb.precompile>;
      run = hb.template(spec);
    } catch (error) {
      if (error instanceof TemplateError) throw error;
      throw compileError(source, file, text, error);
    }
    return (context: unknown, options?: Handlebars.RuntimeOptions) => {
      try {
        return run(context, options);
      } catch (error) {
        if (error instanceof TemplateError) throw error;
        const root = (options?.data as { root?: unknown } | undefined)?.root ?? context;
        throw runtimeError(source, file, ast, error, root);
      }
    };
  };
  const entry = source.files['report.hbs'];
  if (entry === undefined) throw new TemplateError(source.name, 'report.hbs', undefined, 'the template has no report.hbs');
  for (const [file, text] of Object.entries(source.files)) {
    const m = /^partials\/([\w-]+)\.hbs$/.exec(file);
    // A partial on a line of its own replaces that whole line, newline included:
    // end it with one, or its last line would run into the next.
    if (m) hb.registerPartial(m[1]!, compile(file, text.endsWith('\n') ? text : `${text}\n`) as unknown as Handlebars.Template);
  }
  const main = compile('report.hbs', entry);
  // Runtime options stay at their defaults: no prototype access from templates.
  return (view) => main(view);
}
