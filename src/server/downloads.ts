import { zipSync, type Zippable } from 'fflate';
import type { Draft, Format } from '../node/draft.js';
import { FORMATS } from '../node/formats.js';
import { safeFileName } from '../node/write.js';

/** What `/api/draft?format=` offers: one of the drafted files, or all of them in a zip. */
export type DownloadFormat = Format | 'zip';
export const DOWNLOAD_FORMATS: readonly DownloadFormat[] = [...FORMATS, 'zip'];

export const MEDIA_TYPES: Record<DownloadFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  md: 'text/markdown; charset=utf-8',
  zip: 'application/zip',
};

export interface Download {
  fileName: string;
  type: string;
  bytes: Uint8Array;
}

/** A draft as the file asked for, named after the report title ("云溪县教育局2025年教育帮扶工作总结.pdf"). */
export function download(draft: Draft, format: DownloadFormat): Download {
  const base = safeFileName(draft.report.title);
  if (format !== 'zip') return { fileName: `${base}.${format}`, type: MEDIA_TYPES[format], bytes: draft.outputs[format]! };
  const files: Zippable = {};
  for (const each of FORMATS) {
    const bytes = draft.outputs[each];
    // DOCX and PDF are compressed already: stored, not deflated again.
    if (bytes) files[`${base}.${each}`] = [bytes, { level: each === 'md' ? 6 : 0 }];
  }
  return { fileName: `${base}.zip`, type: MEDIA_TYPES.zip, bytes: zipSync(files, { mtime: new Date(2000, 0, 1) }) };
}

/**
 * `Content-Disposition` for a download whose name may be Chinese (RFC 6266):
 * `filename*` in UTF-8 (RFC 8187, formerly 5987) for every current browser
 * and curl's `-OJ`, and a plain ASCII `filename` for clients that know only
 * that.
 *
 * @example contentDisposition('总结.pdf') → `attachment; filename="report.pdf"; filename*=UTF-8''%E6%80%BB%E7%BB%93.pdf`
 */
export function contentDisposition(fileName: string, type: 'attachment' | 'inline' = 'attachment'): string {
  const extension = /\.[a-z0-9]+$/i.exec(fileName)?.[0] ?? '';
  const ascii = /^[\x20-\x7e]+$/.test(fileName) ? fileName.replace(/["\\]/g, '_') : `report${extension}`;
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
