import type { Audience } from '../schema/enums.js';
import type { YearlyStats } from '../schema/stats.js';

export interface TrainingFacts {
  count: number;
  sessions: number;
  participants: number;
  byAudience: Partial<Record<Audience, { sessions: number; participants: number }>>;
}

export function trainingFacts(stats: Pick<YearlyStats, 'trainings'>): TrainingFacts | undefined {
  if (stats.trainings.length === 0) return undefined;
  const byAudience: TrainingFacts['byAudience'] = {};
  let sessions = 0;
  let participants = 0;
  for (const t of stats.trainings) {
    // TODO(issue 11): planned trainings and missing counts must not be summed as held.
    sessions += t.sessions ?? 0;
    participants += t.participants ?? 0;
    const a = (byAudience[t.audience] ??= { sessions: 0, participants: 0 });
    a.sessions += t.sessions ?? 0;
    a.participants += t.participants ?? 0;
  }
  return { count: stats.trainings.length, sessions, participants, byAudience };
}
