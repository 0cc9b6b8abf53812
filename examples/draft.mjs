// Drafts both example reports as DOCX, PDF and Markdown into examples/out/,
// and a county's summary aggregated from its schools' files into
// examples/out/county/, through the public API exactly as an installed
// package is used (`zongjie/node` resolves to this package itself via its
// `exports`). Run with `npm run example`, which builds first.
import { readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { aggregateFiles, draftReport, FontError, readStatsFile, statsFilesIn, writeDraft, writeFileAtomic } from 'zongjie/node';

const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, 'out');
const shown = (path) => relative(process.cwd(), path);
const warn = (warnings) => warnings.forEach((w) => console.warn(`  ⚠ ${w.message.zh}\n    ${w.message.en}`));
// No font for the PDF (a clone installed without its devDependencies): the error says how to get one.
const draft = (stats) =>
  draftReport(stats, { formats: ['docx', 'pdf', 'md'] }).catch((error) => {
    if (!(error instanceof FontError)) throw error;
    console.error(`✗ ${error.message}`);
    process.exit(1);
  });

for (const name of ['school', 'bureau']) {
  const stats = JSON.parse(await readFile(join(here, `${name}.json`), 'utf8'));
  const drafted = await draft(stats);
  for (const path of await writeDraft(drafted, outDir)) console.log(`wrote ${shown(path)}`);
  warn(drafted.warnings);
}

// The county: the bureau's own file (its text, the school counts, its loans), its schools'
// files added up, last year's schools for the changes, and each school's highlights listed.
// The same as: zongjie aggregate examples/county/schools --org examples/county/bureau.json
//              --previous examples/county/schools-2024 --highlights -o examples/out/county/county.json
const county = join(here, 'county');
const countyOut = join(outDir, 'county');
const bureau = (await readStatsFile(join(county, 'bureau.json'))).data;
const { organisation, year } = bureau;
const lastYear = await aggregateFiles(await statsFilesIn(join(county, 'schools-2024')), { organisation, year: year - 1, name: shown });
warn(lastYear.warnings);
const result = await aggregateFiles(await statsFilesIn(join(county, 'schools')), {
  organisation,
  year,
  bureau,
  bureauSource: shown(join(county, 'bureau.json')),
  previous: lastYear.stats,
  previousSource: shown(join(county, 'schools-2024')),
  highlights: true,
  name: shown,
});
warn(result.warnings);
await writeFileAtomic(join(countyOut, 'county.json'), `${JSON.stringify(result.stats, null, 2)}\n`);
console.log(`wrote ${shown(join(countyOut, 'county.json'))} (${result.totals.schools} schools; ${result.changes.map((c) => c.text).join('；')})`);
const drafted = await draft(result.stats);
for (const path of await writeDraft(drafted, countyOut)) console.log(`wrote ${shown(path)}`);
warn(drafted.warnings);
