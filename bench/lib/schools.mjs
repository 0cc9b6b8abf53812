// School stats files for the aggregation benchmark: the school example with
// its name and figures varied per school (a seeded generator, so every run
// aggregates the same files), a project at every fifth school and a
// training at every third, written into a directory as JSON or as the
// workbook a clerk would fill (`zongjie/workbook`).
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeWorkbook } from 'zongjie/workbook';
import { example } from './stats.mjs';

/** A small deterministic generator (mulberry32): the same seed gives the same schools. */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Writes `count` school files (`format`: json or xlsx) into `dir`; returns their paths. */
export async function writeSchools(dir, count, seed = 14, format = 'json') {
  const base = await example('school');
  delete base.$schema;
  const next = random(seed);
  const int = (min, max) => min + Math.floor(next() * (max - min + 1));
  await mkdir(dir, { recursive: true });
  const files = [];
  for (let i = 0; i < count; i++) {
    const s = structuredClone(base);
    s.organisation.name = `云溪县第${i + 1}小学`;
    const primary = int(80, 900);
    s.enrolment.stages[0].students = int(10, 80);
    s.enrolment.stages[1].students = primary;
    for (const a of s.aid) {
      if (a.stage === 'preschool') [a.students, a.amount] = [(a.students = int(1, 10)), a.students * 375];
      else if (a.programme === 'boardingSubsidy') [a.students, a.amount] = [(a.students = int(0, 40)), a.students * 500];
      else if (a.programme === 'nutrition') [a.students, a.amount] = [primary, primary * 500];
      else if (a.programme === 'freeTextbooks') [a.students, a.amount] = [primary, primary * 90 + int(0, 99) / 100];
    }
    s.aidedGroups[0].byStage = { preschool: int(0, 10), primary: int(5, 60) };
    s.aidedGroups[1].byStage = { primary: int(0, 10) };
    s.pairing = { teachers: int(5, 40), students: int(5, 60), homeVisits: int(20, 200) };
    s.dropout.checked = primary;
    s.publicity.materials = int(100, 900);
    if (i % 3 === 0) s.trainings = [{ audience: 'parents', title: '家庭教育', sessions: int(1, 3), participants: int(20, 120) }];
    if (i % 5 === 0) s.projects = [{ kind: 'renovation', area: int(100, 2000), investment: int(10, 300) * 10_000, status: 'accepted' }];
    const file = join(dir, `school-${String(i + 1).padStart(4, '0')}.${format}`);
    await writeFile(file, format === 'xlsx' ? await writeWorkbook(s) : `${JSON.stringify(s, null, 2)}\n`);
    files.push(file);
  }
  return files;
}
