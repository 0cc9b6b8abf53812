import { toFen } from '../format/money.js';
import type { FundingSource, ProjectStatus } from '../schema/enums.js';
import type { Project, YearlyStats } from '../schema/stats.js';

export interface ProjectFacts {
  count: number;
  /** Distinct schools. */
  schools: number;
  area: number;
  /** Total investment in 分: each project's stated investment, or the sum of its sources. */
  investmentFen: number;
  /** Investment by source in 分, over the projects that give sources. */
  bySourceFen: Partial<Record<FundingSource, number>>;
  byStatus: Partial<Record<ProjectStatus, Project[]>>;
}

/** The investment of one project in 分: stated, else the sum of its sources. */
export function projectInvestmentFen(project: Project): number {
  if (project.investment !== undefined) return toFen(project.investment.value);
  return fundingFen(project);
}

export function fundingFen(project: Project): number {
  return Object.values(project.funding ?? {}).reduce<number>((n, v) => n + toFen(v ?? 0), 0);
}

export function projectFacts(stats: Pick<YearlyStats, 'projects'>): ProjectFacts | undefined {
  const { projects } = stats;
  if (projects.length === 0) return undefined;
  const bySourceFen: ProjectFacts['bySourceFen'] = {};
  const byStatus: ProjectFacts['byStatus'] = {};
  let area = 0;
  let investmentFen = 0;
  for (const p of projects) {
    area += Math.round((p.area?.value ?? 0) * 100);
    investmentFen += projectInvestmentFen(p);
    for (const [source, value] of Object.entries(p.funding ?? {}) as [FundingSource, number | undefined][]) {
      if (value !== undefined) bySourceFen[source] = (bySourceFen[source] ?? 0) + toFen(value);
    }
    (byStatus[p.status] ??= []).push(p);
  }
  const named = new Set(projects.flatMap((p) => (p.school ? [p.school] : (p.schools ?? []))));
  const unnamed = projects.reduce((n, p) => n + (p.school || p.schools ? 0 : (p.schoolCount ?? 0)), 0);
  return { count: projects.length, schools: named.size + unnamed, area: area / 100, investmentFen, bySourceFen, byStatus };
}
