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

/** Compiles a template in its own Handlebars environment, checking every file up front. */
export function compileTemplate(source: TemplateSource): RenderTemplate {
  const hb = Handlebars.create();
  hb.registerHelper(HELPERS as Record<string, Handlebars.HelperDelegate>);
  const compile = (file: string, text: string) => {
    try {
      hb.precompile(text, COMPILE_OPTIONS); // parse and helper checks now, with the file's name
      const run = hb.compile(text, COMPILE_OPTIONS);
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
