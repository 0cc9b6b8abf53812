// Drafts both example reports as DOCX, PDF and Markdown into examples/out/,
// through the public API exactly as an installed package is used
// (`zongjie/node` resolves to this package itself via its `exports`).
// Run with `npm run example`, which builds first.
import { readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { draftReport, writeDraft } from 'zongjie/node';

const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, 'out');

for (const name of ['school', 'bureau']) {
  const stats = JSON.parse(await readFile(join(here, `${name}.json`), 'utf8'));
  const draft = await draftReport(stats, { formats: ['docx', 'pdf', 'md'] });
  for (const path of await writeDraft(draft, outDir)) console.log(`wrote ${relative(process.cwd(), path)}`);
  for (const warning of draft.warnings) console.warn(`  ⚠ ${warning.message.zh}\n    ${warning.message.en}`);
}
