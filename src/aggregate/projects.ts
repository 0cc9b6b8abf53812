import { toFen } from '../format/money.js';
import { PROJECT_KIND_LABELS, PROJECT_STATUS_LABELS, type ProjectKind, type ProjectStatus } from '../schema/enums.js';
import type { Project, YearlyStatsInput } from '../schema/stats.js';
import type { Rough } from '../schema/rough.js';
import { Total, type Figure } from './total.js';
import { written } from './written.js';

type ProjectOut = NonNullable<YearlyStatsInput['projects']>[number];

/** A subtotal of projects, saying what it covers: `of` of the `count` projects give the figure. */
export interface ProjectSubtotal {
  count: number;
  /** Investment in 元: each project's stated investment, else the sum of its sources. */
  investment?: Figure & { of: number };
  /** Building area in 平方米, over the projects that state one. */
  area?: Figure & { of: number };
}

export interface ProjectTotals extends ProjectSubtotal {
  byKind: Partial<Record<ProjectKind, ProjectSubtotal>>;
  byStatus: Partial<Record<ProjectStatus, ProjectSubtotal>>;
}

class Subtotal {
  count = 0;
  readonly investment = new Total('fen');
  readonly area = new Total('area');

  add(p: Project, source: string): void {
    this.count++;
    this.investment.add(investmentOf(p), source);
    this.area.add(p.area, source);
  }

  result(): ProjectSubtotal {
    const covered = (t: Total) => (t.given ? { ...t.partial, of: t.known } : undefined);
    const investment = covered(this.investment);
    const area = covered(this.area);
    return { count: this.count, ...(investment ? { investment } : {}), ...(area ? { area } : {}) };
  }
}

/** A project's investment: as stated, else the sum of its sources in 分, else none. */
function investmentOf(p: Project): Rough | undefined {
  if (p.investment) return p.investment;
  if (!p.funding) return undefined;
  let fen = 0;
  for (const v of Object.values(p.funding)) fen += v === undefined ? 0 : toFen(v);
  return { value: fen / 100 };
}

/**
 * 项目: kept as a list, every project as its school gave it; a project
 * that names no school is the reporting school's own. Subtotals per kind
 * and per status say how many projects they cover: an area or investment
 * a project does not give is not guessed.
 */
export function projectsFold() {
  const list: ProjectOut[] = [];
  const all = new Subtotal();
  const byKind = new Map<ProjectKind, Subtotal>();
  const byStatus = new Map<ProjectStatus, Subtotal>();
  return {
    add(projects: readonly Project[], school: string, source: string): void {
      for (const p of projects) {
        const named = p.school !== undefined || p.schools !== undefined || p.schoolCount !== undefined;
        list.push(written(named ? p : { ...p, school }));
        all.add(p, source);
        for (const [map, key] of [[byKind, p.kind], [byStatus, p.status]] as const) {
          let sub = (map as Map<string, Subtotal>).get(key);
          if (!sub) (map as Map<string, Subtotal>).set(key, (sub = new Subtotal()));
          sub.add(p, source);
        }
      }
    },

    finish(): { projects: ProjectOut[]; totals?: ProjectTotals } {
      if (list.length === 0) return { projects: list };
      const ordered = <K extends string>(map: Map<K, Subtotal>, order: Record<K, string>) =>
        Object.fromEntries((Object.keys(order) as K[]).flatMap((k) => (map.has(k) ? [[k, map.get(k)!.result()]] : []))) as Partial<Record<K, ProjectSubtotal>>;
      return { projects: list, totals: { ...all.result(), byKind: ordered(byKind, PROJECT_KIND_LABELS), byStatus: ordered(byStatus, PROJECT_STATUS_LABELS) } };
    },
  };
}
