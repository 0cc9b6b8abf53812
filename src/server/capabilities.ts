import type { Warning } from '../facts/warning.js';
import { aggregateSchools } from './county.js';
import type { Location, Problem } from './problems.js';
import { blankWorkbook, readWorkbookUpload } from './workbook.js';

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
  aggregate?: (schools: readonly SchoolInput[], options: AggregateOptions) => AggregateResult | AggregateRefusal | Promise<AggregateResult | AggregateRefusal>;
}

export type WorkbookResult =
  | {
      ok: true;
      data: unknown;
      locate?: (where: string) => Location | undefined;
      /** What the reader says of the file beside the data (a sheet of the clerk's own left unread), shown with the draft's warnings. */
      warnings?: Problem[];
    }
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
  /** Checks across files (the same school twice, another year …), each naming its files in its message and in `files`. */
  warnings: (Pick<Warning, 'where' | 'message'> & { code: string; files?: readonly string[] })[];
}

/** Schools' stats that cannot be added up (a file that is not valid stats): each problem naming its file. */
export interface AggregateRefusal {
  problems: Problem[];
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
 * The capabilities `zongjie serve` starts with: workbooks read
 * (`zongjie/workbook`, loaded on the first one) and handed out blank, and a
 * bureau's schools added up (`aggregateStats`).
 */
export const builtInCapabilities: Capabilities = {
  readWorkbook: (bytes, fileName) => readWorkbookUpload(bytes, fileName),
  blankWorkbook,
  aggregate: aggregateSchools,
};
