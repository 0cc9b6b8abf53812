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
    sessions += t.sessions;
    participants += t.participants;
    const a = (byAudience[t.audience] ??= { sessions: 0, participants: 0 });
    a.sessions += t.sessions;
    a.participants += t.participants;
  }
  return { count: stats.trainings.length, sessions, participants, byAudience };
}
