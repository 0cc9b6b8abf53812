// Baseline (b): our DOCX of the school report converted by a cold
// `soffice --headless --convert-to pdf`, one process a document, as a
// script shelling out to LibreOffice does. The profile is made before timing.
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { draftReport } from 'zongjie/node';
import { example, median, report, timeRuns } from '../lib/stats.mjs';

const runs = Number(process.argv[2] ?? 3);
const dir = await mkdtemp(join(tmpdir(), 'zongjie-bench-soffice-'));
const docx = join(dir, 'school.docx');
await writeFile(docx, (await draftReport(await example('school'), { formats: ['docx'] })).outputs.docx);
const profile = pathToFileURL(join(dir, 'profile')).href;
const convert = () =>
  promisify(execFile)('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], { timeout: 120_000 });
const times = await timeRuns(convert, { runs, warmup: 1 });
report({ convert: times, median: median(times) });
