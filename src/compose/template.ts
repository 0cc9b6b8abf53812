import Handlebars from 'handlebars';
import bureauReport from '../../templates/bureau/report.hbs';
import schoolReport from '../../templates/school/report.hbs';
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

/** A template that fails to compile or render, with the file and line. */
export class TemplateError extends Error {
  override readonly name = 'TemplateError';
  constructor(
    readonly template: string,
    readonly file: string,
    readonly line: number | undefined,
    readonly reason: string,
  ) {
    super(`模板错误 / template error: ${template}/${file}${line ? `:${line}` : ''}: ${reason}`);
  }
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
      const loc = (args[args.length - 1] as { loc?: { start?: { line?: number } } } | undefined)?.loc;
      throw Object.assign(new Error(`${name}: ${(error as Error)?.message ?? error}`), { lineNumber: loc?.start?.line });
    }
  };
}

type Node = { type?: string; loc?: { start: { line: number } }; [key: string]: unknown };

/**
 * The first `{{> name}}` of a file that names no partial of the template (nor
 * an inline one of the file). Handlebars would find out only while
 * rendering, and without a line.
 */
function unknownPartial(ast: Node, partials: ReadonlySet<string>): { name: string; line?: number } | undefined {
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
    if (typeof name === 'string' && !name.startsWith('@') && !partials.has(name) && !inline.has(name)) return { name, line: n.loc?.start.line };
  }
  return undefined;
}

/** Compiles a template in its own Handlebars environment, checking every file up front. */
export function compileTemplate(source: TemplateSource): RenderTemplate {
  const hb = Handlebars.create();
  hb.registerHelper(Object.fromEntries(Object.entries(HELPERS).map(([name, helper]) => [name, located(name, helper)])));
  const partials = new Set(Object.keys(source.files).flatMap((file) => /^partials\/([\w-]+)\.hbs$/.exec(file)?.[1] ?? []));
  const compile = (file: string, text: string) => {
    try {
      // Parsed once: the unprocessed tree serves the partial check and then precompile,
      // which applies whitespace control itself (a third of a cold first report's compile).
      const ast = hb.parseWithoutProcessing(text);
      const missing = unknownPartial(ast as unknown as Node, partials);
      if (missing) throw new TemplateError(source.name, file, missing.line, `no partial named "${missing.name}" (partials/${missing.name}.hbs)`);
      // Compiled once, now: parse and helper errors carry the file's name, and
      // the first report does not compile it a second time (hb.compile is lazy).
      const spec = new Function(`return ${String(hb.precompile(ast, COMPILE_OPTIONS))}`)() as ReturnType<typeof hb.precompile>;
      const run = hb.template(spec);
      return (context: unknown, options?: Handlebars.RuntimeOptions) => {
        try {
          return run(context, options);
        } catch (error) {
          if (error instanceof TemplateError) throw error;
          const { line, reason } = lineOf(error);
          throw new TemplateError(source.name, file, line, reason);
        }
      };
    } catch (error) {
      if (error instanceof TemplateError) throw error;
      const { line, reason } = lineOf(error);
      throw new TemplateError(source.name, file, line, reason);
    }
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
