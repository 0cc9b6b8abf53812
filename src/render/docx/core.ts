import type { ReportMeta } from '../../model/index.js';

/**
 * docProps/core.xml written from the report, not the clock: docx stamps
 * `dcterms:created` and `dcterms:modified` with `new Date()`, so the same
 * report would give different bytes on every run.
 */
export function coreProperties(meta: ReportMeta): string {
  const stamp = `${isoDate(meta.date)}T00:00:00Z`;
  const field = (tag: string, value: string) => (value ? `<${tag}>${escapeXml(value)}</${tag}>` : '');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    field('dc:title', meta.title) +
    field('dc:subject', meta.subject) +
    field('dc:creator', meta.author) +
    field('cp:keywords', meta.keywords.join('; ')) +
    field('dc:language', meta.language) +
    field('cp:lastModifiedBy', meta.author) +
    '<cp:revision>1</cp:revision>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

/**
 * The report date checked as a real yyyy-mm-dd day.
 *
 * @throws {RangeError} when it is not one.
 */
export function isoDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const d = m && new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (!d || d.toISOString().slice(0, 10) !== date) {
    throw new RangeError(`renderDocx: meta.date must be a yyyy-mm-dd day, got ${JSON.stringify(date)}`);
  }
  return date;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
