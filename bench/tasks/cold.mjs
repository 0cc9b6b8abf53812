// Cold start: this process's start → the first DOCX and PDF written, as a
// script using zongjie/node would do it (draftReport + writeDraft).
import { readFile } from 'node:fs/promises';
import { draftReport, writeDraft } from 'zongjie/node';

const [stats, out] = [JSON.parse(await readFile(process.argv[2], 'utf8')), process.argv[3]];
const draft = await draftReport(stats, { formats: ['docx', 'pdf'] });
await writeDraft(draft, out);
process.stdout.write(`${JSON.stringify({ ms: process.uptime() * 1000 })}\n`);
