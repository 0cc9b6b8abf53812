// Proofreading long text: one 10,000-character paragraph, and 1,000 and
// 4,000 problems, each beside parseStats of the same stats (the schema reading
// the same text once, the linear baseline) and composeReport, which includes
// the proofreading. 4× the problems should cost about 4× the time: the
// repeat check sorts instead of comparing every pair.
import { composeReport, parseStats, proofreadStats } from 'zongjie';
import { example, median, report, timeRuns } from '../lib/stats.mjs';

const runs = Number(process.argv[2] ?? 15);
const school = await example('school');
const TOWNS = [...'石桥沙河红岩常山大柳单庄满白寺青龙白马凤凰'];

/** A sentence of its own for each i; every tenth says the one before it again, as a pasted paragraph would. */
function sentence(i) {
  const j = i % 10 === 9 ? i - 1 : i;
  return `${TOWNS[j % TOWNS.length]}${TOWNS[(j * 7 + 3) % TOWNS.length]}镇第${j + 1}小学资助家庭经济困难学生${20 + (j % 180)}人,发放资金${(j * 37) % 9000}元。`;
}

const paragraph = (length) => {
  let text = '';
  for (let i = 0; text.length < length; i++) text += sentence(i);
  return text.slice(0, length);
};

const cases = {
  paragraph: { ...school, highlights: [paragraph(10_000)] },
  problems1000: { ...school, problems: Array.from({ length: 1000 }, (_, i) => sentence(i)) },
  problems4000: { ...school, problems: Array.from({ length: 4000 }, (_, i) => sentence(i)) },
};

const result = {};
for (const [name, input] of Object.entries(cases)) {
  const stats = parseStats(input);
  // Warmed up well: the first calls of a process run before the JIT has compiled the checks.
  const proofread = await timeRuns(() => proofreadStats(stats), { runs, warmup: 30 });
  const parse = await timeRuns(() => parseStats(input), { runs, warmup: 30 });
  const compose = await timeRuns(() => composeReport(input), { runs: Math.max(3, runs >> 2) });
  // The fastest run too: the least disturbed by other processes, for the growth ratio on a shared machine.
  result[name] = { proofread: median(proofread), fastest: Math.min(...proofread), parse: median(parse), compose: median(compose), warnings: proofreadStats(stats).length };
}
report(result);
