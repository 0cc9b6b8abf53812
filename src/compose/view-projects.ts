import type { Voice } from '../domain/organisations.js';
import type { Facts } from '../facts/index.js';
import type { ProjectFacts, ProjectSet } from '../facts/projects.js';
import { toFen } from '../format/money.js';
import { FUNDING_LABELS, PROJECT_KIND_LABELS, type FundingSource, type ProjectKind, type ProjectStatus } from '../schema/enums.js';
import type { Project, YearlyStats } from '../schema/stats.js';
import type { ProjectGroupView, ProjectsView, ProjectView, SchoolsView } from './template-view.js';
import { rough, roughMoney, some } from './view-values.js';

/** The projects section of the view: the year's by programme, with totals where exact; those since a year on their own. */

/** How a project's progress reads in prose. */
const STATUS_PHRASES: Record<ProjectStatus, string> = {
  accepted: '已通过竣工验收',
  completed: '已完工',
  started: '已开工建设',
  planned: '已列入建设规划',
};

/** The project's kind as prose names it after its schools: "运动场建设项目"; no "某幼儿园幼儿园建设" nor "8所幼儿园幼儿园建设". */
function kindPhrase(kind: ProjectKind, schools: SchoolsView | null): string {
  const last = schools ? (schools.one ? schools.named[0]! : schools.noun) : '';
  if (kind === 'kindergarten' && last.endsWith('幼儿园')) return '建设项目';
  return `${PROJECT_KIND_LABELS[kind]}项目`;
}

function schoolsView(named: readonly string[], count: number, noun = '学校'): SchoolsView | null {
  if (count === 0) return null;
  return { named: [...named], count, noun, one: count === 1 && named.length === 1, listed: named.length === count && count <= 5, sample: named.length > 0 && named.length < count };
}

/** What the schools of projects are: 幼儿园 where every project builds one, else 学校. */
const schoolNoun = (projects: readonly Project[]) => (projects.length > 0 && projects.every((p) => p.kind === 'kindergarten') ? '幼儿园' : '学校');

function sourcesOf(bySourceFen: Partial<Record<FundingSource, number>>, voice: Voice) {
  return (Object.keys(FUNDING_LABELS) as FundingSource[]).flatMap((source) => {
    const fen = bySourceFen[source];
    // 县级 reads 区级 or 市级 after the organisation's division.
    const label = source === 'county' ? `${voice.level}资金` : FUNDING_LABELS[source];
    return fen ? [{ label, fen }] : [];
  });
}

function projectView(p: Project, sums: ProjectFacts['perProject'][number], voice: Voice): ProjectView {
  const schools = schoolsView(p.school !== undefined ? [p.school] : (p.schools ?? []), sums.schools, schoolNoun([p]));
  const fen = p.investment?.approx ? undefined : sums.investmentFen;
  return {
    since: p.since ?? null,
    schools,
    what: p.name ?? kindPhrase(p.kind, schools),
    status: STATUS_PHRASES[p.status],
    area: rough(p.area),
    investment: p.investment?.approx ? roughMoney(p.investment) : fen ? { fen, approx: null } : null,
    sources: sourcesOf(Object.fromEntries(Object.entries(p.funding ?? {}).map(([k, v]) => [k, toFen(v ?? 0)])), voice),
  };
}

function setTotals(set: ProjectSet, stats: YearlyStats, facts: ProjectFacts, voice: Voice) {
  const projects = set.projects.map((i) => stats.projects[i]!);
  // Where one entry covers several schools, entries are not projects: the schools are counted instead.
  const count = set.projects.every((i) => facts.perProject[i]!.schools <= 1) ? set.count : null;
  return { count, schools: some(set.schools), schoolNoun: schoolNoun(projects), area: some(set.area), fen: some(set.investmentFen), sources: sourcesOf(set.bySourceFen, voice) };
}

export function projectsView(stats: YearlyStats, facts: Facts, voice: Voice): ProjectsView | null {
  const p = facts.projects;
  if (!p) return null;
  const groups: ProjectGroupView[] = p.groups.map((g) => {
    const projects = g.projects.map((i) => stats.projects[i]!);
    // Figures sum exactly when every project gives them so: then one line per status and kind says the rest.
    const exact = projects.every((x) => (x.area === undefined || !x.area.approx) && (x.investment === undefined || !x.investment.approx));
    const progress = g.progress.map((e) => {
      const schools = schoolsView(e.named, e.schools, schoolNoun(e.projects.map((i) => stats.projects[i]!)));
      return { schools, what: e.name ?? kindPhrase(e.kind, schools), status: STATUS_PHRASES[e.status] };
    });
    const totals = setTotals(g, stats, p, voice);
    return {
      title: g.programme !== undefined ? `${g.programme}项目` : `${PROJECT_KIND_LABELS[g.kind!]}项目`,
      ...totals,
      // One project says it all in its own sentence; several exact ones sum, then say their progress.
      progress: exact && g.count > 1 ? progress : null,
      items: exact && g.count > 1 ? [] : g.projects.map((i) => projectView(stats.projects[i]!, facts.projects!.perProject[i]!, voice)),
    };
  });
  return {
    total: groups.length > 1 && p.current ? setTotals(p.current, stats, p, voice) : null,
    groups,
    several: groups.length > 1,
    multiYear: p.since.map((i) => projectView(stats.projects[i]!, p.perProject[i]!, voice)),
  };
}

