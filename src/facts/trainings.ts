import type { ActivityStatus, Audience } from '../schema/enums.js';
import type { Training, YearlyStats } from '../schema/stats.js';

/** Sessions and participants summed over trainings, with whether every one gave them. */
export interface TrainingTally {
  count: number;
  sessions: number;
  participants: number;
  known: { sessions: boolean; participants: boolean };
}

export interface TrainingFacts {
  /** All trainings, whatever their status. */
  count: number;
  /** Held (status done, the default): what “培训N期、N人次” sums. Planned ones are targets, never counted as held. */
  sessions: number;
  participants: number;
  /** Whether every held training gave sessions, participants: a total is stated only then. */
  known: { sessions: boolean; participants: boolean };
  /** Per status: done, ongoing, planned. */
  byStatus: Partial<Record<ActivityStatus, TrainingTally>>;
  /** Held trainings per audience. */
  byAudience: Partial<Record<Audience, { sessions: number; participants: number }>>;
}

export const statusOf = (t: Training): ActivityStatus => t.status ?? 'done';

export function trainingFacts(stats: Pick<YearlyStats, 'trainings'>): TrainingFacts | undefined {
  if (stats.trainings.length === 0) return undefined;
  const byAudience: TrainingFacts['byAudience'] = {};
  const byStatus: TrainingFacts['byStatus'] = {};
  for (const t of stats.trainings) {
    const status = statusOf(t);
    const tally = (byStatus[status] ??= { count: 0, sessions: 0, participants: 0, known: { sessions: true, participants: true } });
    tally.count += 1;
    tally.sessions += t.sessions ?? 0;
    tally.participants += t.participants ?? 0;
    if (t.sessions === undefined) tally.known.sessions = false;
    if (t.participants === undefined) tally.known.participants = false;
    if (status !== 'done') continue;
    const a = (byAudience[t.audience] ??= { sessions: 0, participants: 0 });
    a.sessions += t.sessions ?? 0;
    a.participants += t.participants ?? 0;
  }
  const held = byStatus.done;
  return {
    count: stats.trainings.length,
    sessions: held?.sessions ?? 0,
    participants: held?.participants ?? 0,
    known: held ? held.known : { sessions: false, participants: false },
    byStatus,
    byAudience,
  };
}
