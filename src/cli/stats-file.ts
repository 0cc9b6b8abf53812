import type { WorkbookNotice } from '../workbook/index.js';

export { isStatsFileName, readStatsFile, type StatsFile } from '../node/stats-file.js';

/** A workbook's notices as lines for the user. */
export function noticeLines(notices: readonly WorkbookNotice[]): string[] {
  return notices.flatMap((n) => [`ℹ ${n.message.zh}`, `  ${n.message.en}`]);
}
