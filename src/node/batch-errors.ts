import { TemplateError } from '../compose/index.js';
import { MarkupError } from '../compose/markup.js';
import { StatsError } from '../schema/parse.js';
import { FontError } from './fonts/error.js';

/**
 * Errors across a worker boundary. Structured cloning keeps an Error's
 * message but drops its class and fields (a StatsError's `issues`), so a
 * worker sends the parts and the main thread rebuilds the same class: a
 * caller's `instanceof StatsError` and `error.issues` work as for
 * `draftReport`.
 */
export interface SentError {
  name: string;
  message: string;
  stack?: string;
  /** The error's own fields (`issues`, `file`, `line`, …). */
  fields: Record<string, unknown>;
  cause?: SentError;
}

const CLASSES: Record<string, { prototype: Error }> = { StatsError, TemplateError, MarkupError, FontError };

export function sendError(error: unknown): SentError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error), fields: {} };
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error)) {
    if (key === 'cause') continue;
    try {
      fields[key] = structuredClone(value);
    } catch {
      fields[key] = String(value); // a field that cannot cross (a function, a handle): its text
    }
  }
  return {
    name: error.name,
    message: error.message,
    ...(error.stack ? { stack: error.stack } : {}),
    fields,
    ...(error.cause !== undefined ? { cause: sendError(error.cause) } : {}),
  };
}

export function receiveError(sent: SentError): Error {
  const proto = CLASSES[sent.name]?.prototype ?? Error.prototype;
  const error = Object.create(proto) as Error;
  Object.defineProperty(error, 'message', { value: sent.message, writable: true, configurable: true });
  Object.defineProperty(error, 'stack', { value: sent.stack ?? `${sent.name}: ${sent.message}`, writable: true, configurable: true });
  if (proto === Error.prototype && sent.name !== 'Error') Object.defineProperty(error, 'name', { value: sent.name, writable: true, configurable: true });
  Object.assign(error, sent.fields);
  if (sent.cause) Object.defineProperty(error, 'cause', { value: receiveError(sent.cause), writable: true, configurable: true });
  return error;
}
