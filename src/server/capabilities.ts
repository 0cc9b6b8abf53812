import type { Warning } from '../facts/warning.js';
import type { Location, Problem } from './problems.js';

/**
 * What the server can do beyond JSON, filled in as the features land: a
 * capability left out is neither routed nor shown on the page (no button
 * that does nothing). Each hook is a thin adapter over a core function.
 */
export interface Capabilities {
  /**
   * Reads a filled workbook into stats input (the workbook issue's
   * `parseWorkbook(bytes)`), or its problems with the cell each is in.
   * `locate` maps a field path ("aid[3].amount") to the cell the clerk
   * typed it in, so warnings from drafting point there too.
   */
  readWorkbook?: (bytes: Uint8Array, fileName: string) => WorkbookResult | Promise<WorkbookResult>;
  /** A blank workbook to fill in, for a school or a bureau (the workbook issue's `writeWorkbook`). */
  blankWorkbook?: (kind: 'school' | 'bureau') => Uint8Array | Promise<Uint8Array>;
  /**
   * Many schools' stats → one county's (the aggregation issue's
   * `aggregateStats`), with the per-school table and the checks across files.
   */
  aggregate?: (schools: readonly SchoolInput[], options: AggregateOptions) => AggregateResult | Promise<AggregateResult>;
}

export type WorkbookResult =
  | { ok: true; data: unknown; locate?: (where: string) => Location | undefined }
  | { ok: false; problems: Problem[] };

/** One school's stats as read from the file a bureau dropped on the page. */
export interface SchoolInput {
  /** The uploaded file's name, for messages only. */
  name: string;
  stats: unknown;
}

export interface AggregateOptions {
  organisation: { name: string; kind: 'bureau'; region?: string; parent?: string };
  year: number;
}

export interface AggregateResult {
  /** The county's stats input, drafted like any other. */
  stats: unknown;
  /** The per-school table as the page shows it: a header row, then one row per school and a total row. */
  table: { columns: string[]; rows: (string | number)[][] };
  /** Checks across files (the same school twice, another year …), each naming its file in `where`. */
  warnings: Warning[];
}

/** Which capabilities are present, as `GET /api/capabilities` reports them to the page. */
export function describeCapabilities(capabilities: Capabilities) {
  return {
    inputs: capabilities.readWorkbook ? ['json', 'xlsx'] : ['json'],
    blankWorkbook: Boolean(capabilities.blankWorkbook),
    bureau: Boolean(capabilities.aggregate),
  };
}

/**
 * The capabilities `zongjie serve` starts with. JSON only for now: the
 * workbook reader and writer and the county aggregation plug in here
 * once they are in the core.
 */
export const builtInCapabilities: Capabilities = {};
