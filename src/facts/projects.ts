import { toFen } from '../format/money.js';
import type { FundingSource, ProjectKind, ProjectStatus } from '../schema/enums.js';
import type { Project, YearlyStats } from '../schema/stats.js';

/** Projects summed; a sum is given only when every project gives its part exactly (no estimate, nothing missing). */
export interface ProjectSet {
  /** Indexes into stats.projects. */
  projects: number[];
  count: number;
  /** Schools: the distinct named ones, plus those counted but not named. */
  schools: number;
  /** Area in m², when every project gives an exact area. */
  area?: number;
  /** Investment in 分 (each project's stated investment, else the sum of its sources), when every project gives it exactly. */
  investmentFen?: number;
  /** Investment by source in 分, over the projects that give sources (a part: “其中”). */
  bySourceFen: Partial<Record<FundingSource, number>>;
}

/** Projects of one status that built one thing (the user's name, else the kind), with their schools together. */
export interface ProjectProgress {
  status: ProjectStatus;
  kind: ProjectKind;
  name?: string;
  /** Distinct named schools, and all schools covered (named or counted). */
  named: string[];
  schools: number;
  /** Indexes into stats.projects. */
  projects: number[];
}

/** The current projects of one programme (全面改薄), or of one kind where they name no programme. */
export interface ProjectGroup extends ProjectSet {
  programme?: string;
  kind?: ProjectKind;
  /** By status (accepted first) and what was built. */
  progress: ProjectProgress[];
}

export interface ProjectFacts extends ProjectSet {
  /** Each project, in input order: its investment in 分 (stated, else the sum of its sources; undefined where it gives neither) and its schools. */
  perProject: { investmentFen?: number; schools: number }[];
  byStatus: Partial<Record<ProjectStatus, Project[]>>;
  /** The projects of the report period (no `since`). */
  current?: ProjectSet;
  /** The current projects by programme, else by kind, in the order first seen. */
  groups: ProjectGroup[];
  /** Indexes of projects counted since an earlier year: each is stated on its own, never summed with the year's. */
  since: number[];
}

/** The investment of one project in 分: stated, else the sum of its sources; undefined when it gives neither. */
export function projectInvestmentFen(project: Project): number | undefined {
  if (project.investment !== undefined) return toFen(project.investment.value);
  return project.funding === undefined ? undefined : fundingFen(project);
}

export function fundingFen(project: Project): number {
  return Object.values(project.funding ?? {}).reduce<number>((n, v) => n + toFen(v ?? 0), 0);
}

/** The schools a project names, and how many it covers in all (a list may be a sample of `schoolCount`). */
export function projectSchools(project: Project): { named: string[]; count: number } {
  const named = project.school !== undefined ? [project.school] : (project.schools ?? []);
  return { named, count: Math.max(named.length, project.schoolCount ?? 0) };
}

function setOf(projects: readonly Project[], indexes: number[]): ProjectSet {
  const bySourceFen: ProjectSet['bySourceFen'] = {};
  const named = new Set<string>();
  let unnamed = 0;
  let area: number | undefined = 0;
  let investmentFen: number | undefined = 0;
  for (const i of indexes) {
    const p = projects[i]!;
    const schools = projectSchools(p);
    for (const s of schools.named) named.add(s);
    unnamed += schools.count - schools.named.length;
    area = area !== undefined && p.area && !p.area.approx ? area + Math.round(p.area.value * 100) : undefined;
    const fen = p.investment?.approx ? undefined : projectInvestmentFen(p);
    investmentFen = investmentFen !== undefined && fen !== undefined ? investmentFen + fen : undefined;
    for (const [source, value] of Object.entries(p.funding ?? {}) as [FundingSource, number | undefined][]) {
      if (value !== undefined) bySourceFen[source] = (bySourceFen[source] ?? 0) + toFen(value);
    }
  }
  return {
    projects: indexes,
    count: indexes.length,
    schools: named.size + unnamed,
    ...(area === undefined || indexes.length === 0 ? {} : { area: area / 100 }),
    ...(investmentFen === undefined || indexes.length === 0 ? {} : { investmentFen }),
    bySourceFen,
  };
}

const STATUS_ORDER: ProjectStatus[] = ['accepted', 'completed', 'started', 'planned'];

function progressOf(projects: readonly Project[], indexes: number[]): ProjectProgress[] {
  return STATUS_ORDER.flatMap((status) => {
    const byWhat = new Map<string, ProjectProgress>();
    for (const i of indexes) {
      const p = projects[i]!;
      if (p.status !== status) continue;
      const key = p.name ?? `kind:${p.kind}`;
      let entry = byWhat.get(key);
      if (!entry) byWhat.set(key, (entry = { status, kind: p.kind, ...(p.name ? { name: p.name } : {}), named: [], schools: 0, projects: [] }));
      const schools = projectSchools(p);
      const fresh = schools.named.filter((s) => !entry.named.includes(s));
      entry.named.push(...fresh);
      entry.schools += fresh.length + (schools.count - schools.named.length);
      entry.projects.push(i);
    }
    return [...byWhat.values()];
  });
}

export function projectFacts(stats: Pick<YearlyStats, 'projects'>): ProjectFacts | undefined {
  const { projects } = stats;
  if (projects.length === 0) return undefined;
  const byStatus: ProjectFacts['byStatus'] = {};
  for (const p of projects) (byStatus[p.status] ??= []).push(p);
  const all = projects.map((_, i) => i);
  const current = all.filter((i) => projects[i]!.since === undefined);
  const since = all.filter((i) => projects[i]!.since !== undefined);
  const keys = new Map<string, { programme?: string; kind?: ProjectKind; indexes: number[] }>();
  for (const i of current) {
    const p = projects[i]!;
    const key = p.programme !== undefined ? `programme:${p.programme}` : `kind:${p.kind}`;
    const group = keys.get(key) ?? keys.set(key, p.programme !== undefined ? { programme: p.programme, indexes: [] } : { kind: p.kind, indexes: [] }).get(key)!;
    group.indexes.push(i);
  }
  return {
    ...setOf(projects, all),
    perProject: projects.map((p) => {
      const fen = projectInvestmentFen(p);
      return { ...(fen === undefined ? {} : { investmentFen: fen }), schools: projectSchools(p).count };
    }),
    byStatus,
    ...(current.length ? { current: setOf(projects, current) } : {}),
    groups: [...keys.values()].map(({ indexes, ...which }) => ({ ...which, ...setOf(projects, indexes), progress: progressOf(projects, indexes) })),
    since,
  };
}
